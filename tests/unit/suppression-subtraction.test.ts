import { describe, expect, it } from "vitest";
import type { AreaRegistryRow, KelurahanCoverageRow } from "@/features/dashboards/poverty/queries";
import { kelurahanTables, registryTable, unreachedTable } from "@/features/dashboards/poverty/tables";
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

describe("a count hidden in one table of the page is hidden in every table that repeats it", () => {
  // A city of random kelurahan: the registry table and the unreached table both show each
  // kelurahan's extreme-poor households and their total.
  const city = (seed: number) => {
    let state = seed;
    const next = (max: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % max;
    };
    const registry: AreaRegistryRow[] = [];
    const coverage: KelurahanCoverageRow[] = [];
    for (let i = 0; i < 8; i += 1) {
      const extremePoor = next(4) === 0 ? 1 + next(4) : next(60);
      const reached = next(extremePoor + 1);
      const kecamatanId = i < 4 ? "a" : "b";
      registry.push({
        areaId: `k${i}`,
        name: `k${i}`,
        kecamatanId,
        kecamatanName: kecamatanId,
        households: 200 + next(400),
        extremePoor,
        desil1to4: 50 + next(100),
      });
      coverage.push({ kelurahanId: `k${i}`, name: `k${i}`, kecamatanId, kecamatanName: kecamatanId, extremePoor, reached, unreached: extremePoor - reached });
    }
    return { registry, coverage };
  };
  const disagreements = (kelurahan: FigureTable, unreached: FigureTable) =>
    [...kelurahan.rows, kelurahan.total].filter((row, i) => {
      const other = [...unreached.rows, unreached.total][i];
      return typeof row?.extremePoor !== typeof other?.extremePoor;
    }).length;

  it("shows no extreme-poor count in the unreached table that the registry table hides, or the other way", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const { registry, coverage } = city(seed);
      const { kelurahan, unreached } = kelurahanTables(registry, coverage, t);
      expect(disagreements(kelurahan, unreached), `seed ${seed}`).toBe(0);
    }
  });

  it("is needed: suppressed one by one, the two tables disagree for some cities", () => {
    const apart = Array.from({ length: 200 }, (_, i) => city(i + 1)).filter(
      ({ registry, coverage }) => disagreements(registryTable("kelurahan", registry, t), unreachedTable(coverage, t)) > 0,
    );
    expect(apart.length).toBeGreaterThan(0);
  });
});
