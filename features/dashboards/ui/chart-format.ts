import { EMPTY_VALUE, formatFixedDecimal, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** What a chart's figures are: counts (households, juta), percentages, whole Rupiah, or an index (BPS's P1, P2). */
export type ChartValueKind = "count" | "percent" | "rupiah" | "index";

/** Whether the value axis steps by whole numbers: counts and Rupiah do; a rate or an index below 2 would get one step. */
export const wholeSteps = (kind: ChartValueKind): boolean => kind === "count" || kind === "rupiah";

/** Decimals an index is read to (as its table shows it: 0,320, not 0,32). */
const INDEX_DIGITS = 3;

type Formatter = (value: unknown) => string;

/** How a tooltip writes a value, in full: "1.234", "8,6 %", "Rp 15.250.000", "1,214". */
export function chartValueFormatter(kind: ChartValueKind, locale: AppLocale, digits = 1): Formatter {
  return numeric((number) => {
    if (kind === "rupiah") return formatRupiah(BigInt(Math.round(number)), { locale });
    if (kind === "index") return formatFixedDecimal(number, INDEX_DIGITS, { locale });
    return write(kind, number, locale, digits);
  });
}

/**
 * How an axis tick or the value on a bar writes a value, short: "Rp 15 juta", "Rp 1,2 miliar"
 * ("Rp 15 million" in English); counts and percentages as in the tooltip.
 */
export function chartTickFormatter(kind: ChartValueKind, locale: AppLocale, digits = 1): Formatter {
  return numeric((number) => {
    if (kind === "rupiah") return formatRupiahShort(BigInt(Math.round(number)), { locale });
    return write(kind, number, locale, digits);
  });
}

function write(kind: "count" | "percent" | "index", number: number, locale: AppLocale, digits: number): string {
  return kind === "percent"
    ? formatPercent(number, { locale, maximumFractionDigits: digits })
    : formatNumber(number, { locale, maximumFractionDigits: digits });
}

function numeric(format: (number: number) => string): Formatter {
  return (value) => {
    const number = typeof value === "number" ? value : Number(value);
    return Number.isFinite(number) ? format(number) : EMPTY_VALUE;
  };
}
