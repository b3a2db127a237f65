import { dayToDate, todayIn, utcDate } from "@/lib/calendar/days";

/** Both demo cities (NTB and NTT) keep WITA time; the seed reads each tenant's own zone, this is for callers without one. */
export const DEMO_TIME_ZONE = "Asia/Makassar";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The moment a `--today`/`SEED_TODAY` day ("YYYY-MM-DD") stands for: noon UTC, which is that
 * same calendar day in every Indonesian time zone. Undefined when no day is given (the seed
 * then uses the real now).
 */
export function seedNowFor(day: string | undefined): Date | undefined {
  if (day === undefined || day === "") return undefined;
  const date = DAY.test(day) ? dayToDate(day) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new Error(`The seed's today must be a day like 2026-12-06, got "${day}"`);
  }
  return new Date(`${day}T12:00:00Z`);
}

/** The demo's today (a UTC midnight) in a city's time zone: the seed dates everything back (and on) from it. */
export function demoToday(now: Date = seedNowFor(process.env.SEED_TODAY) ?? new Date(), timeZone = DEMO_TIME_ZONE): Date {
  return dayToDate(todayIn(timeZone, now));
}

/** The fiscal year the demo is in (Indonesian fiscal years are calendar years). */
export function demoFiscalYear(now?: Date, timeZone?: string): number {
  return demoToday(now, timeZone).getUTCFullYear();
}

/**
 * The extract the registry's households come from: 1 July of the year before the demo's,
 * so the history (status changes, desil changes) runs through the 18 months before it.
 */
export function registrySnapshotFor(today: Date): Date {
  return utcDate(today.getUTCFullYear() - 1, 7, 1);
}
