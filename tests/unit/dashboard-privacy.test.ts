import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { figuresCsv } from "@/lib/spreadsheet/csv";
import { hasSuppressedCells, suppressTable } from "@/lib/spreadsheet/suppression";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { writeFigures } from "@/lib/spreadsheet/write";

const table: FigureTable = {
  id: "coverage",
  title: "Cakupan",
  columns: [
    { key: "name", label: "Kelurahan", kind: "text" },
    { key: "extreme", label: "RT miskin ekstrem", kind: "households" },
    { key: "reached", label: "Terjangkau", kind: "households" },
    { key: "coverage", label: "Cakupan", kind: "percent", derivedFrom: ["reached", "extreme"] },
    { key: "people", label: "Jiwa", kind: "count" },
  ],
  rows: [
    { name: "Ampenan Tengah", extreme: 12, reached: 3, coverage: 25, people: 2 },
    { name: "Pejeruk", extreme: 4, reached: 0, coverage: 0, people: 1 },
    { name: '=HYPERLINK("x")', extreme: 5, reached: 5, coverage: 100, people: 9 },
  ],
  total: { name: "Jumlah", extreme: 21, reached: 8, coverage: 38.1, people: 12 },
};

describe("small-cell suppression", () => {
  it("hides counts of 1–4, a second count in each of their columns so the total does not give them back, and the rates over any of them; keeps 0 and other counts", () => {
    const safe = suppressTable(table);
    expect(safe.rows[0]).toEqual({ name: "Ampenan Tengah", extreme: "*", reached: "<5", coverage: "*", people: 2 });
    expect(safe.rows[1]).toEqual({ name: "Pejeruk", extreme: "<5", reached: 0, coverage: "*", people: 1 });
    expect(safe.rows[2]).toMatchObject({ extreme: 5, reached: "*", coverage: "*", people: 9 });
    expect(safe.total).toEqual(table.total);
    expect(hasSuppressedCells(safe)).toBe(true);
    expect(hasSuppressedCells(suppressTable({ ...table, rows: [table.rows[2]!], total: undefined }))).toBe(false);
  });

  it("writes the CSV with hidden cells, a note, and no runnable formula", () => {
    const csv = figuresCsv([table], { heading: ["Cakupan — Kota Mataram"], suppressionNote: "Sel < 5 disembunyikan" });
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toContain("Kelurahan;RT miskin ekstrem;Terjangkau;Cakupan;Jiwa");
    expect(lines).toContain("Ampenan Tengah;*;<5;*;2");
    expect(lines).toContain("Pejeruk;<5;0;*;1");
    expect(lines).toContain(`"'=HYPERLINK(""x"")";5;*;*;9`);
    expect(lines).toContain("Sel < 5 disembunyikan");
  });
});

describe("figures as .xlsx", () => {
  it("writes a sheet a table: heading, header, numbers as numbers, hidden cells, the note", async () => {
    const second: FigureTable = { id: "other", title: "Cakupan", columns: [{ key: "n", label: "N", kind: "count" }], rows: [{ n: 3 }] };
    const bytes = await new Response(
      writeFigures("xlsx", [table, second], { heading: ["Cakupan — Kota Mataram", "Tahun 2024"], suppressionNote: "Sel < 5 disembunyikan" }),
    ).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Cakupan", "Cakupan 2"]);
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Cakupan — Kota Mataram"]);
    expect(values(4)).toEqual(["Kelurahan", "RT miskin ekstrem", "Terjangkau", "Cakupan", "Jiwa"]);
    expect(values(5)).toEqual(["Ampenan Tengah", "*", "<5", "*", 2]);
    expect(values(6)).toEqual(["Pejeruk", "<5", 0, "*", 1]);
    expect(values(7)[0]).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getRow(8).font?.bold).toBe(true);
    expect(values(10)).toEqual(["Sel < 5 disembunyikan"]);
    expect((workbook.worksheets[1]!.getRow(5).values as unknown[]).slice(1)).toEqual([3]);
  });
});
