// Form fields the registry's actions share. Messages are Indonesian (zod's id locale, and
// our own where the rule is ours).
import { z } from "@/lib/validation/zod";

export const householdId = z.string().trim().min(1, "Pilih keluarga.").max(40);

/** A calendar day as the date input sends it: "2026-11-23". */
export const isoDay = z.iso.date("Isi tanggal dengan benar.");

export const reasonText = z
  .string()
  .trim()
  .min(5, "Tuliskan alasan (paling sedikit 5 karakter).")
  .max(500, "Alasan paling banyak 500 karakter.");

/** An optional form field: "" (nothing chosen) becomes undefined. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const optionalDesil = z.preprocess(
  blankToUndefined,
  z.coerce.number().int().min(1, "Desil 1–10.").max(10, "Desil 1–10.").optional(),
);

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
