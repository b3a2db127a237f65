import { getLocale, getTranslations } from "next-intl/server";
import { gapStatement } from "@/features/budget/ui/absorption-summary";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { AbsorptionRow } from "@/features/dashboards/budget/queries";
import { formatNumber, formatPercent, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** The central fiscal incentive beside the city's own money, and how many programmes lag. */
export async function IncentiveApart({
  incentive,
  other,
  programmesBehind,
  thresholdPoints,
}: {
  incentive: AbsorptionRow;
  other: AbsorptionRow;
  programmesBehind: number;
  thresholdPoints: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("BudgetDashboard.apart"), getLocale() as Promise<AppLocale>]);
  const value = (row: AbsorptionRow) => t("value", { absorption: formatPercent(row.absorption, { locale }), pagu: formatRupiahShort(row.pagu, { locale }) });
  return (
    <StatGrid label={t("label")}>
      <StatCard label={t("incentive")} value={<span className="text-xl">{value(incentive)}</span>} hint={await gapStatement(incentive.gap)} tone="highlight" />
      <StatCard label={t("other")} value={<span className="text-xl">{value(other)}</span>} hint={await gapStatement(other.gap)} />
      <StatCard
        label={t("behind")}
        value={<span className="text-xl">{formatNumber(programmesBehind, { locale })}</span>}
        hint={t("behindHint", { points: formatNumber(thresholdPoints, { locale }) })}
        tone={programmesBehind > 0 ? "highlight" : "neutral"}
      />
    </StatGrid>
  );
}
