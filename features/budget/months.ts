import { intlLocale } from "@/lib/format/locale";
import type { AppLocale } from "@/lib/i18n/locales";

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** "Maret" (en: "March") for 3. */
export function monthName(month: number, locale: AppLocale = "id"): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
