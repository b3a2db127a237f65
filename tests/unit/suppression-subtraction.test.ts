import { describe, expect, it } from "vitest";
import type { AreaRegistryRow, KelurahanCoverageRow } from "@/features/dashboards/poverty/queries";
import { registryTable, unreachedTable } from "@/features/dashboards/poverty/tables";
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

describe("a hidden kelurahan count cannot be taken from its kecamatan's figure in the table beside it", () => {
  const row = (name: string, kecamatanId: string, households: number, extremePoor: number): AreaRegistryRow => ({
    areaId: name,
    name,
    kecamatanId,
    kecamatanName: kecamatanId,
    households,
    extremePoor,
    desil1to4: households - extremePoor,
  });
  const rows = [
    row("Ampenan Tengah", "ampenan", 640, 3),
    row("Pejeruk", "ampenan", 410, 22),
    row("Dayan Peken", "ampenan", 380, 17),
    row("Pagesangan", "mataram", 520, 12),
    row("Pagutan", "mataram", 610, 31),
  ];

  it("hides a second kelurahan of the same kecamatan", () => {
    const shown = registryTable("kelurahan", rows, t);
    const ampenan = shown.rows.slice(0, 3).map((r) => r.extremePoor);
    expect(ampenan.filter((cell) => typeof cell === "string").length).toBeGreaterThanOrEqual(2);
    // The reader's table: these rows, then the two kecamatan as the kecamatan table shows them.
    const kecamatan = [
      { households: 1430, extremePoor: 42, desil1to4: 1388 },
      { households: 1130, extremePoor: 43, desil1to4: 1087 },
    ];
    const read: FigureTable = { ...shown, rows: [...shown.rows, ...kecamatan] };
    const original: FigureTable = {
      ...read,
      rows: [...rows.map((r) => ({ households: r.households, extremePoor: r.extremePoor, desil1to4: r.desil1to4 })), ...kecamatan],
    };
    const sums = (["households", "extremePoor", "desil1to4"] as const).flatMap((key) => [
      { parts: [0, 1, 2, 3, 4].map((r) => ({ row: r, key })), whole: { row: 7, key } },
      { parts: [0, 1, 2].map((r) => ({ row: r, key })), whole: { row: 5, key } },
      { parts: [3, 4].map((r) => ({ row: r, key })), whole: { row: 6, key } },
    ]);
    expect(recoverableCells(original, read, { sums, ratios: [] })).toEqual([]);
  });
});
