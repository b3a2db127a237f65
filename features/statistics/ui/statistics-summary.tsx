import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { StatisticRow, TargetRow } from "@/features/statistics/queries";

type Indicator = "POVERTY_RATE" | "EXTREME_POVERTY_RATE" | "POOR_PEOPLE" | "EXTREME_POOR_PEOPLE";

const FIELD: Record<Indicator, keyof StatisticRow> = {
  POVERTY_RATE: "povertyRatePct",
  EXTREME_POVERTY_RATE: "extremeRatePct",
  POOR_PEOPLE: "poorPeople",
  EXTREME_POOR_PEOPLE: "extremePoorPeople",
};

/** The latest observed value of each indicator, its target and the gap to it. */
export async function StatisticsSummary({
  series,
  targetOf,
}: {
  series: StatisticRow[];
  targetOf: (indicator: Indicator, fromYear: number) => TargetRow | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>]);
  const cards = (Object.keys(FIELD) as Indicator[]).map((indicator) => {
    const latest = [...series].reverse().find((row) => row[FIELD[indicator]] !== null);
    if (!latest) return null;
    const value = latest[FIELD[indicator]] as number;
    const rate = indicator.endsWith("RATE");
    const show = (n: number) => (rate ? formatPercent(n, { locale, minimumFractionDigits: 2 }) : formatNumber(n, { locale }));
    const target = targetOf(indicator, latest.year);
    const gap = target ? Math.max(0, value - target.value) : null;
    return (
      <StatCard
        key={indicator}
        label={t("summary.latest", { indicator: t(`indicators.${indicator}`), year: latest.year })}
        value={show(value)}
        tone={target && gap ? "highlight" : "neutral"}
        hint={
          target
            ? t("summary.targetHint", {
                target: show(target.value),
                year: target.year,
                gap: rate ? t("summary.points", { value: formatNumber(gap ?? 0, { locale, maximumFractionDigits: 2 }) }) : show(gap ?? 0),
              })
            : t("summary.noTarget")
        }
      />
    );
  });
  return <StatGrid label={t("summary.label")}>{cards}</StatGrid>;
}
