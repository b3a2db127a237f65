// A dashboard table as a downloadable .xlsx or .csv, with small household cells hidden
// (privacy.ts). Numbers are written as numbers so Excel can sum them; text that looks like a
// formula is written so that no spreadsheet runs it.
import ExcelJS from "exceljs";
import { hasSuppressedCells, suppressSmallCells, SMALL_CELL_THRESHOLD } from "./privacy";
import type { DashboardCell, DashboardTable } from "./table";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export function parseExportFormat(value: string | null | undefined): ExportFormat | null {
  return (EXPORT_FORMATS as readonly string[]).includes(value ?? "") ? (value as ExportFormat) : null;
}

export type ExportOptions = {
  /** Lines written above the table: the city, the filters, the date. */
  heading: string[];
  /** Shown under the table when cells were hidden, e.g. "Sel < 5 rumah tangga disembunyikan." */
  suppressionNote: string;
};

// A cell starting with = + - @ (or a tab/CR) would be run as a formula by Excel.
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function exportCell(cell: DashboardCell | undefined): string | number {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "number" ? cell : safeText(cell);
}

function tableRows(table: DashboardTable): (string | number)[][] {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return rows.map((row) => table.columns.map((column) => exportCell(row[column.key])));
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180, comma-separated, "." decimals) with a BOM so Excel reads UTF-8. */
export function tableCsv(table: DashboardTable, options: ExportOptions): string {
  const safe = suppressSmallCells(table);
  const lines = [
    ...options.heading.map((line) => [safeText(line)]),
    [],
    safe.columns.map((column) => safeText(column.label)),
    ...tableRows(safe),
  ];
  if (hasSuppressedCells(safe)) lines.push([], [safeText(options.suppressionNote)]);
  return `\uFEFF${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The table as one worksheet: heading lines, a bold header row, the rows, the note. */
export async function tableXlsx(table: DashboardTable, options: ExportOptions): Promise<ArrayBuffer> {
  const safe = suppressSmallCells(table);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safe.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " ") || "Data");
  for (const line of options.heading) sheet.addRow([safeText(line)]);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const head = sheet.addRow(safe.columns.map((column) => column.label));
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF5FB" } };
  const firstData = head.number + 1;
  for (const row of tableRows(safe)) sheet.addRow(row);
  if (safe.total) sheet.getRow(sheet.rowCount).font = { bold: true };
  safe.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.kind === "text" ? 28 : Math.max(14, Math.min(column.label.length + 2, 28));
    if (column.kind === "percent" || column.kind === "number") {
      sheetColumn.eachCell((cell, rowNumber) => {
        if (rowNumber >= firstData && typeof cell.value === "number") cell.numFmt = column.digits === 0 ? "0" : "0.0#";
      });
    }
  });
  if (hasSuppressedCells(safe)) {
    sheet.addRow([]);
    sheet.addRow([safeText(options.suppressionNote)]);
  }
  sheet.views = [{ state: "frozen", ySplit: head.number }];
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

function fileName(base: string, format: ExportFormat): string {
  const safe = base.replace(/[^\w.-]+/g, "-").replace(/-+/g, "-").slice(0, 80) || "dasbor";
  return `${safe}.${format}`;
}

/** The download response for a table in the asked format. */
export async function tableExportResponse(
  table: DashboardTable,
  format: ExportFormat,
  options: ExportOptions & { fileBase: string },
): Promise<Response> {
  const body = format === "xlsx" ? await tableXlsx(table, options) : tableCsv(table, options);
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${fileName(options.fileBase, format)}"`,
      "cache-control": "no-store",
    },
  });
}

export { SMALL_CELL_THRESHOLD };
