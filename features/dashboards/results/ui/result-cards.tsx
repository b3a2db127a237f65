import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { ResultFigures } from "@/features/dashboards/results/queries";
import { formatNumber, formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureRow } from "@/lib/spreadsheet/figures";

/**
 * The money, then each result with the Rupiah it cost. Counts and amounts per result come as
 * the results tables' suppressed totals row shows them (`shown`), so a card hides what they hide.
 */
export async function ResultCards({ label, figures, shown }: { label: string; figures: ResultFigures; shown: FigureRow }) {
  const [t, locale] = await Promise.all([getTranslations("ResultsDashboard.cards"), getLocale() as Promise<AppLocale>]);
  const per = (key: string, amount: bigint | null) => {
    const cell = shown[key];
    if (typeof cell === "string") return cell;
    return amount === null ? t("noPer") : t("per", { amount: formatRupiahShort(amount, { locale }) });
  };
  const count = (key: string) => {
    const cell = shown[key];
    return typeof cell === "number" ? formatNumber(cell, { locale }) : (cell ?? "–");
  };
  return (
    <StatGrid label={label}>
      <StatCard
        label={t("realised")}
        value={formatRupiahShort(figures.realised, { locale })}
        hint={formatRupiah(figures.realised, { locale })}
        tone="highlight"
      />
      <StatCard label={t("trained")} value={count("trained")} hint={per("perTrained", figures.perTrained)} />
      <StatCard label={t("reached")} value={count("reached")} hint={per("perReached", figures.perReached)} />
      <StatCard label={t("businesses")} value={count("businesses")} hint={per("perBusiness", figures.perBusiness)} />
      <StatCard label={t("graduates")} value={count("graduates")} hint={per("perGraduate", figures.perGraduate)} />
    </StatGrid>
  );
}
