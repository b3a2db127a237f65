// What kind of value an export column holds, and how each kind is written: in .xlsx as a typed
// cell with a number format (so SUM works and an Indonesian Excel shows 1.500.000), in .csv in
// the Indonesian convention (decimal comma, no thousands separator, dates dd-mm-yyyy). No Node
// modules here: the browser's rejected-rows download writes CSV too.
import { formatFixedDecimal } from "@/lib/format/number";

/**
 * - money: whole Rupiah (bigint), thousands grouped
 * - integer: a count, a year, a month, a desil
 * - decimal: a figure rounded to `digits` (default 2)
 * - percent: a rate in percent units (18.74 = 18,74 %), rounded to `digits`
 * - date: a day
 * - text: anything else, including NIK, No. KK, RT/RW and ids: kept exactly as written
 */
export type ColumnType = "money" | "integer" | "decimal" | "percent" | "date" | "text";

/** A column's type and, for decimal and percent, its fraction digits (`fixed`: all of them, "0,320"). */
export type CellType = { type: ColumnType; digits?: number; fixed?: boolean };

/** What a cell of an export may hold; money as bigint, dates as Date. */
export type OutCell = string | number | bigint | boolean | Date | null | undefined;

/** The type a value has when its column names none: bigint is money, a Date a date, a number a number. */
export function inferredType(value: OutCell): ColumnType {
  if (typeof value === "bigint") return "money";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "decimal";
  if (value instanceof Date) return "date";
  return "text";
}

const digitsOf = (cell: CellType) => cell.digits ?? 2;

/** A number rounded to `digits` without float noise (18.74039938556068 → 18.74). */
export function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function dayText(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(value.getUTCDate())}-${pad(value.getUTCMonth() + 1)}-${value.getUTCFullYear()}`;
}

/** A cell as text: IDs and money stay exact, dates read dd-mm-yyyy, booleans YA/TIDAK. */
export function cellToText(value: OutCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dayText(value);
  if (typeof value === "boolean") return value ? "YA" : "TIDAK";
  return String(value);
}

/**
 * A cell as a CSV field's text in the Indonesian convention: numbers with a decimal comma and
 * no grouping (what an Indonesian Excel reads as a number), rounded to the column's precision.
 */
export function csvCellText(value: OutCell, cell?: CellType): string {
  const type = cell?.type ?? inferredType(value);
  if (typeof value === "number" && Number.isFinite(value)) {
    if (type === "money" || type === "integer") return String(Math.round(value));
    if (type === "decimal" && cell?.fixed) return formatFixedDecimal(value, digitsOf(cell), { plain: true });
    if (type === "decimal" || type === "percent") return String(roundTo(value, digitsOf(cell ?? { type }))).replace(".", ",");
  }
  return cellToText(value);
}

/** A number Excel can hold without losing digits, or null (beyond 2^53 a bigint stays text). */
function asNumber(value: OutCell): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
  return null;
}

const TEXT_FORMAT = "@";

/** The .xlsx number format of a column type: Excel shows `#,##0` with the reader's own separators. */
export function numFmtOf(cell: CellType): string {
  const fraction = (digits: number) => (digits > 0 ? `.${"0".repeat(digits)}` : "");
  switch (cell.type) {
    case "money":
      return "#,##0";
    case "integer":
      return "0";
    case "decimal":
      return `#,##0${fraction(digitsOf(cell))}`;
    case "percent":
      return `0${fraction(digitsOf(cell))}%`;
    case "date":
      return "dd-mm-yyyy";
    case "text":
      return TEXT_FORMAT;
  }
}

/**
 * A cell as .xlsx writes it: its value (a number, a Date or text) and its number format. A
 * percent is stored as a fraction (18.74 → 0.1874) so Excel's % format shows 18,74 %.
 * Text that is not a number of the column's type stays text.
 */
export function xlsxCell(value: OutCell, cell?: CellType): { value: string | number | Date | null; numFmt: string } {
  const type = cell?.type ?? inferredType(value);
  const typed = { ...cell, type };
  if (value === null || value === undefined) return { value: null, numFmt: numFmtOf(typed) };
  if (type === "date" && value instanceof Date) return { value, numFmt: numFmtOf(typed) };
  const number = type === "text" || type === "date" ? null : asNumber(value);
  if (number === null) return { value: cellToText(value), numFmt: TEXT_FORMAT };
  switch (type) {
    case "money":
    case "integer":
      return { value: Math.round(number), numFmt: numFmtOf(typed) };
    case "decimal":
      return { value: roundTo(number, digitsOf(typed)), numFmt: numFmtOf(typed) };
    default:
      return { value: roundTo(number / 100, digitsOf(typed) + 2), numFmt: numFmtOf(typed) };
  }
}
