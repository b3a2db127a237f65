// Where a poverty figure stands against its target, and how it moved over the years. Lower is
// better for every figure measured here (rates, people, households).
import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { StatisticsT } from "./tables";

/**
 * "ahead": the target year has not ended yet; "passed": it has, and the figure is still above
 * the target; "reached": the figure is at or below it.
 */
export type TargetPhase = "ahead" | "passed" | "reached";

/**
 * The phase on `currentYear` (the city's calendar year, from lib/calendar): a target year is
 * over once the next year has begun. An unknown gap (a suppressed count) is never "reached".
 */
export function targetPhase({ targetYear, gap, currentYear }: { targetYear: number; gap: number | null; currentYear: number }): TargetPhase {
  if (gap !== null && gap <= 0) return "reached";
  return currentYear > targetYear ? "passed" : "ahead";
}

/** How far a figure is above its target (0 at or below it), without float dust (0.25, not 0.25000000000000355). */
export function targetGap(latest: number, target: number): number {
  return Math.max(0, Math.round((latest - target) * 1e6) / 1e6);
}

export type ObservedFigure = { year: number; value: number };

/** The change from the first to the last observed year of a series, oldest year first; null below two years. */
export function figureTrend(points: readonly ObservedFigure[]): { fromYear: number; from: number; toYear: number; to: number; change: number } | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || first === last) return null;
  return { fromYear: first.year, from: first.value, toYear: last.year, to: last.value, change: Math.round((last.value - first.value) * 1e6) / 1e6 };
}

/** Whether a figure is a rate (shown as "8,61 %", its gaps in percentage points) or a number of people. */
export type FigureKind = "rate" | "people";

type Shown = { locale: AppLocale; kind: FigureKind };

function showFigure(t: StatisticsT, value: number, { locale, kind }: Shown): string {
  return kind === "rate"
    ? formatPercent(value, { locale, minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : t("progress.people", { count: formatNumber(value, { locale }) });
}

function showTarget(t: StatisticsT, value: number, { locale, kind }: Shown): string {
  return kind === "rate" ? formatPercent(value, { locale }) : t("progress.people", { count: formatNumber(value, { locale }) });
}

function showChange(t: StatisticsT, value: number, { locale, kind }: Shown): string {
  return kind === "rate"
    ? t("summary.points", { value: formatNumber(value, { locale, maximumFractionDigits: 2 }) })
    : t("progress.people", { count: formatNumber(value, { locale }) });
}

/**
 * The sentence under a figure: before or in the target year "Menuju target 2024: 0 %; …, masih
 * 0,94 poin persentase lagi", after it "Target 2024 sudah lewat; kota masih 0,37 % (1.750 orang)
 * pada 2024, 0,37 poin persentase di atas target 0 %", or that the target is reached.
 * `people`: the number of people a rate stands for in the latest year, when known.
 */
export function targetSentence(
  t: StatisticsT,
  input: {
    latest: ObservedFigure;
    people?: number | null;
    target: { year: number; value: number };
    currentYear: number;
    kind: FigureKind;
    locale: AppLocale;
    /** A kecamatan's name; absent for the whole city. */
    area?: string | null;
  },
): string {
  const shown = { locale: input.locale, kind: input.kind };
  const gap = targetGap(input.latest.value, input.target.value);
  const phase = targetPhase({ targetYear: input.target.year, gap, currentYear: input.currentYear });
  const figure = showFigure(t, input.latest.value, shown);
  const people = input.people ?? null;
  return t(`progress.${phase}`, {
    year: input.target.year,
    target: showTarget(t, input.target.value, shown),
    area: input.area ?? t("progress.city"),
    value: people === null ? figure : t("progress.withPeople", { value: figure, people: formatNumber(people, { locale: input.locale }) }),
    dataYear: input.latest.year,
    gap: showChange(t, gap, shown),
  });
}

/** "Turun 2,02 poin persentase sejak 2019", or null below two observed years. */
export function trendSentence(t: StatisticsT, points: readonly ObservedFigure[], { locale, kind }: Shown): string | null {
  const trend = figureTrend(points);
  if (!trend) return null;
  const direction = trend.change < 0 ? "down" : trend.change > 0 ? "up" : "flat";
  return t(`progress.${direction}`, { change: showChange(t, Math.abs(trend.change), { locale, kind }), year: trend.fromYear });
}
