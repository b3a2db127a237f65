import type ExcelJS from "exceljs";
import { expect } from "vitest";

/** Every row's cells as text, top to bottom. */
export function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? "" : String(value))));
  });
  return rows;
}

/** The cell under `header` in the first row below the header row whose first cell is `label`. */
export function cellUnder(sheet: ExcelJS.Worksheet, header: string, label: string): ExcelJS.Cell {
  let headerRow = 0;
  let column = 0;
  sheet.eachRow((row, r) => {
    (row.values as unknown[]).forEach((value, c) => {
      if (!headerRow && value === header) {
        headerRow = r;
        column = c;
      }
    });
  });
  expect(headerRow, `header ${header}`).toBeGreaterThan(0);
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    if (String(sheet.getRow(r).getCell(1).value) === label) return sheet.getRow(r).getCell(column);
  }
  throw new Error(`no row ${label}`);
}
