// The BPS series as the statistics page's charts draw it: one point per year, oldest first, each
// figure as stored or null where BPS gave none (the line then joins the years around it).
import type { StatisticRow } from "./queries";

export type BpsChartPoint = {
  year: string;
  /** P0, the poverty headcount rate, in percent. */
  povertyRatePct: number | null;
  extremeRatePct: number | null;
  /** The poverty gap index. */
  p1: number | null;
  /** The poverty severity index. */
  p2: number | null;
  /** Whole Rupiah per person per month; a chart's axis is a number, and a poverty line is far below 2^53. */
  povertyLineRupiah: number | null;
};

export function bpsChartPoints(series: readonly StatisticRow[]): BpsChartPoint[] {
  return series.map((row) => ({
    year: String(row.year),
    povertyRatePct: row.povertyRatePct,
    extremeRatePct: row.extremeRatePct,
    p1: row.p1,
    p2: row.p2,
    povertyLineRupiah: row.povertyLineRupiah === null ? null : Number(row.povertyLineRupiah),
  }));
}

/** A chart point with the target set for its year, if any. */
export type TargetedPoint = BpsChartPoint & { target: number | null };

/**
 * The points with each target at its year, for a rate's chart: a target year past the last
 * figure (or before the first) gets a point of its own with no figures, so the chart runs to the
 * last target and shows the way still to go.
 */
export function withTargetPath(points: readonly BpsChartPoint[], targets: readonly { year: number; value: number }[]): TargetedPoint[] {
  const byYear = new Map<string, TargetedPoint>(points.map((point) => [point.year, { ...point, target: null }]));
  for (const target of targets) {
    const year = String(target.year);
    const point = byYear.get(year) ?? { year, povertyRatePct: null, extremeRatePct: null, p1: null, p2: null, povertyLineRupiah: null, target: null };
    byYear.set(year, { ...point, target: target.value });
  }
  return [...byYear.values()].sort((a, b) => Number(a.year) - Number(b.year));
}
