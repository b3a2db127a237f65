// CSV lines and cell text, shared by server exports and the browser's rejected-rows
// download (no Node modules here). A value a spreadsheet program would run as a formula
// gets a leading apostrophe; numbers such as "-1500" are left alone.
import { looksLikeFormula } from "./cells";
import { figureCells, type FigureFileOptions, type FigureTable } from "./figures";
import { hasSuppressedCells, suppressTable } from "./suppression";

/** What a cell of an export may hold; money as bigint, dates as Date (written dd-mm-yyyy). */
export type OutCell = string | number | bigint | boolean | Date | null | undefined;

/** A cell as text: IDs and money stay exact, dates read dd-mm-yyyy. */
export function cellToText(value: OutCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(value.getUTCDate())}-${pad(value.getUTCMonth() + 1)}-${value.getUTCFullYear()}`;
  }
  if (typeof value === "boolean") return value ? "YA" : "TIDAK";
  return String(value);
}

/** A value that would run as a formula when opened gets an apostrophe; others pass unchanged. */
export function neutraliseFormula(text: string): string {
  const risky = looksLikeFormula(text) || (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d.,]*$/.test(text));
  return risky ? `'${text}` : text;
}

function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: readonly OutCell[]): string {
  return `${values.map((value) => csvField(cellToText(value))).join(",")}\r\n`;
}

/** A whole CSV file's text with the UTF-8 byte-order mark Excel needs to read it as UTF-8. */
export function csvText(headers: readonly string[], rows: readonly (readonly OutCell[])[]): string {
  return `\uFEFF${csvLine(headers)}${rows.map(csvLine).join("")}`;
}

/**
 * Tables of figures as one CSV file ("." decimals): the heading lines, then each table (its
 * title too when there are several) with small household counts hidden so that none can be worked
 * back out (suppression.ts), then the note if any were.
 */
export function figuresCsv(tables: readonly FigureTable[], options: FigureFileOptions): string {
  const safe = tables.map(suppressTable);
  const lines = options.heading.map((line) => csvLine([line]));
  for (const table of safe) {
    lines.push(csvLine([]));
    if (safe.length > 1) lines.push(csvLine([table.title]));
    lines.push(csvLine(table.columns.map((column) => column.label)), ...figureCells(table).map(csvLine));
  }
  if (safe.some(hasSuppressedCells)) lines.push(csvLine([]), csvLine([options.suppressionNote]));
  return `\uFEFF${lines.join("")}`;
}
