import { describe, expect, it } from "vitest";
import type { AreaRegistryRow, KelurahanCoverageRow, TargetProgress, Targeting } from "@/features/dashboards/poverty/queries";
import { povertyAreaTables, registryTable, unreachedTable } from "@/features/dashboards/poverty/tables";
import { figuresCsv } from "@/lib/spreadsheet/csv";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { knowledgeOf, recoverableCells, tableFromCsv, type TableKnowledge } from "@/tests/helpers/table-attack";

const t = ((key: string) => key) as never;

const noTargeting: Targeting = { beneficiaries: 0, extremePoor: 0, desil1to4: 0, outside: 0, eligible: 0, eligibleReached: 0, eligibleUnreached: 0 };
const noTarget: TargetProgress = { target: null, current: 0 };

/** The kecamatan table's rows: each kecamatan the sum of its kelurahan. */
function kecamatanOf(kelurahan: readonly AreaRegistryRow[]): AreaRegistryRow[] {
  const byId = new Map<string, AreaRegistryRow>();
  for (const row of kelurahan) {
    const sum = byId.get(row.kecamatanId) ?? { ...row, areaId: row.kecamatanId, name: row.kecamatanName, households: 0, extremePoor: 0, desil1to4: 0 };
    byId.set(row.kecamatanId, {
      ...sum,
      households: sum.households + row.households,
      extremePoor: sum.extremePoor + row.extremePoor,
      desil1to4: sum.desil1to4 + row.desil1to4,
    });
  }
  return [...byId.values()];
}

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
    // The file rounds rates to their column's digits; the hidden cells are the same.
    const rounded = table.rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "number" ? Number(value.toFixed(1)) : value])),
    );
    expect(shown.rows).toEqual(rounded);
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
      const { kelurahan, unreached } = povertyAreaTables(
        { byKecamatan: kecamatanOf(registry), byKelurahan: registry, coverage, targeting: noTargeting, progress: noTarget },
        t,
      );
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

