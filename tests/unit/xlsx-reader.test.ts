// The parse thread reads an .xlsx's worksheet XML itself (lib/spreadsheet/xlsx-reader.mjs).
// It must hand over exactly the cells exceljs's streaming reader handed over, which the
// imports were written against: compared here cell for cell on a workbook with every kind of
// value, written by exceljs as Excel would store it.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseRows } from "@/lib/spreadsheet/parse-engine.mjs";
import { REGISTRY_UPLOAD_LIMITS } from "@/lib/spreadsheet/upload-limits";
import { TextStore } from "@/features/registry/import/text-store";

async function workbook(date1904: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = date1904;
  const sheet = book.addWorksheet("Data");
  sheet.addRow(["NIK", "NAMA", "TANGGAL", "ANGKA", "YA", "RUMUS", "GALAT"]);
  sheet.addRow(["5271010101800001", "Baiq & Lalu <Putri>", new Date(Date.UTC(1980, 0, 12)), 3, true, { formula: "D2*2", result: 6 }, { error: "#N/A" }]);
  sheet.addRow([
    "'5271",
    { richText: [{ text: "Ni " }, { font: { bold: true }, text: "Made" }] },
    new Date(Date.UTC(2001, 11, 31)),
    2.5,
    false,
    { formula: 'CONCAT("a";"b")', result: "ab" },
    null,
  ]);
  sheet.addRow(["  spasi  ", "tab\there", 29_230, -1, null, { formula: "SUM(D2:D3)" }, "x"]);
  sheet.getCell("C4").numFmt = "dd/mm/yyyy";
  sheet.getCell("D4").numFmt = "0.00";
  sheet.getCell("J5").value = "far right";
  sheet.addRow([]);
  sheet.getCell("A7").value = "after an empty row";
  sheet.getCell("B7").value = "Ünïcödé ✓ 𝔘";
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Rows as exceljs's streaming reader gave them, through the parse engine's own cell conversion. */
async function exceljsRows(bytes: Buffer): Promise<{ rowNumber: number; cells: unknown[] }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const rows: { rowNumber: number; cells: unknown[] }[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = (row as unknown as { values: unknown[] }).values;
      const cells = [];
      for (let column = 1; column < values.length; column += 1) cells.push(toCell(values[column]));
      rows.push({ rowNumber: (row as unknown as { number: number }).number, cells });
    }
    break;
  }
  return rows;
}

/** parse-engine.mjs's toCell, as it read exceljs's values. */
function toCell(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  const object = value as Record<string, unknown>;
  if ("formula" in object || "sharedFormula" in object) {
    const result = object.result === undefined ? undefined : toCell(object.result);
    const formula = (object.formula ?? object.sharedFormula ?? "") as string;
    return result === undefined || result === null ? { formula } : { formula, result };
  }
  if ("error" in object) return { error: String(object.error) };
  if ("richText" in object) return (object.richText as { text: string }[]).map((part) => part.text).join("");
  if ("text" in object) return String(object.text);
  return String(value);
}

async function engineRows(bytes: Buffer) {
  const rows = [];
  for await (const { chars: _chars, ...row } of parseRows("xlsx", Readable.from([bytes]), REGISTRY_UPLOAD_LIMITS)) rows.push(row);
  return rows;
}

describe("the .xlsx reader", () => {
  for (const date1904 of [false, true]) {
    it(`hands over the cells exceljs's streaming reader did${date1904 ? " (1904 date system)" : ""}`, async () => {
      const bytes = await workbook(date1904);
      const expected = await exceljsRows(bytes);
      expect(expected.length).toBeGreaterThan(4);
      expect(await engineRows(bytes)).toEqual(expected);
    });
  }

  it("reads dates in a date format as dates and other numbers as numbers", async () => {
    const rows = await engineRows(await workbook(false));
    expect(rows[1]!.cells[2]).toEqual(new Date(Date.UTC(1980, 0, 12)));
    expect(rows[3]!.cells[2]).toEqual(new Date(Date.UTC(1980, 0, 10)));
    expect(rows[3]!.cells[3]).toBe(-1);
    expect(rows[1]!.cells[1]).toBe("Baiq & Lalu <Putri>");
  });
});

describe("the check's text store", () => {
  it("gives back every text it kept, across its buffers, whatever its characters", () => {
    const store = new TextStore();
    const texts = Array.from({ length: 30_000 }, (_, i) => `${i}\t${"Ünïcödé ✓ 𝔘 ".repeat(i % 7)}${"x".repeat(i % 100)}`);
    const ids = texts.map((text) => store.add(text));
    expect(ids[0]).toBe(0);
    expect(ids.at(-1)).toBe(texts.length - 1);
    for (let i = 0; i < texts.length; i += 1) expect(store.get(ids[i]!)).toBe(texts[i]);
  });
});
