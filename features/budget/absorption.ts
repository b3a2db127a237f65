// Absorption (serapan) against the pagu and against the calendar.
import { monthsElapsed } from "@/lib/calendar/fiscal-year";
import type { YearMonth } from "@/lib/calendar/months";
import { divideRoundHalfUp, percentOf, type Rupiah } from "@/lib/money";

export type Absorption = {
  pagu: Rupiah;
  /** What the line has realised (./line-entries.ts): verified realisation, and verified aid on ON_TOP lines. */
  realised: Rupiah;
  /** realised / pagu in percent (2 decimals); null without a pagu. */
  absorption: number | null;
  monthsElapsed: number;
  /** The share of the year that is over, in percent: what absorption "should" be by now. */
  expected: number;
  /** absorption − expected, in percentage points (2 decimals); negative is behind. */
  gap: number | null;
};

export function absorptionOf(pagu: Rupiah, realised: Rupiah, fiscalYear: number, today: YearMonth): Absorption {
  const months = monthsElapsed(fiscalYear, today);
  const expected = percentOf(BigInt(months), 12n) ?? 0;
  // Exact: (realised/pagu − months/12) × 100, rounded once, never via floats.
  const gap = pagu === 0n ? null : Number(divideRoundHalfUp((realised * 12n - BigInt(months) * pagu) * 10_000n, pagu * 12n)) / 100;
  return { pagu, realised, absorption: percentOf(realised, pagu), monthsElapsed: months, expected, gap };
}

/** Programmes further behind the calendar than this many percentage points are flagged (the budget dashboard, the programme list). */
export const BEHIND_THRESHOLD_POINTS = 15;

/** Whether absorption lags the share of the year that is over by more than BEHIND_THRESHOLD_POINTS. */
export function isBehindCalendar(absorption: Pick<Absorption, "gap">): boolean {
  return absorption.gap !== null && absorption.gap < -BEHIND_THRESHOLD_POINTS;
}

/** A budget line counts as near its pagu from this share realised on. */
export const NEAR_PAGU_PERCENT = 90n;

/** Whether a line with a pagu has realised NEAR_PAGU_PERCENT of it or more (exact, in whole Rupiah). */
export function isNearPagu(pagu: Rupiah, realised: Rupiah): boolean {
  return pagu > 0n && realised * 100n >= pagu * NEAR_PAGU_PERCENT;
}
