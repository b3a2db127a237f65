// Writing spreadsheets as streams, for exports, templates and rejected-row files.
//
//   writeSheet(format, headers, rows, { types }) → ReadableStream of .xlsx or .csv bytes (rows may be an async generator)
//   writeWorkbook(write) + addTextSheet → a streamed .xlsx built by hand (several sheets)
//   writeFigures(format, tables, options) → tables of figures (dashboards): numbers stay numbers,
//                                          small household cells hidden (suppression.ts)
//   writeFigureWorkbook({ cover, sheets }) → a whole dashboard: a cover sheet, then a sheet a table
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

/**
 * A first sheet with a styled, frozen header row and every column formatted as text; `heading`
 * lines (the first bold) and an empty row above the header when the file says what it holds.
 */
export function addTextSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: readonly string[],
  widths?: readonly number[],
  heading: readonly string[] = [],
) {
  const headerRow = heading.length > 0 ? heading.length + 2 : 1;
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRow }] });
  sheet.columns = headers.map((header, i) => ({
    key: String(i),
    width: widths?.[i] ?? Math.min(Math.max(header.length + 4, 14), 40),
    style: { numFmt: TEXT_FORMAT },
  }));
  heading.forEach((line, i) => {
    const row = sheet.addRow([neutraliseFormula(line)]);
    if (i === 0) row.font = { bold: true, size: 13 };
    row.commit();
  });
  if (heading.length > 0) sheet.addRow([]).commit();
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
 * `heading` lines, if any, come first, then an empty line, then the header row.
 */
export function writeSheet(
  format: SpreadsheetFormat,
  headers: readonly string[],
  rows: RowSource,
  options: { sheetName?: string; types?: readonly (CellType | undefined)[]; heading?: readonly string[] } = {},
): ReadableStream<Uint8Array> {
  const types = options.types ?? [];
  const heading = options.heading ?? [];
  if (format === "xlsx") {
    return writeWorkbook(async (workbook) => {
      const sheet = addTextSheet(workbook, options.sheetName ?? "Data", headers, undefined, heading);
      types.forEach((type, i) => {
        if (type) sheet.getColumn(i + 1).numFmt = numFmtOf(type);
      });
      for await (const row of rows) addTypedRow(sheet, row, types).commit();
      sheet.commit();
    });
  }
  const encoder = new TextEncoder();
  async function* lines() {
    const above = heading.length > 0 ? [...heading.map((line) => csvLine([line])), csvLine([])].join("") : "";
    yield encoder.encode(`\uFEFF${above}${csvLine(headers)}`);
    for await (const row of rows) yield encoder.encode(csvLine(row, types));
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>;
}

function figureColumnWidth(column: FigureColumn): number {
  return column.kind === "text" ? 28 : Math.max(14, Math.min(column.label.length + 2, 28));
}

/** Excel's sheet names: at most 31 characters, none of \\ / ? * [ ] :, no apostrophe at either end, unique in the workbook whatever the case. */
export function safeSheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base =
      title
        .replace(/[\\/?*[\]:]/g, " ")
        .replace(/\s+/g, " ")
        .slice(0, 31)
        .replace(/^[\s']+|[\s']+$/g, "") || "Data";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1).trimEnd()} ${n}`;
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
  const safe = tables.map((table) => suppressTable(table));
  const names = safeSheetNames(safe.map((table) => table.title));
  return writeWorkbook(async (workbook) => {
    safe.forEach((table, index) => {
      addFigureSheet(workbook, names[index]!, table, options.heading, options.suppressionNote);
    });
  });
}

/** One table's sheet: its heading lines, a bold frozen header, typed cells, a bold totals row, the note if a cell is hidden. */
function addFigureSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, table: FigureTable, heading: readonly string[], suppressionNote: string) {
  const headerRow = heading.length + 2;
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRow }] });
  sheet.columns = table.columns.map((column) => ({ width: figureColumnWidth(column) }));
  heading.forEach((line, i) => {
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
    sheet.addRow([neutraliseFormula(suppressionNote)]).commit();
  }
  sheet.commit();
}

/** A workbook's cover sheet: a bold title, then rows of cells; a row marked `section` is bold (a heading of what follows). */
export type WorkbookCover = { name: string; title: string; rows: readonly { cells: readonly string[]; section?: true }[] };

/**
 * A whole page's tables as one .xlsx: the cover first (what, whose, which filters, when, what
 * each figure means), then a sheet a table written as writeFigures writes it, each under its
 * own heading lines. Small household cells are hidden as in every other file of figures.
 */
export function writeFigureWorkbook(options: {
  cover: WorkbookCover;
  sheets: readonly { table: FigureTable; heading: readonly string[] }[];
  suppressionNote: string;
}): ReadableStream<Uint8Array> {
  const { cover } = options;
  const tables = options.sheets.map((sheet) => suppressTable(sheet.table));
  const [coverName, ...names] = safeSheetNames([cover.name, ...tables.map((table) => table.title)]);
  return writeWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet(coverName!);
    sheet.columns = [{ width: 30 }, { width: 110, style: { alignment: { wrapText: true, vertical: "top" } } }];
    const title = sheet.addRow([neutraliseFormula(cover.title)]);
    title.font = { bold: true, size: 14 };
    title.commit();
    sheet.addRow([]).commit();
    for (const line of cover.rows) {
      const row = sheet.addRow(line.cells.map(neutraliseFormula));
      row.getCell(1).font = { bold: true };
      if (line.section) row.font = { bold: true, size: 12 };
      row.commit();
    }
    sheet.commit();
    tables.forEach((table, index) => {
      addFigureSheet(workbook, names[index]!, table, options.sheets[index]!.heading, options.suppressionNote);
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
