import type { LocaleOption } from "./locale";
import { intlLocale } from "./locale";

export type DateOptions = LocaleOption & {
  /**
   * IANA zone the date is read in. Defaults to Asia/Jakarta (WIB): date-only columns are
   * stored as UTC midnight, which is the same calendar day in every Indonesian zone.
   * Pass the tenant's zone (Asia/Makassar for Mataram and Kupang) for timestamps.
   */
  timeZone?: string;
};

const DEFAULT_TIME_ZONE = "Asia/Jakarta";

/** "23 November 2026" (en: "23 November 2026"). */
export function formatDate(value: Date, options: DateOptions = {}): string {
  return dateFormat("long", options).format(value);
}

/** "23 Nov 2026" (Agu, Des, Mei …; en: "23 Nov 2026"). */
export function formatDateShort(value: Date, options: DateOptions = {}): string {
  return dateFormat("short", options).format(value);
}

/** "Januari 2026" (en: "January 2026"): a month held as its first day (UTC midnight). */
export function formatMonth(value: Date, { locale }: LocaleOption = {}): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(value);
}

function dateFormat(month: "long" | "short", { locale, timeZone = DEFAULT_TIME_ZONE }: DateOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month, year: "numeric", timeZone });
}

/** "23 Nov 2026, 08.15" in the city's own zone: sign-in and import times need the hour. */
export function formatDateTime(value: Date, { locale, timeZone }: DateOptions & { timeZone: string }): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(value);
}
