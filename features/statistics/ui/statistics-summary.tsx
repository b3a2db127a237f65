import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { StatisticRow, TargetRow } from "@/features/statistics/queries";
import { figureTrend, targetGap, targetPhase, targetSentence, trendSentence, type FigureKind } from "@/features/statistics/target-progress";
import { TargetSparkline } from "./target-sparkline";

type Indicator = "POVERTY_RATE" | "EXTREME_POVERTY_RATE" | "POOR_PEOPLE" | "EXTREME_POOR_PEOPLE";

/** Each indicator's column, and for a rate the column of the people it stands for. */
const FIELD: Record<Indicator, { value: keyof StatisticRow; people?: keyof StatisticRow }> = {
  EXTREME_POVERTY_RATE: { value: "extremeRatePct", people: "extremePoorPeople" },
  POVERTY_RATE: { value: "povertyRatePct", people: "poorPeople" },
  EXTREME_POOR_PEOPLE: { value: "extremePoorPeople" },
  POOR_PEOPLE: { value: "poorPeople" },
};

/**
 * Each indicator's latest value, its trend over the years and where it stands against its
 * target on `currentYear` (the city's calendar year): on the way, past the target year and
 * still above it, or reached.
 */
export async function StatisticsSummary({
  series,
  targetOf,
  currentYear,
  area = null,
}: {
  series: StatisticRow[];
  targetOf: (indicator: Indicator, fromYear: number) => TargetRow | null;
  currentYear: number;
  /** A kecamatan's name; null for the whole city. */
  area?: string | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>]);
  const cards = (Object.keys(FIELD) as Indicator[]).map((indicator) => {
    const field = FIELD[indicator];
    const points = series.flatMap((row) => (typeof row[field.value] === "number" ? [{ year: row.year, value: row[field.value] as number }] : []));
    const latest = points.at(-1);
    if (!latest) return null;
    const kind: FigureKind = field.people ? "rate" : "people";
    const show = (n: number) => (kind === "rate" ? formatPercent(n, { locale, minimumFractionDigits: 2 }) : formatNumber(n, { locale }));
    const target = targetOf(indicator, latest.year);
    const latestRow = series.find((row) => row.year === latest.year);
    const people = field.people && typeof latestRow?.[field.people] === "number" ? (latestRow[field.people] as number) : null;
    const phase = target ? targetPhase({ targetYear: target.year, gap: targetGap(latest.value, target.value), currentYear }) : null;
    const trend = figureTrend(points);
    return (
      <StatCard
        key={indicator}
        label={t("summary.latest", { indicator: t(`indicators.${indicator}`), year: latest.year })}
        value={show(latest.value)}
        tone={phase === "reached" || phase === null ? "neutral" : "highlight"}
        hint={
          <>
            {trend ? (
              <TargetSparkline
                points={points}
                target={target?.value ?? null}
                label={t("progress.sparkline", {
                  fromYear: trend.fromYear,
                  toYear: trend.toYear,
                  from: show(trend.from),
                  to: show(trend.to),
                  target: target ? show(target.value) : "–",
                })}
              />
            ) : null}
            {trend ? <span className="block">{trendSentence(t, points, { locale, kind })}</span> : null}
            <span className="block">{target ? targetSentence(t, { latest, people, target, currentYear, kind, locale, area }) : t("summary.noTarget")}</span>
          </>
        }
      />
    );
  });
  return <StatGrid label={t("summary.label")}>{cards}</StatGrid>;
}
