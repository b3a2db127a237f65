// The fiscal year (tahun anggaran) is the calendar year. What every domain asks of it: a
// valid year in a form or the URL, and how much of it is over by a given month.
import { z } from "@/lib/validation/zod";
import type { YearMonth } from "./months";
import { wordsMessage } from "@/lib/errors/words-message";

export const MIN_FISCAL_YEAR = 2015;
export const MAX_FISCAL_YEAR = 2100;

/** A fiscal year from a form field; its messages name their catalogue words. */
export const fiscalYear = z.coerce
  .number({ error: wordsMessage("Validation.form.fiscalYearRequired") })
  .int(wordsMessage("Validation.form.fiscalYearWhole"))
  .min(MIN_FISCAL_YEAR, wordsMessage("Validation.form.fiscalYearMin", { min: MIN_FISCAL_YEAR }))
  .max(MAX_FISCAL_YEAR, wordsMessage("Validation.form.fiscalYearMax", { max: MAX_FISCAL_YEAR }));

/** `?tahun=` from the URL: a fiscal year, or null when absent or nonsense. */
export function parseYearParam(raw: string | string[] | undefined): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const parsed = fiscalYear.safeParse(value);
  return parsed.success && value !== undefined && value !== "" ? parsed.data : null;
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
