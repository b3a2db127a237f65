// Reading one cell of an uploaded sheet as it really arrives: text or numbers, Excel dates or
// serials, IDs that Excel turned into 5.27101E+15, leading apostrophes, non-breaking
// spaces, formulas. Every refusal is a reason that names its catalogue words (Spreadsheet.input),
// said in the language of whoever reads the report.
import { parseRupiah, type Rupiah } from "@/lib/money";
import { existingDate } from "@/lib/calendar/days";
import { hasBadBytes, stripBadBytes } from "@/lib/validation/bad-bytes";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";

/**
 * A cell as a reader hands it over. Formulas are never evaluated; `result` is the value the
 * spreadsheet program stored with one, when it did.
 */
export type Cell = null | string | number | boolean | Date | { formula: string; result?: Cell } | { error: string };

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

/** Longest text a cell may hold; anything longer is not registry data. */
export const MAX_CELL_LENGTH = 500;

export function isFormulaCell(cell: Cell): cell is { formula: string; result?: Cell } {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/**
 * A formula cell read as the value its spreadsheet program stored with it, as a user sees it;
 * a formula without one stays a formula, to be refused. Nothing is evaluated.
 */
export function storedValue(cell: Cell): Cell {
  if (!isFormulaCell(cell) || cell.result === undefined || cell.result === null || isFormulaCell(cell.result)) return cell;
  return cell.result;
}

/**
 * Text that a spreadsheet program would run as a formula when the file is opened: "=…",
 * or "+", "-", "@" followed by a call, a DDE link ("|") or a sheet reference ("!").
 */
export function looksLikeFormula(text: string): boolean {
  const value = text.trimStart();
  if (value.startsWith("=")) return value.length > 1;
  return /^[+\-@]/.test(value) && /[(|!]/.test(value) && !/^[+-]?\d/.test(value);
}

/** Non-breaking and zero-width spaces, tabs and line breaks become one plain space; outer spaces go. */
const NEEDS_CLEANING = /[\u00A0\u2007\u202F\u200B-\u200D\uFEFF\t\n\r\f\v]|\s\s|^\s|\s$/;

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\u00A0\u2007\u202F\s]+/g, " ")
    .trim();
}

/** What a cell shows, as text: for empty checks, messages and the rejected-rows file. */
export function cellDisplay(cell: Cell): string {
  return stripBadBytes(rawDisplay(cell));
}

/** What a cell holds, as text, NUL and lone surrogates (lib/validation/bad-bytes) included. */
function rawDisplay(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isInteger(cell) ? BigInt(Math.round(cell)).toString() : String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return formatDmy(cell);
  if ("formula" in cell) return `=${cell.formula}`;
  return cell.error;
}

export function isEmptyCell(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cleanText(cell) === "");
}

/**
 * The text of a cell for a text field: cleaned, a leading apostrophe (Excel's "keep as
 * text" mark) dropped. Formulas and error values are refused.
 */
export function cellText(cell: Cell, column: string): CellResult<string> {
  if (isFormulaCell(cell)) {
    const stored = cell.result === undefined || cell.result === null ? "no" : "yes";
    return fail(wordsMessage("Spreadsheet.input.formula", { column, formula: `=${truncate(cell.formula)}`, stored }));
  }
  if (typeof cell === "object" && cell !== null && "error" in cell) return fail(wordsMessage("Spreadsheet.input.excelError", { column, error: cell.error }));
  const text = cleanText(cellDisplay(cell)).replace(/^'+/, "").trim();
  if (looksLikeFormula(text)) return fail(wordsMessage("Spreadsheet.input.formula", { column, formula: truncate(text), stored: "yes" }));
  if (text.length > MAX_CELL_LENGTH) return fail(wordsMessage("Spreadsheet.input.tooLong", { column, max: MAX_CELL_LENGTH }));
  return ok(text);
}

/**
 * The text of a cell that holds an id, a number, a date or a code: as cellText, but a cell
 * holding NUL or a lone surrogate is refused rather than read without them.
 */
export function cellCode(cell: Cell, column: string): CellResult<string> {
  if (holdsBadBytes(cell)) return fail(badBytesReason(column));
  return cellText(cell, column);
}

/** Whether a cell holds NUL or a lone surrogate (lib/validation/bad-bytes). */
export function holdsBadBytes(cell: Cell): boolean {
  return hasBadBytes(rawDisplay(cell));
}

export function badBytesReason(column: string): string {
  return wordsMessage("Spreadsheet.input.badBytes", { column });
}

/**
 * A 16-digit NIK or No. KK. Excel keeps only 15 significant digits of a number, so a
 * 16-digit number that Excel wrote ends in 0 whatever was typed: such a number, and any
 * scientific notation, is refused with the advice to store the column as text.
 */
export function cellId(cell: Cell, column: string): CellResult<string> {
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 0) return fail(wordsMessage("Spreadsheet.input.idDigits", { column, written: cellDisplay(cell) }));
    if (isDamagedIdNumber(cell)) {
      return fail(wordsMessage("Spreadsheet.input.idAsNumber", { column, written: excelGeneral(cell) }));
    }
    return ok(String(cell));
  }
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  const value = text.value;
  if (SCIENTIFIC.test(value)) {
    return fail(wordsMessage("Spreadsheet.input.idScientific", { column, written: value }));
  }
  // "5271 0101 0190 0001" and "5271-0101-…" as people type them.
  const digits = value.replace(/[\s.-]/g, "");
  return ok(/^\d+$/.test(digits) ? digits : value);
}

