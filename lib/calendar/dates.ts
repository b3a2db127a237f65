/** Midnight UTC, the form Prisma uses for `@db.Date` columns. */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
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
    day.getUTCMonth() < birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function lastDayOfMonth(year: number, month: number): Date {
  return utcDate(year, month + 1, 0);
}
