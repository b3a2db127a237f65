// CSV lines and cell text, shared by server exports and the browser's rejected-rows
// download (no Node modules here), in the Indonesian convention an Indonesian Excel opens
// into columns: ";" between fields, decimal comma, UTF-8 byte-order mark. A value a
// spreadsheet program would run as a formula gets a leading apostrophe; numbers such as
// "-1500" are left alone.
import { csvCellText, type CellType, type OutCell } from "./cell-types";
import { looksLikeFormula } from "./cells";
import { figureCells, type FigureColumn, type FigureFileOptions, type FigureTable } from "./figures";
import { hasSuppressedCells, suppressTable } from "./suppression";

export type { OutCell } from "./cell-types";
export { cellToText } from "./cell-types";

/** The Indonesian convention: a semicolon between fields, since the comma marks decimals. */
export const CSV_SEPARATOR = ";";

/** A value that would run as a formula when opened gets an apostrophe; others pass unchanged. */
export function neutraliseFormula(text: string): string {
  const risky = looksLikeFormula(text) || (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d.,]*$/.test(text));
  return risky ? `'${text}` : text;
}

function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of fields; `types` (by column) round numbers to their column's precision. */
export function csvLine(values: readonly OutCell[], types?: readonly (CellType | undefined)[]): string {
  return `${values.map((value, i) => csvField(csvCellText(value, types?.[i]))).join(CSV_SEPARATOR)}\r\n`;
}

/** A whole CSV file's text with the UTF-8 byte-order mark Excel needs to read it as UTF-8. */
export function csvText(headers: readonly string[], rows: readonly (readonly OutCell[])[]): string {
  return `\uFEFF${csvLine(headers)}${rows.map((row) => csvLine(row)).join("")}`;
}

/** A figure column's cell type: counts are integers, Rupiah money, rates percentages, at the column's digits. */
export function figureCellType(column: FigureColumn): CellType {
  if (column.kind === "text") return { type: "text" };
  if (column.kind === "percent") return { type: "percent", digits: column.digits ?? 1 };
  if (column.kind === "rupiah") return { type: "money" };
  if (column.kind === "number") return { type: "decimal", digits: column.digits ?? 1, ...(column.fixedDigits ? { fixed: true } : {}) };
  return { type: "integer" };
}

/**
 * Tables of figures as one CSV file (decimal comma): the heading lines, then each table (its
 * title too when there are several) with small household counts hidden so that none can be worked
 * back out (suppression.ts), then the note if any were.
 */
export function figuresCsv(tables: readonly FigureTable[], options: FigureFileOptions): string {
  const safe = tables.map((table) => suppressTable(table));
  const lines = options.heading.map((line) => csvLine([line]));
  for (const table of safe) {
    lines.push(csvLine([]));
    if (safe.length > 1) lines.push(csvLine([table.title]));
    const types = table.columns.map(figureCellType);
    lines.push(csvLine(table.columns.map((column) => column.label)), ...figureCells(table).map((row) => csvLine(row, types)));
  }
  if (safe.some(hasSuppressedCells)) lines.push(csvLine([]), csvLine([options.suppressionNote]));
  return `\uFEFF${lines.join("")}`;
}