const SCIENTIFIC = /^\d+([.,]\d+)?e\+?\d+$/i;

/**
 * A number cell that cannot be a whole 16-digit ID: Excel and LibreOffice keep 15 significant
 * digits, so the 16th is a 0 whatever was typed, and past 2^53 not even that is exact.
 */
function isDamagedIdNumber(value: number): boolean {
  return !Number.isSafeInteger(value) || (value >= 1e15 && value % 10 === 0);
}

/** A number as Excel's General format shows it in a column: 3271010101800500 → "3.27101E+15". */
export function excelGeneral(value: number): string {
  if (Math.abs(value) < 1e11) return String(value);
  const [mantissa, exponent] = value.toExponential(5).split("e") as [string, string];
  return `${mantissa.replace(/\.?0+$/, "")}E${exponent.startsWith("-") ? exponent : `+${exponent.replace("+", "")}`}`;
}

/**
 * How an ID cell is written back in a file of refused rows: a number that lost digits as
 * Excel showed it ("3.27101E+15"), never as a plausible 16-digit ID, so that a re-import
 * refuses it again; anything else as it was shown.
 */
export function idCellShown(cell: Cell): string {
  if (typeof cell === "number" && Number.isInteger(cell) && isDamagedIdNumber(cell)) return excelGeneral(cell);
  return cellDisplay(cell);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  pebruari: 2,
  february: 2,
  peb: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  agus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  nop: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

/** Excel's day 0 in the 1900 system, allowing for its phantom 29 February 1900. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial) < 61 ? Math.floor(serial) + 1 : Math.floor(serial);
  return new Date(EXCEL_EPOCH + days * 86_400_000);
}

/**
 * A date from an Excel date, an Excel serial, or text: dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy,
 * yyyy-mm-dd, "12 Januari 1980", "12-Jan-80", ddmmyyyy. Day before month, as in Indonesia.
 */
export function cellDate(cell: Cell, column: string, today: Date = new Date()): CellResult<Date> {
  if (cell instanceof Date) {
    // Excel dates arrive as UTC midnight; a time part from another writer is dropped.
    return checkDate(existingDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()), column, cellDisplay(cell), today);
  }
  if (typeof cell === "number") return checkDate(excelSerialToDate(cell), column, String(cell), today);
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  const value = text.value;
  return checkDate(parseDateText(value, today), column, value, today);
}

export function parseDateText(value: string, today: Date = new Date()): Date | null {
  const text = value.trim().toLowerCase().replace(/\s+/g, " ");
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(text);
  if (match) return existingDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (match) return existingDate(fullYear(match[3]!, today), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})[ -/.]?([a-z]+)\.?[ -/.,]?(\d{2}|\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[match[2]!];
    return month ? existingDate(fullYear(match[3]!, today), month, Number(match[1])) : null;
  }
  if (/^\d{8}$/.test(text)) {
    const asYmd = /^(19|20)/.test(text) ? existingDate(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6))) : null;
    const asDmy = existingDate(Number(text.slice(4)), Number(text.slice(2, 4)), Number(text.slice(0, 2)));
    return asYmd && asDmy ? null : (asYmd ?? asDmy);
  }
  // A serial typed or exported as text ("29230").
  if (/^\d{3,5}$/.test(text)) return excelSerialToDate(Number(text));
  return null;
}

function checkDate(date: Date | null, column: string, shown: string, today: Date): CellResult<Date> {
  if (!date) return fail(wordsMessage("Spreadsheet.input.dateUnknown", { column, written: truncate(shown) }));
  if (date.getTime() > today.getTime()) return fail(wordsMessage("Spreadsheet.input.dateFuture", { column, date: formatDmy(date) }));
  if (date.getUTCFullYear() < 1900) return fail(wordsMessage("Spreadsheet.input.datePast", { column, date: formatDmy(date) }));
  return ok(date);
}

