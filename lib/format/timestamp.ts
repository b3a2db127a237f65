import type { DateOptions } from "./date";
import { intlLocale } from "./locale";

/** Indonesia's zones as its people name them; Intl names them "GMT+8" outside Indonesian. */
const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** "7 Desember 2026 pukul 04.29 WITA": when a file was made, on the city's clock, its zone named. */
export function formatTimestamp(value: Date, { locale, timeZone }: DateOptions & { timeZone: string }): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(value);
  return `${text} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}
