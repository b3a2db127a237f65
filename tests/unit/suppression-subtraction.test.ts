import { describe, expect, it } from "vitest";
import type { KelurahanCoverageRow } from "@/features/dashboards/poverty/queries";
import { unreachedTable } from "@/features/dashboards/poverty/tables";
import { figuresCsv } from "@/lib/spreadsheet/csv";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { knowledgeOf, recoverableCells, tableFromCsv } from "@/tests/helpers/table-attack";

const t = ((key: string) => key) as never;

const kelurahan = (name: string, unreached: number, reached: number): KelurahanCoverageRow => ({
  kelurahanId: name,
  name,
  kecamatanId: "ampenan",
  kecamatanName: "Ampenan",
  unreached,
  reached,
  extremePoor: unreached + reached,
});

// Ampenan Tengah: 601 not reached, 3 reached, 604 extreme-poor households.
const rows = [kelurahan("Ampenan Tengah", 601, 3), kelurahan("Pejeruk", 130, 120), kelurahan("Dayan Peken", 30, 60), kelurahan("Bintaro", 45, 38)];

const truth: FigureTable = {
  id: "truth",
  title: "",
  columns: [],
  rows: rows.map((row) => ({ unreached: row.unreached, reached: row.reached, extremePoor: row.extremePoor })),
  total: {
    unreached: rows.reduce((sum, row) => sum + row.unreached, 0),
    reached: rows.reduce((sum, row) => sum + row.reached, 0),
    extremePoor: rows.reduce((sum, row) => sum + row.extremePoor, 0),
  },
};

// What any reader knows: not reached + reached = extreme poor in every row, each column adds up
// to the totals row, and the coverage is reached / extreme poor.
const known = (table: FigureTable) =>
  knowledgeOf(table, {
    rowSums: [{ parts: ["unreached", "reached"], whole: "extremePoor" }],
    columnTotals: ["unreached", "reached", "extremePoor"],
    ratios: [{ rate: "coverage", numerator: "reached", denominator: "extremePoor", scale: 100 }],
  });

describe("a hidden count cannot be subtracted back", () => {
  it("the export of '601, <5, 604' leaves more than one value possible for every hidden cell", () => {
    const table = unreachedTable(rows, t);
    const shown = tableFromCsv(table, figuresCsv([table], { heading: ["uji"], suppressionNote: "disembunyikan" }));
    expect(shown.rows[0]).toMatchObject({ name: "Ampenan Tengah", reached: "<5" });
    expect(recoverableCells(truth, shown, known(shown))).toEqual([]);
  });

  it("the coverage computed over a hidden count is hidden too", () => {
    const table = unreachedTable(rows, t);
    const shown = tableFromCsv(table, figuresCsv([table], { heading: ["uji"], suppressionNote: "disembunyikan" }));
    expect(typeof shown.rows[0]?.coverage).toBe("string");
  });

  it("the table on screen hides the same cells as the file", () => {
    const table = unreachedTable(rows, t);
    const shown = tableFromCsv(table, figuresCsv([table], { heading: ["uji"], suppressionNote: "disembunyikan" }));
    expect(table.rows).toEqual(shown.rows);
    expect(recoverableCells(truth, table, known(table))).toEqual([]);
  });
});
