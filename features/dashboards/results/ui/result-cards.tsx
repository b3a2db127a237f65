import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { ResultFigures } from "@/features/dashboards/results/queries";
import { formatNumber, formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureRow } from "@/lib/spreadsheet/figures";

type PerKey = "perTrained" | "perEquipped" | "perReached";

/**
 * The money, then each result with the Rupiah the kind of spending that buys it cost per
 * result, and the figure's definition under it. Counts and amounts per result come as the
 * results tables' suppressed totals row shows them (`shown`), so a card hides what they hide.
 */
export async function ResultCards({ label, figures, shown }: { label: string; figures: ResultFigures; shown: FigureRow }) {
  const [t, defined, locale] = await Promise.all([
    getTranslations("ResultsDashboard.cards"),
    getTranslations("ResultsDashboard.defined"),
    getLocale() as Promise<AppLocale>,
  ]);
  const per = (key: PerKey) => {
    const cell = shown[key];
    if (typeof cell === "string") return cell;
    const amount = figures[key];
    return amount === null ? t("noPer") : t(key, { amount: formatRupiahShort(amount, { locale }) });
  };
  const count = (key: string) => {
    const cell = shown[key];
    return typeof cell === "number" ? formatNumber(cell, { locale }) : (cell ?? "–");
  };
  const hint = (definition: string, perResult?: string) => (
    <>
      {perResult ? <span className="block font-medium text-ink">{perResult}</span> : null}
      {/* On paper the summary keeps to one sheet: the definitions print once, in the paragraph below the cards. */}
      <span className="block text-xs print:hidden">{definition}</span>
    </>
  );
  return (
    <StatGrid label={label}>
      <StatCard
        label={t("realised")}
        value={formatRupiahShort(figures.realised, { locale })}
        hint={hint(defined("realised"), formatRupiah(figures.realised, { locale }))}
        tone="highlight"
      />
      <StatCard label={t("trained")} value={count("trained")} hint={hint(defined("trained"), per("perTrained"))} />
      <StatCard label={t("equipped")} value={count("equipped")} hint={hint(defined("equipped"), per("perEquipped"))} />
      <StatCard label={t("reached")} value={count("reached")} hint={hint(defined("reached"), per("perReached"))} />
      <StatCard label={t("businesses")} value={count("businesses")} hint={hint(defined("businesses"))} />
      <StatCard label={t("graduates")} value={count("graduates")} hint={hint(defined("graduates"))} />
    </StatGrid>
  );
}
