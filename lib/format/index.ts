/**
 * The one place where numbers, percentages, Rupiah and dates become text.
 * Every function takes an optional `locale` ("id" by default, "en").
 * Separators between a figure and its unit are no-break spaces (U+00A0).
 */
export { EMPTY_VALUE, NBSP } from "./locale";
export { formatFixedDecimal, formatNumber, formatPercent } from "./number";
export { formatRupiah, formatRupiahShort } from "./rupiah";
export { formatDateLong, formatDateShort, formatDateTime, formatMoment, formatMonth, formatWeekdayShort } from "./date";
