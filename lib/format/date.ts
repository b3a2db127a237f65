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

// One month style per context, so a page never mixes "10 Nov 2026" with "20 November 2026":
// what is read on screen (tables, lists, a record's page, messages) writes the month short;
// what is printed or handed over (agreements, receipts, printed lists, exported sheets'
// stamps, a data-subject report) writes it in full, as Indonesian letters do.

/** On screen: "23 Nov 2026" (Agu, Des, Mei …; en: "23 Nov 2026"). */
export function formatDateShort(value: Date, options: DateOptions = {}): string {
  return dateFormat("short", options).format(value);
}

/** On paper: "23 November 2026" (en: "23 November 2026"). */
export function formatDateLong(value: Date, options: DateOptions = {}): string {
  return dateFormat("long", options).format(value);
}

/** A day in a short run of days, on screen: "Sen, 4 Nov" (en: "Mon 4 Nov"). */
export function formatWeekdayShort(value: Date, options: DateOptions = {}): string {
  return cachedFormat(options.locale, { weekday: "short", day: "numeric", month: "short", timeZone: options.timeZone ?? DEFAULT_TIME_ZONE }).format(value);
}

/** "Januari 2026" (en: "January 2026"): a month held as its first day (UTC midnight). */
export function formatMonth(value: Date, { locale }: LocaleOption = {}): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(value);
}

function dateFormat(month: "long" | "short", { locale, timeZone = DEFAULT_TIME_ZONE }: DateOptions): Intl.DateTimeFormat {
  return cachedFormat(locale, { day: "numeric", month, year: "numeric", timeZone });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Tables format a date per row: build each formatter once. */
function cachedFormat(locale: DateOptions["locale"], options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intlLocale(locale)}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    dateFormats.set(key, format);
  }
  return format;
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

const MOMENT_PARTS = {
  date: { day: "numeric", month: "short", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  both: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A moment to the second in the city's zone, for a trail of events: "24 Nov 2026, 01.26.43",
 * or its date ("24 Nov 2026") or time ("01.26.43") alone.
 */
export function formatMoment(value: Date, { locale, timeZone, part = "both" }: DateOptions & { timeZone: string; part?: keyof typeof MOMENT_PARTS }): string {
  return cachedFormat(locale, { ...MOMENT_PARTS[part], timeZone }).format(value);
}
