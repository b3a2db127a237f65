import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

export type ChartValueKind = "count" | "percent";

/** How chart ticks and tooltips write a value: "1.234" or "8,6 %". */
export function chartValueFormatter(kind: ChartValueKind, locale: AppLocale, digits = 1) {
  return (value: unknown): string => {
    const number = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(number)) return "–";
    return kind === "percent" ? formatPercent(number, { locale, maximumFractionDigits: digits }) : formatNumber(number, { locale });
  };
}
