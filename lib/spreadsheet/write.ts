// Writing spreadsheets as streams, for exports, templates and rejected-row files.
//
//   writeSheet(format, headers, rows, { types }) → ReadableStream of .xlsx or .csv bytes (rows may be an async generator)
//   writeWorkbook(write) + addTextSheet → a streamed .xlsx built by hand (several sheets)
//   writeFigures(format, tables, options) → tables of figures (dashboards): numbers stay numbers,
//                                          small household cells hidden (suppression.ts)
//   downloadName(base, suffix, format), downloadHeaders(format, fileName) → for the Response
// Exports and templates behind a route: lib/spreadsheet/routes.ts.
//
// Cells are typed (cell-types.ts): money, counts and rates are numbers with number formats
// (Rupiah `#,##0`, percentages), dates are dates, and text (NIK, No. KK, RT, ids) is a text
// cell, so Excel keeps all 16 digits and the zeros of "008". The header is bold and frozen.
// CSV is in the Indonesian convention (csv.ts) with a byte-order mark (so Excel reads it as
// UTF-8); any value a spreadsheet program would run as a formula gets a leading apostrophe.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { numFmtOf, xlsxCell, type CellType } from "./cell-types";
import { csvLine, figureCellType, figuresCsv, neutraliseFormula, type OutCell } from "./csv";
import { figureCells, type FigureColumn, type FigureFileOptions, type FigureTable } from "./figures";
import { hasSuppressedCells, suppressTable } from "./suppression";

export type SpreadsheetFormat = "xlsx" | "csv";
export type { OutCell } from "./csv";
export type { CellType, ColumnType } from "./cell-types";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";
const TEXT_FORMAT = "@";

export const contentType = (format: SpreadsheetFormat) => (format === "xlsx" ? XLSX_TYPE : CSV_TYPE);

/** A streamed .xlsx workbook: `write` adds sheets and commits rows; the workbook is committed after it. */
export function writeWorkbook(write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  write(workbook)
    .then(() => workbook.commit())
    .catch((error) => output.destroy(error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

export function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F0EC" } };
}

/** A first sheet with a styled, frozen header row and every column formatted as text. */
export function addTextSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, headers: readonly string[], widths?: readonly number[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({
    key: String(i),
    width: widths?.[i] ?? Math.min(Math.max(header.length + 4, 14), 40),
    style: { numFmt: TEXT_FORMAT },
  }));
  const head = sheet.addRow([...headers]);
  styleHeader(head);
  head.commit();
  return sheet;
}

type RowSource = Iterable<readonly OutCell[]> | AsyncIterable<readonly OutCell[]>;

/** A typed cell of a committed-row sheet: its value (text neutralised) and its number format. */
function addTypedRow(sheet: ExcelJS.Worksheet, values: readonly OutCell[], types: readonly (CellType | undefined)[]) {
  const cells = values.map((value, i) => xlsxCell(value, types[i]));
  const row = sheet.addRow(cells.map((cell) => (typeof cell.value === "string" ? neutraliseFormula(cell.value) : cell.value)));
  cells.forEach((cell, i) => {
    row.getCell(i + 1).numFmt = cell.numFmt;
  });
  return row;
}

/**
 * One sheet of rows as .xlsx or .csv, streamed as the rows come (an async generator may page
 * the DB). `types` gives each column's type; a column without one takes its values' own
 * (bigint money, number, Date, else text). A template (no rows typed) is text throughout.
 */
export function writeSheet(
  format: SpreadsheetFormat,
  headers: readonly string[],
  rows: RowSource,
  options: { sheetName?: string; types?: readonly (CellType | undefined)[] } = {},
): ReadableStream<Uint8Array> {
  const types = options.types ?? [];
  if (format === "xlsx") {
    return writeWorkbook(async (workbook) => {
      const sheet = addTextSheet(workbook, options.sheetName ?? "Data", headers);
      types.forEach((type, i) => {
        if (type) sheet.getColumn(i + 1).numFmt = numFmtOf(type);
      });
      for await (const row of rows) addTypedRow(sheet, row, types).commit();
      sheet.commit();
    });
  }
  const encoder = new TextEncoder();
  async function* lines() {
    yield encoder.encode(`\uFEFF${csvLine(headers)}`);
    for await (const row of rows) yield encoder.encode(csvLine(row, types));
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>;
}

function figureColumnWidth(column: FigureColumn): number {
  return column.kind === "text" ? 28 : Math.max(14, Math.min(column.label.length + 2, 28));
}

/** Excel's sheet names: at most 31 characters, none of \\ / ? * [ ] :, unique in the workbook. */
function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base =
      title
        .replace(/[\\/?*[\]:]/g, " ")
        .trim()
        .slice(0, 31) || "Data";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Tables of figures as .xlsx (a sheet a table: the heading lines, a bold frozen header, numbers
 * as numbers so Excel can sum them, a bold totals row, the note) or .csv (figuresCsv). Small
 * household counts, the cells that would give them back and rates over them are hidden
 * (suppression.ts) before anything is written.
 */
export function writeFigures(format: SpreadsheetFormat, tables: readonly FigureTable[], options: FigureFileOptions): ReadableStream<Uint8Array> {
  if (format === "csv") return new Blob([figuresCsv(tables, options)]).stream();
  const safe = tables.map(suppressTable);
  const names = sheetNames(safe.map((table) => table.title));
  return writeWorkbook(async (workbook) => {
    safe.forEach((table, index) => {
      const headerRow = options.heading.length + 2;
      const sheet = workbook.addWorksheet(names[index], { views: [{ state: "frozen", ySplit: headerRow }] });
      sheet.columns = table.columns.map((column) => ({ width: figureColumnWidth(column) }));
      options.heading.forEach((line, i) => {
        const row = sheet.addRow([neutraliseFormula(line)]);
        if (i === 0) row.font = { bold: true, size: 13 };
        row.commit();
      });
      sheet.addRow([]).commit();
      const head = sheet.addRow(table.columns.map((column) => neutraliseFormula(column.label)));
      styleHeader(head);
      head.commit();
      const cells = figureCells(table);
      const types = table.columns.map(figureCellType);
      cells.forEach((values, r) => {
        const row = addTypedRow(sheet, values, types);
        if (table.total && r === cells.length - 1) row.font = { bold: true };
        row.commit();
      });
      if (hasSuppressedCells(table)) {
        sheet.addRow([]).commit();
        sheet.addRow([neutraliseFormula(options.suppressionNote)]).commit();
      }
      sheet.commit();
    });
  });
}

/** "realisasi 2026" + "templat" → "realisasi 2026-templat.xlsx", safe in a Content-Disposition header. */
export function downloadName(base: string, suffix: string, format: SpreadsheetFormat = "xlsx"): string {
  const clean =
    base
      .replace(/\.[^.]+$/, "")
      .replace(/[^\w .-]+/g, "_")
      .slice(0, 80) || "data";
  return `${clean}${suffix ? `-${suffix}` : ""}.${format}`;
}

/** Headers and cells of the download response. */
export function downloadHeaders(format: SpreadsheetFormat, fileName: string): HeadersInit {
  return {
    "content-type": contentType(format),
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "no-store",
  };
}
