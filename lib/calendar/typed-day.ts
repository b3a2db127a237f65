// A day as people type it in an Indonesian form: day first, whatever the browser's language.
import { existingDate } from "./days";

export type TypedDay = { ok: true; day: string } | { ok: false; problem: "format" | "impossible" };

// 21/11/2026, 21-11-2026, 21.11.2026, 1/2/2026 — one separator kind per date.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
// 21112026: a phone's number pad has no slash.
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;
// 2026-11-21: what a date input, a spreadsheet or a URL sends.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * The calendar day typed in a date field, as "YYYY-MM-DD". Day first ("21/11/2026",
 * "21-11-2026", "21.11.2026", "21112026") or ISO ("2026-11-21"); never month first, so
 * 11/12/2026 is 11 December. Blank text is not a day: callers decide whether that is allowed.
 */
export function parseTypedDay(text: string): TypedDay {
  const value = text.trim().replace(/\s+/g, "");
  const dayFirst = DAY_FIRST.exec(value) ?? DIGITS_ONLY.exec(value);
  if (dayFirst) {
    const [day, month, year] = dayFirst.length === 5 ? [dayFirst[1], dayFirst[3], dayFirst[4]] : [dayFirst[1], dayFirst[2], dayFirst[3]];
    return checked(Number(year), Number(month), Number(day));
  }
  const iso = ISO.exec(value);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return { ok: false, problem: "format" };
}

function checked(year: number, month: number, day: number): TypedDay {
  const date = existingDate(year, month, day);
  if (!date || year < 1900) return { ok: false, problem: "impossible" };
  return { ok: true, day: date.toISOString().slice(0, 10) };
}

/** "2026-11-21" → "21/11/2026", the way a date field shows a day; other text is returned as it is. */
export function typedDayText(isoDay: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : isoDay;
}
