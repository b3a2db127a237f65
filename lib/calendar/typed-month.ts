// A month as people type it in a form: month then year, or the month's name, whatever the
// browser's language (a native month input shows its names in the browser's language).
import type { AppLocale } from "@/lib/i18n/locales";
import { MONTHS, monthName } from "./months";

export type TypedMonth = { ok: true; month: string } | { ok: false; problem: "format" | "impossible" };

// 03/2026, 3-2026, 03.2026 — month first.
const MONTH_FIRST = /^(\d{1,2})[/.-](\d{4})$/;
// 032026: a phone's number pad has no slash.
const DIGITS_ONLY = /^(\d{2})(\d{4})$/;
// 2026-03: what a month input, a URL or the form itself sends.
const ISO = /^(\d{4})-(\d{1,2})$/;
// "Maret 2026", "mar 2026", "August 2026", "Agt 2026".
const NAMED = /^(\p{L}+)\.?(\d{4})$/u;

// Short forms Indonesian offices write that are no prefix of the month's name.
const SHORT_FORMS: Record<string, number> = { agt: 8, peb: 2, nop: 11, ags: 8 };

/** The month a name (Indonesian or English, in full or its first three letters or more) stands for. */
function monthOfName(name: string): number | null {
  const lower = name.toLowerCase();
  if (SHORT_FORMS[lower]) return SHORT_FORMS[lower];
  if (lower.length < 3) return null;
  for (const month of MONTHS) {
    for (const locale of ["id", "en"] as const) {
      if (monthName(month, locale).toLowerCase().startsWith(lower)) return month;
    }
  }
  return null;
}

/**
 * The month typed in a month field, as "YYYY-MM": month first ("03/2026", "3-2026", "032026"),
 * ISO ("2026-03") or named ("Maret 2026", "Mar 2026", "March 2026"). Blank text is not a month:
 * callers decide whether that is allowed.
 */
export function parseTypedMonth(text: string): TypedMonth {
  const value = text.trim().replace(/\s+/g, "");
  const numeric = MONTH_FIRST.exec(value) ?? DIGITS_ONLY.exec(value);
  if (numeric) return checked(Number(numeric[2]), Number(numeric[1]));
  const iso = ISO.exec(value);
  if (iso) return checked(Number(iso[1]), Number(iso[2]));
  const named = NAMED.exec(value);
  if (named) {
    const month = monthOfName(named[1]!);
    return month ? checked(Number(named[2]), month) : { ok: false, problem: "format" };
  }
  return { ok: false, problem: "format" };
}

function checked(year: number, month: number): TypedMonth {
  if (month < 1 || month > 12 || year < 1900) return { ok: false, problem: "impossible" };
  return { ok: true, month: `${year}-${String(month).padStart(2, "0")}` };
}

/** "2026-03" → "Maret 2026" (en: "March 2026"), the way a month field shows a month; other text is returned as it is. */
export function typedMonthText(isoMonth: string, locale: AppLocale = "id"): string {
  const iso = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  const month = iso ? Number(iso[2]) : 0;
  return iso && month >= 1 && month <= 12 ? `${monthName(month, locale)} ${iso[1]}` : isoMonth;
}
