// The fiscal years a city works in: this one (in the city's time zone, so Jayapura's new year
// starts nine hours before UTC's), from the city's first year with a programme to next year
// (a programme is planned a year ahead, never further).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
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
 * A year a record may be planned in: no later than next year. The lower bound stays the
 * form's floor, since a city's first programme is what makes its first year.
 */
export function assertPlannableYear(year: number, years: FiscalYears): void {
  if (year <= years.last) return;
  const message = `Tahun anggaran paling lambat ${years.last}.`;
  throw new AppError("INVALID", message, { fiscalYear: [message] }, { key: "Programmes.errors.yearTooLate", params: { last: years.last } });
}
