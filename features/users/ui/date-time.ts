import type { AppLocale } from "@/lib/i18n/locales";
import { intlLocale } from "@/lib/format/locale";

/** "23 Nov 2026, 08.15" in the city's own zone; sign-in times need the hour. */
export function formatDateTime(value: Date, { locale, timeZone }: { locale: AppLocale; timeZone: string }): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(value);
}
