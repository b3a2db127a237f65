// The fiscal years a city works in: this one (in the city's time zone, so Jayapura's new year
// starts nine hours before UTC's), from the city's first year with a programme to next year
// (a programme is planned a year ahead, never further); and the years a record may be saved in.
import type { Tx } from "@/lib/db";
import { errorWordsIn } from "@/lib/actions/error-words";
import { AppError, type ErrorWords } from "@/lib/errors";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { currentYearMonth } from "./months";

export type FiscalYears = { current: number; first: number; last: number };

export function fiscalYearsOf(current: number, firstWithData: number | null): FiscalYears {
  return { current, first: Math.min(firstWithData ?? current, current), last: current + 1 };
}

export async function cityFiscalYears(tx: Tx, tenantId: string, now: Date = new Date()): Promise<FiscalYears> {
  const [timeZone, earliest] = await Promise.all([tenantTimeZone(tx, tenantId), tx.programme.aggregate({ where: { tenantId }, _min: { fiscalYear: true } })]);
  return fiscalYearsOf(currentYearMonth(timeZone, now).year, earliest._min.fiscalYear);
}

/** The year a page shows: the one asked for when the city works in it, else this year. */
export function shownFiscalYear(asked: number | null | undefined, years: FiscalYears): number {
  return asked != null && asked >= years.first && asked <= years.last ? asked : years.current;
}

/** The years a year picker offers, newest first: the range, and any year with data in it. */
export function fiscalYearChoices(years: FiscalYears, withData: readonly number[] = []): number[] {
  const range = Array.from({ length: years.last - years.first + 1 }, (_, i) => years.last - i);
  return [...new Set([...range, ...withData.filter((year) => year >= years.first && year <= years.last)])].sort((a, b) => b - a);
}

export const isClosedFiscalYear = (year: number, years: FiscalYears) => year < years.current;

/**
 * How far back a programme or a Dana PEM fund may be entered: the five years of a medium-term
 * plan (RPJMD), so a plan's past years can still be recorded; a year further back is a typing
 * mistake (2016 for 2026) that would stretch every year picker of the city.
 */
export const YEARS_BACK = 5;

/** The years a record may be saved in: five years back to next year (planned a year ahead, never further). */
export function plannableYears(years: FiscalYears): { first: number; last: number } {
  return { first: years.current - YEARS_BACK, last: years.last };
}

/** Why a record cannot be saved in `year`, as catalogue words (Error.fiscalYear), or null when it can. */
export function plannableYearProblem(year: number, years: FiscalYears): ErrorWords | null {
  const { first, last } = plannableYears(years);
  if (year < first) return { key: "Error.fiscalYear.tooEarly", params: { first } };
  if (year > last) return { key: "Error.fiscalYear.tooLate", params: { last } };
  return null;
}

/**
 * Refuses a year outside the years a record may be saved in, on `field`. The form's schema
 * only knows a year (MIN_FISCAL_YEAR to MAX_FISCAL_YEAR); this is the city's own range.
 */
export function assertPlannableYear(year: number, years: FiscalYears, field = "fiscalYear"): void {
  const words = plannableYearProblem(year, years);
  if (!words) return;
  const message = errorWordsIn(words, "id");
  throw new AppError("INVALID", message, { [field]: [message] }, words);
}
