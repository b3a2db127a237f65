// Calendar months: this month in a city's time zone, and a month's name.
import { intlLocale } from "@/lib/format/locale";
import type { AppLocale } from "@/lib/i18n/locales";

/** A calendar month; `month` is 1–12. */
export type YearMonth = { year: number; month: number };

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** This month in a time zone (the city's: its month may already have turned where UTC's has not). */
export function currentYearMonth(timeZone: string, now: Date = new Date()): YearMonth {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric" }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month") };
}

/** The month of a calendar day held as UTC midnight (a @db.Date, or cityToday's answer). */
export function yearMonthOf(day: Date): YearMonth {
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1 };
}

/** "Maret" (en: "March") for 3. */
export function monthName(month: number, locale: AppLocale = "id"): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