function fullYear(year: string, today: Date): number {
  if (year.length === 4) return Number(year);
  const current = today.getUTCFullYear();
  const candidate = current - (current % 100) + Number(year);
  return candidate > current ? candidate - 100 : candidate;
}

/** "12-01-1980". */
export function formatDmy(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
}

/**
 * A whole number from a number cell or text, Indonesian style too: "3", "3,0", "3.00",
 * "03", "Desil 3". Fractions are refused.
 */
export function cellInteger(cell: Cell, column: string): CellResult<number | null> {
  if (typeof cell === "number") return Number.isInteger(cell) ? ok(cell) : fail(wordsMessage("Spreadsheet.input.notWhole", { column, written: cell }));
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  const value = text.value.replace(/^desil\s*/i, "");
  if (value === "" || value === "-") return ok(null);
  const match = /^(\d+)(?:[.,](0+))?$/.exec(value);
  if (!match) return fail(wordsMessage("Spreadsheet.input.notWhole", { column, written: truncate(text.value) }));
  return ok(Number(match[1]));
}

/** Words compared without case, spaces or punctuation: "No. KK" = "NOKK". */
export function matchKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** A month 1–12 from a number ("3", 3) or its name, Indonesian or English ("Maret", "Mar", "March"). */
export function cellMonth(cell: Cell, column: string): CellResult<number | null> {
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  const value = text.value.toLowerCase().replace(/\.$/, "");
  if (value === "") return ok(null);
  const month = /^\d{1,2}$/.test(value) ? Number(value) : (MONTHS[value] ?? 0);
  return month >= 1 && month <= 12 ? ok(month) : fail(wordsMessage("Spreadsheet.input.month", { column, written: truncate(text.value) }));
}

/**
 * A calendar month as "yyyy-mm" from an Excel date (its month), or text: yyyy-mm, mm-yyyy,
 * mm/yyyy, "Januari 2025", "Jan 2025", or a whole date (its month). An empty cell is null.
 */
export function cellYearMonth(cell: Cell, column: string): CellResult<string | null> {
  const month = (year: number, value: number) => `${year}-${String(value).padStart(2, "0")}`;
  if (cell instanceof Date) return ok(month(cell.getUTCFullYear(), cell.getUTCMonth() + 1));
  if (typeof cell === "number") {
    const date = excelSerialToDate(cell);
    return date ? ok(month(date.getUTCFullYear(), date.getUTCMonth() + 1)) : fail(wordsMessage("Spreadsheet.input.yearMonth", { column, written: cell }));
  }
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  const value = text.value.trim().toLowerCase().replace(/\s+/g, " ");
  if (value === "") return ok(null);
  const inRange = (year: number, value: number) => (value >= 1 && value <= 12 && year >= 1900 && year <= 9999 ? ok(month(year, value)) : null);
  let match = /^(\d{4})[-/.](\d{1,2})$/.exec(value);
  let found = match ? inRange(Number(match[1]), Number(match[2])) : null;
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(value);
  if (!found && match) found = inRange(Number(match[2]), Number(match[1]));
  match = /^([a-z]+)\.?[ -/.,]?(\d{4})$/.exec(value);
  if (!found && match && MONTHS[match[1]!]) found = inRange(Number(match[2]), MONTHS[match[1]!]!);
  if (!found) {
    const date = parseDateText(value);
    if (date) found = ok(month(date.getUTCFullYear(), date.getUTCMonth() + 1));
  }
  return found ?? fail(wordsMessage("Spreadsheet.input.yearMonth", { column, written: truncate(text.value) }));
}

/**
 * Whole Rupiah more than 0 from a number cell or text as people type it ("1.500.000",
 * "Rp1,5 juta", "1500000"), through lib/money; an empty cell is null.
 */
export function cellRupiah(cell: Cell, column: string): CellResult<Rupiah | null> {
  if (typeof cell === "number") {
    return Number.isSafeInteger(cell) && cell > 0 ? ok(BigInt(cell)) : fail(wordsMessage("Spreadsheet.input.rupiahWhole", { column, written: cell }));
  }
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  if (text.value === "") return ok(null);
  const parsed = parseRupiah(text.value);
  if (!parsed.ok) return fail(wordsMessage("Spreadsheet.input.rupiahUnreadable", { column, why: wordsParam(`Money.parseError.${parsed.code}`) }));
  return parsed.value > 0n ? ok(parsed.value) : fail(wordsMessage("Spreadsheet.input.rupiahPositive", { column }));
}
