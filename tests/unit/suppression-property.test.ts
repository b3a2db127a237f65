import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "@/prisma/demo/random";
import type { FigureColumn, FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import { hiddenCells, suppressTable } from "@/lib/spreadsheet/suppression";
import { knowledgeOf, recoverableCells } from "@/tests/helpers/table-attack";

type Shape = { parts: string[]; whole: boolean; total: boolean; rate: boolean };

/** A random table of household counts: parts, maybe their sum per row, maybe a totals row and a rate. */
function randomTable(random: Random, rowCount: number, large: number, threshold = 5): { table: FigureTable; shape: Shape } {
  const shape: Shape = {
    parts: ["a", "b", "c"].slice(0, random.int(2, 3)),
    whole: random.chance(0.6),
    total: random.chance(0.85),
    rate: random.chance(0.5),
  };
  const count = () =>
    random.weighted([
      ["zero", 2],
      ["small", 4],
      ["large", 4],
    ] as const);
  const draw = () => {
    const kind = count();
    return kind === "zero" ? 0 : kind === "small" ? random.int(1, threshold - 1) : random.int(threshold, large);
  };
  const denominator = shape.whole ? "w" : "b";
  const withRate = (row: FigureRow): FigureRow =>
    shape.rate ? { ...row, rate: Number(row[denominator]) > 0 ? (Number(row.a) / Number(row[denominator])) * 100 : null } : row;
  const rows = Array.from({ length: rowCount }, (_, i) => {
    const row: FigureRow = { name: `R${i}` };
    for (const key of shape.parts) row[key] = draw();
    if (shape.whole) row.w = shape.parts.reduce((sum, key) => sum + Number(row[key]), 0);
    return withRate(row);
  });
  const counted = [...shape.parts, ...(shape.whole ? ["w"] : [])];
  const columns: FigureColumn[] = [
    { key: "name", label: "Nama", kind: "text" },
    ...shape.parts.map((key): FigureColumn => ({ key, label: key, kind: "households" })),
    ...(shape.whole ? [{ key: "w", label: "w", kind: "households" as const, sumOf: shape.parts }] : []),
    ...(shape.rate ? [{ key: "rate", label: "rate", kind: "percent" as const, derivedFrom: ["a", denominator] }] : []),
  ];
  const total = shape.total
    ? withRate({ name: "Jumlah", ...Object.fromEntries(counted.map((key) => [key, rows.reduce((sum, row) => sum + Number(row[key]), 0)])) })
    : undefined;
  return { table: { id: "acak", title: "Acak", columns, rows, total }, shape };
}

function knowledge(table: FigureTable, shape: Shape) {
  return knowledgeOf(table, {
    rowSums: shape.whole ? [{ parts: shape.parts, whole: "w" }] : [],
    columnTotals: [...shape.parts, ...(shape.whole ? ["w"] : [])],
    ratios: shape.rate ? [{ rate: "rate", numerator: "a", denominator: shape.whole ? "w" : "b", scale: 100 }] : [],
  });
}

const TABLES = 250;

describe("suppression of random tables", () => {
  it("leaves every row sum and column total with no hidden cell or at least two, and every small count hidden", () => {
    const random = createRandom(16);
    for (let n = 0; n < TABLES; n += 1) {
      const { table, shape } = randomTable(random, random.int(2, 12), 40);
      const hidden = hiddenCells(table);
      const rows = table.total ? [...table.rows, table.total] : table.rows;
      const sums = knowledge(table, shape).sums;
      for (const sum of sums) {
        const count = [...sum.parts, sum.whole].filter((cell) => hidden.has(`${cell.row}/${cell.key}`)).length;
        expect(count === 0 || count >= 2, `table ${n}: a sum with one hidden cell`).toBe(true);
      }
      rows.forEach((row, r) => {
        for (const key of [...shape.parts, ...(shape.whole ? ["w"] : [])]) {
          const value = row[key] as number;
          if (value >= 1 && value <= 4) expect(hidden.get(`${r}/${key}`), `table ${n}`).toBe("small");
          if (value === 0) expect(hidden.has(`${r}/${key}`), `table ${n}: a zero hidden`).toBe(false);
        }
        const denominator = shape.whole ? "w" : "b";
        if (shape.rate && row.rate !== null && (hidden.has(`${r}/a`) || hidden.has(`${r}/${denominator}`))) {
          expect(hidden.get(`${r}/rate`), `table ${n}: a rate over a hidden count`).toBe("derived");
        }
      });
    }
  });

  it("leaves more than one value possible for every hidden count of small tables, searched exhaustively", () => {
    const random = createRandom(2026);
    for (let n = 0; n < TABLES; n += 1) {
      const { table, shape } = randomTable(random, random.int(2, 4), 12);
      const shown = suppressTable(table);
      const cap =
        Math.max(...(table.total ? [...table.rows, table.total] : table.rows).flatMap((row) => Object.values(row).filter((v) => typeof v === "number"))) + 5;
      expect(recoverableCells(table, shown, knowledge(shown, shape), cap), `table ${n}: ${JSON.stringify(table.rows)} ${JSON.stringify(table.total)}`).toEqual(
        [],
      );
    }
  });

  it("at a threshold of 10 (the public page's), hides every count of 1–9 and leaves each hidden count more than one value", () => {
    const random = createRandom(1010);
    for (let n = 0; n < TABLES; n += 1) {
      const { table, shape } = randomTable(random, random.int(2, 4), 14, 10);
      const shown = suppressTable(table, { threshold: 10 });
      const rows = shown.total ? [...shown.rows, shown.total] : shown.rows;
      for (const row of rows)
        for (const key of shape.parts) expect(typeof row[key] !== "number" || row[key] === 0 || Number(row[key]) >= 10, `table ${n}`).toBe(true);
      const cap =
        Math.max(...(table.total ? [...table.rows, table.total] : table.rows).flatMap((row) => Object.values(row).filter((v) => typeof v === "number"))) + 10;
      expect(
        recoverableCells(table, shown, knowledge(shown, shape), cap, 10),
        `table ${n}: ${JSON.stringify(table.rows)} ${JSON.stringify(table.total)}`,
      ).toEqual([]);
    }
  });

  it("suppresses a table of a thousand rows in seconds, not minutes (a page view waits for it)", () => {
    const { table } = randomTable(createRandom(7), 1_000, 200);
    const started = performance.now();
    suppressTable(table);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("a fixture where no hidden count can be worked out", () => {
  // Extreme-poor households per kelurahan: not reached + reached = all, and a city total.
  const table: FigureTable = {
    id: "cakupan",
    title: "Cakupan",
    columns: [
      { key: "name", label: "Kelurahan", kind: "text" },
      { key: "unreached", label: "Belum", kind: "households" },
      { key: "reached", label: "Terjangkau", kind: "households" },
      { key: "all", label: "Miskin ekstrem", kind: "households", sumOf: ["unreached", "reached"] },
      { key: "coverage", label: "Cakupan", kind: "percent", derivedFrom: ["reached", "all"] },
    ],
    rows: [
      { name: "Ampenan Tengah", unreached: 601, reached: 3, all: 604, coverage: (3 / 604) * 100 },
      { name: "Pejeruk", unreached: 130, reached: 120, all: 250, coverage: 48 },
      { name: "Dayan Peken", unreached: 30, reached: 60, all: 90, coverage: (60 / 90) * 100 },
      { name: "Bintaro", unreached: 2, reached: 0, all: 2, coverage: 0 },
      { name: "Banjar", unreached: 45, reached: 38, all: 83, coverage: (38 / 83) * 100 },
    ],
    total: { name: "Jumlah", unreached: 808, reached: 221, all: 1029, coverage: (221 / 1029) * 100 },
  };
  const known = (shown: FigureTable) =>
    knowledgeOf(shown, {
      rowSums: [{ parts: ["unreached", "reached"], whole: "all" }],
      columnTotals: ["unreached", "reached", "all"],
      ratios: [{ rate: "coverage", numerator: "reached", denominator: "all", scale: 100 }],
    });

  it("hides the small counts, one more in each of their rows and columns, and the rates over them", () => {
    const shown = suppressTable(table);
    expect(shown.rows.map((row) => [row.unreached, row.reached, row.all, typeof row.coverage === "number" ? "%" : row.coverage])).toEqual([
      ["*", "<5", 604, "*"],
      [130, 120, 250, "%"],
      [30, 60, 90, "%"],
      ["<5", 0, "<5", "*"],
      [45, "*", "*", "*"],
    ]);
    expect(shown.total).toEqual(table.total);
    expect(recoverableCells(table, shown, known(shown))).toEqual([]);
  });

  it("hides the same cells when suppressed twice", () => {
    expect(suppressTable(suppressTable(table))).toEqual(suppressTable(table));
  });
});