describe("the target card, the kecamatan and kelurahan tables and the unreached table give nothing hidden back together", () => {
  // A city of two kecamatan of two kelurahan each, some with a handful of extreme-poor households
  // (small enough for the reader's exhaustive search: every count below 100).
  const city = (seed: number) => {
    let state = seed;
    const next = (max: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % max;
    };
    const byKelurahan: AreaRegistryRow[] = [];
    const coverage: KelurahanCoverageRow[] = [];
    for (let i = 0; i < 4; i += 1) {
      const extremePoor = next(3) === 0 ? 1 + next(4) : 5 + next(20);
      const reached = next(extremePoor + 1);
      const kecamatanId = ["a", "b"][Math.floor(i / 2)]!;
      byKelurahan.push({
        areaId: `k${i}`,
        name: `k${i}`,
        kecamatanId,
        kecamatanName: kecamatanId,
        households: 100 + next(200),
        extremePoor,
        desil1to4: 20 + next(60),
      });
      coverage.push({ kelurahanId: `k${i}`, name: `k${i}`, kecamatanId, kecamatanName: kecamatanId, extremePoor, reached, unreached: extremePoor - reached });
    }
    const byKecamatan = kecamatanOf(byKelurahan);
    const current = byKelurahan.reduce((sum, row) => sum + row.extremePoor, 0);
    return { byKecamatan, byKelurahan, coverage, targeting: noTargeting, progress: { target: { year: 2026, value: 40, note: null }, current } };
  };

  // Everything the page shows of the registry's extreme-poor households as one table for the
  // reader (households and desil 1–4 are suppressed by the same sums): kecamatan rows and total, kelurahan rows and total, unreached rows and total, the card.
  const COUNTS = ["extremePoor"];
  const readerTable = (tables: { kecamatan: FigureTable; kelurahan: FigureTable; unreached: FigureTable; summary: FigureTable }): FigureTable => ({
    id: "page",
    title: "",
    columns: [],
    rows: [
      ...tables.kecamatan.rows,
      tables.kecamatan.total!,
      ...tables.kelurahan.rows,
      tables.kelurahan.total!,
      ...[...tables.unreached.rows, tables.unreached.total!].map((row) => ({
        unreached: row.unreached ?? null,
        reached: row.reached ?? null,
        coverageBase: row.extremePoor ?? null,
      })),
      { current: tables.summary.rows[0]!.current ?? null },
    ],
  });
  const knowledge = (m: number, n: number): TableKnowledge => {
    const kecamatanTotal = m;
    const kelurahan = (i: number) => m + 1 + i;
    const kelurahanTotal = m + 1 + n;
    const unreached = (i: number) => m + n + 2 + i;
    const unreachedTotal = m + 2 * n + 2;
    const card = m + 2 * n + 3;
    const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
    const sum = (rows: number[], key: string, whole: number, wholeKey = key) => ({
      parts: rows.map((row) => ({ row, key })),
      whole: { row: whole, key: wholeKey },
    });
    return {
      sums: [
        ...COUNTS.flatMap((key) => [
          sum(range(0, m), key, kecamatanTotal),
          sum(range(kelurahan(0), n), key, kelurahanTotal),
          // Each kecamatan adds up its two kelurahan; the two tables' totals are one figure.
          ...range(0, m).map((j) => sum([kelurahan(2 * j), kelurahan(2 * j + 1)], key, j)),
          sum([kelurahanTotal], key, kecamatanTotal),
        ]),
        ...["unreached", "reached", "coverageBase"].map((key) => sum(range(unreached(0), n), key, unreachedTotal)),
        ...range(0, n + 1).map((i) => ({
          parts: [unreached(i), unreached(i)].map((row, k) => ({ row, key: k ? "reached" : "unreached" })),
          whole: { row: unreached(i), key: "coverageBase" },
        })),
        // The unreached table repeats each kelurahan's extreme-poor households; the card the city's.
        ...range(0, n + 1).map((i) => sum([unreached(i)], "coverageBase", kelurahan(i), "extremePoor")),
        sum([card], "current", kecamatanTotal, "extremePoor"),
      ],
      ratios: [],
    };
  };
  const truth = (data: ReturnType<typeof city>) => {
    const plain = (rows: readonly AreaRegistryRow[]) =>
      rows.map((row) => ({ households: row.households, extremePoor: row.extremePoor, desil1to4: row.desil1to4 }));
    const total = (rows: readonly AreaRegistryRow[]) =>
      Object.fromEntries(COUNTS.map((key) => [key, rows.reduce((sum, row) => sum + (row[key as keyof AreaRegistryRow] as number), 0)]));
    const reach = [...data.coverage, { unreached: 0, reached: 0, extremePoor: 0 }];
    reach[reach.length - 1] = {
      unreached: data.coverage.reduce((sum, row) => sum + row.unreached, 0),
      reached: data.coverage.reduce((sum, row) => sum + row.reached, 0),
      extremePoor: data.coverage.reduce((sum, row) => sum + row.extremePoor, 0),
    };
    return readerTable({
      kecamatan: { id: "", title: "", columns: [], rows: plain(data.byKecamatan), total: total(data.byKecamatan) },
      kelurahan: { id: "", title: "", columns: [], rows: plain(data.byKelurahan), total: total(data.byKelurahan) },
      unreached: { id: "", title: "", columns: [], rows: reach.slice(0, -1).map((row) => ({ ...row })), total: { ...reach.at(-1)! } },
      summary: { id: "", title: "", columns: [], rows: [{ current: data.progress.current }] },
    });
  };

  it("leaves more than one value possible for every hidden count, in every city", () => {
    // Seen apart, as before, the cards and tables of most of these cities gave a count back.
    for (let seed = 1; seed <= 19; seed += 1) {
      const data = city(seed);
      const shown = readerTable(povertyAreaTables(data, t));
      expect(recoverableCells(truth(data), shown, knowledge(2, 4), 100), `seed ${seed}`).toEqual([]);
    }
  });

  it("shows the target card's households only where the tables show the total", () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      const tables = povertyAreaTables(city(seed), t);
      expect(typeof tables.summary.rows[0]!.current, `seed ${seed}`).toBe(typeof tables.kecamatan.total!.extremePoor);
      expect(typeof tables.unreached.total!.extremePoor, `seed ${seed}`).toBe(typeof tables.kecamatan.total!.extremePoor);
    }
  });
});
