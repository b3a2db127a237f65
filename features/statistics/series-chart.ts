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
