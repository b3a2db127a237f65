// Absorption (serapan) against the pagu and against the calendar.
import { divideRoundHalfUp, percentOf, type Rupiah } from "@/lib/money";

/** A calendar month; `month` is 1–12. */
export type YearMonth = { year: number; month: number };

/** This month in the tenant's time zone. */
export function currentYearMonth(timeZone: string, now: Date = new Date()): YearMonth {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric" }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month") };
}

/**
 * Whole months of the fiscal year that are over: a past year 12, a future year 0, the
 * current year the months before this one (November's spending is not complete until
 * November ends).
 */
export function monthsElapsed(fiscalYear: number, today: YearMonth): number {
  if (fiscalYear < today.year) return 12;
  if (fiscalYear > today.year) return 0;
  return today.month - 1;
}

/** The last month of the fiscal year that spending can be recorded for (0: none yet). */
export function lastRecordableMonth(fiscalYear: number, today: YearMonth): number {
  if (fiscalYear < today.year) return 12;
  if (fiscalYear > today.year) return 0;
  return today.month;
}

export type Absorption = {
  pagu: Rupiah;
  /** Verified realisation only. */
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
