// Calendar days. A day travels as "YYYY-MM-DD" (what a date input sends) or as the UTC
// midnight Prisma stores a @db.Date column as; these convert between the two and count days,
// months and years on them without a time zone getting in the way.

/** Today's calendar day in a time zone, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** One formatter per time zone: building one costs more than the writes that ask for the day. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-23" → the UTC midnight Prisma stores a @db.Date as. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC, the form Prisma uses for `@db.Date` columns. */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The UTC midnight of a day that exists, or null (31 February, month 13, a fractional year). */
export function existingDate(year: number, month: number, day: number): Date | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = utcDate(year, month, day);
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date : null;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Adds calendar months, keeping the day where the month has it (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const target = utcDate(date.getUTCFullYear(), date.getUTCMonth() + 1 + months, 1);
  const lastDay = utcDate(target.getUTCFullYear(), target.getUTCMonth() + 2, 0).getUTCDate();
  return utcDate(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(date.getUTCDate(), lastDay));
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: Date, day: Date): number {
  let age = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birthDate.getUTCMonth() || (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function lastDayOfMonth(year: number, month: number): Date {
  return utcDate(year, month + 1, 0);
}

/** The instant a calendar day ("2026-11-23") starts in a time zone. */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = new Date(`${day}T00:00:00Z`);
  // Indonesia's zones have no daylight saving; the offset at UTC midnight is the day's offset.
  return new Date(midnightUtc.getTime() - zoneOffsetMs(midnightUtc, timeZone));
}

/** Local time minus UTC, in milliseconds, at an instant. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return local - at.getTime();
}
