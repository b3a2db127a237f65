import { EMPTY_VALUE, NBSP, numberFormat, type LocaleOption } from "./locale";

export type NumberOptions = LocaleOption & {
  minimumFractionDigits?: number;
  /** Defaults to 0 for counts; pass more for rates. */
  maximumFractionDigits?: number;
};

/**
 * A count or amount with the locale's grouping: `formatNumber(1234567)` → "1.234.567".
 * Bigints are formatted exactly. A non-finite number gives "–".
 */
export function formatNumber(value: number | bigint, options: NumberOptions = {}): string {
  if (typeof value === "number" && !Number.isFinite(value)) return EMPTY_VALUE;
  const { locale, minimumFractionDigits = 0, maximumFractionDigits = Math.max(0, minimumFractionDigits) } = options;
  return numberFormat(locale, { minimumFractionDigits, maximumFractionDigits, roundingMode: "halfExpand" }).format(value);
}

/**
 * An index figure (BPS's poverty gap P1 and severity P2) with exactly `digits` decimals, so
 * 0.32 reads "0,320" beside "0,318" rather than looking less precise. `plain`: the way a CSV
 * writes it for an Indonesian Excel, decimal comma and no grouping, whatever the reader's language.
 */
export function formatFixedDecimal(value: number, digits: number, options: LocaleOption & { plain?: boolean } = {}): string {
  if (!Number.isFinite(value)) return EMPTY_VALUE;
  const locale = options.plain ? "id" : options.locale;
  const format = numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: !options.plain,
    roundingMode: "halfExpand",
  });
  return format.format(value);
}

export type PercentOptions = LocaleOption & {
  minimumFractionDigits?: number;
  /** Defaults to 2. */
  maximumFractionDigits?: number;
};

/**
 * A percentage given IN PERCENT UNITS, the way rates are stored and spoken:
 * `formatPercent(8.61)` → "8,61 %" (not 0.0861). Indonesian puts a no-break space before
 * "%", English none ("8.61%"). Null (no base to divide by) gives "–".
 * Pass equal minimum and maximum fraction digits to line figures up in a table column.
 */
export function formatPercent(value: number | null | undefined, options: PercentOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  const { locale = "id", minimumFractionDigits = 0, maximumFractionDigits = 2 } = options;
  const number = formatNumber(value, {
    locale,
    minimumFractionDigits,
    maximumFractionDigits: Math.max(minimumFractionDigits, maximumFractionDigits),
  });
  return locale === "id" ? `${number}${NBSP}%` : `${number}%`;
}
