import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { TargetProgress } from "@/features/dashboards/poverty/queries";
import type { FigureCell, FigureRow } from "@/lib/spreadsheet/figures";
import { targetPhase } from "@/features/statistics/target-progress";
import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * The headline figures: extreme-poor households, coverage, unreached, targeting, target. Each
 * is read from a suppressed table (the totals rows of the tables below, or the cards' own row,
 * suppressed with them by povertyAreaTables), so a hidden count shows its marker here too.
 */
export async function PovertySummary({
  coverage,
  registry,
  targetingTotal,
  summary: own,
  target,
  currentYear,
}: {
  /** Totals row of the unreached table: extremePoor, reached, unreached, coverage. */
  coverage: FigureRow;
  /** Totals row of the kecamatan table: households, extremePoor. */
  registry: FigureRow;
  /** Totals row of the targeting table: accuracy. */
  targetingTotal: FigureRow;
  /** The cards' own figures: eligible, eligibleReached, eligibleUnreached, exclusion, current, gap. */
  summary: FigureRow;
  target: TargetProgress["target"];
  /** The city's calendar year (lib/calendar): after the target's year the card says the date has passed. */
  currentYear: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard.summary"), getLocale() as Promise<AppLocale>]);
  const n = (value: FigureCell | undefined) => (typeof value === "number" ? formatNumber(value, { locale }) : (value ?? "–"));
  const pct = (value: FigureCell | undefined) =>
    typeof value === "number" || value === null || value === undefined
      ? formatPercent(value ?? null, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : value;
  return (
    <StatGrid label={t("label")}>
      <StatCard label={t("extremePoor")} value={n(coverage.extremePoor)} hint={t("extremePoorHint", { households: n(registry.households) })} />
      <StatCard label={t("coverage")} value={pct(coverage.coverage)} hint={t("coverageHint", { reached: n(coverage.reached) })} tone="highlight" />
      <StatCard label={t("unreached")} value={n(coverage.unreached)} hint={t("unreachedHint")} tone="highlight" />
      <StatCard label={t("accuracy")} value={pct(targetingTotal.accuracy)} hint={t("accuracyHint")} />
      <StatCard label={t("exclusion")} value={pct(own.exclusion)} hint={t("exclusionHint", { count: n(own.eligibleUnreached) })} />
      {target ? (
        <TargetCard target={target} current={own.current} gap={own.gap} currentYear={currentYear} n={n} t={t} />
      ) : (
        <StatCard label={t("noTarget")} value="–" hint={t("noTargetHint")} />
      )}
    </StatGrid>
  );
}

/** Extreme-poor households against the city's target: on the way, reached, or past its year and still above it. */
function TargetCard({
  target,
  current,
  gap,
  currentYear,
  n,
  t,
}: {
  target: NonNullable<TargetProgress["target"]>;
  current: FigureCell | undefined;
  gap: FigureCell | undefined;
  currentYear: number;
  n: (value: FigureCell | undefined) => string;
  t: Awaited<ReturnType<typeof getTranslations<"PovertyDashboard.summary">>>;
}) {
  const phase = targetPhase({ targetYear: target.year, gap: typeof gap === "number" ? gap : null, currentYear });
  const words = { year: target.year, target: n(target.value), gap: n(gap) };
  const label = { ahead: t("target", words), passed: t("targetPassed", words), reached: t("targetReached", words) }[phase];
  const hint = { ahead: t("targetHint", words), passed: t("targetPassedHint", words), reached: t("targetReachedHint", words) }[phase];
  return <StatCard label={label} value={n(current)} hint={hint} tone={phase === "passed" ? "highlight" : "neutral"} />;
}
