import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { ResultFigures } from "@/features/dashboards/results/queries";
import { formatNumber, formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** The money, then each result with the Rupiah it cost. */
export async function ResultCards({ label, figures }: { label: string; figures: ResultFigures }) {
  const [t, locale] = await Promise.all([getTranslations("ResultsDashboard.cards"), getLocale() as Promise<AppLocale>]);
  const per = (amount: bigint | null) => (amount === null ? t("noPer") : t("per", { amount: formatRupiahShort(amount, { locale }) }));
  const count = (value: number) => formatNumber(value, { locale });
  return (
    <StatGrid label={label}>
      <StatCard
        label={t("realised")}
        value={formatRupiahShort(figures.realised, { locale })}
        hint={formatRupiah(figures.realised, { locale })}
        tone="highlight"
      />
      <StatCard label={t("trained")} value={count(figures.trained)} hint={per(figures.perTrained)} />
      <StatCard label={t("reached")} value={count(figures.reached)} hint={per(figures.perReached)} />
      <StatCard label={t("businesses")} value={count(figures.businesses)} hint={per(figures.perBusiness)} />
      <StatCard label={t("graduates")} value={count(figures.graduates)} hint={per(figures.perGraduate)} />
    </StatGrid>
  );
}
