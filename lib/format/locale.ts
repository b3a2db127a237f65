import { defaultLocale, type AppLocale } from "../i18n/locales";

export type LocaleOption = {
  /** Interface language; defaults to Indonesian. */
  locale?: AppLocale;
};

/** Shown for a value that does not exist (no households, division by zero). */
export const EMPTY_VALUE = "–";

/** Between a number and its unit ("Rp 1,5 juta", "8,61 %"): never broken across lines. */
export const NBSP = "\u00a0";

// English is written for an Indonesian audience: British day-month-year order.
const intlLocales: Record<AppLocale, string> = { id: "id-ID", en: "en-GB" };

export function intlLocale(locale: AppLocale = defaultLocale): string {
  return intlLocales[locale];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build and tables format thousands of cells: reuse them. */
export function numberFormat(locale: AppLocale | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${intlLocale(locale)}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}
