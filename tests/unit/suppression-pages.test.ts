import { describe, expect, it } from "vitest";
import { areaTreeFigures } from "@/features/areas/figures";
import type { KecamatanNode } from "@/features/areas/queries";
import { kecamatanFigures } from "@/features/home/figures";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { type CellRef, knowledgeOf, recoverableCells, type TableKnowledge } from "@/tests/helpers/table-attack";

const area = (name: string, households: number, extremePoorHouseholds: number) => ({ id: name, code: name, name, households, extremePoorHouseholds });

function kecamatan(name: string, kelurahan: ReturnType<typeof area>[]): KecamatanNode {
  return {
    ...area(
      name,
      kelurahan.reduce((sum, k) => sum + k.households, 0),
      kelurahan.reduce((sum, k) => sum + k.extremePoorHouseholds, 0),
    ),
    kelurahan,
  };
}

describe("the areas page", () => {
  const tree = [
    kecamatan("Ampenan", [area("Ampenan Tengah", 640, 3), area("Pejeruk", 410, 22), area("Dayan Peken", 380, 17)]),
    kecamatan("Mataram", [area("Pagesangan", 520, 12), area("Pagutan", 610, 31)]),
  ];

  it("hides a small kelurahan count, and what would give it back from its kecamatan or the city", () => {
    const shown = areaTreeFigures(tree);
    expect(shown.rows.map((row) => row.extremePoor)).toEqual([42, "<5", 22, "*", 43, 12, 31, 85]);
    const original: FigureTable = {
      ...shown,
      rows: [
        ...tree.flatMap((k) => [k, ...k.kelurahan]).map((a) => ({ households: a.households, extremePoor: a.extremePoorHouseholds })),
        { households: 2560, extremePoor: 85 },
      ],
    };
    const at = (row: number, key: string): CellRef => ({ row, key });
    const sums = (key: string) => [
      { whole: at(0, key), parts: [at(1, key), at(2, key), at(3, key)] },
      { whole: at(4, key), parts: [at(5, key), at(6, key)] },
      { whole: at(7, key), parts: [at(0, key), at(4, key)] },
    ];
    const known: TableKnowledge = { sums: [...sums("households"), ...sums("extremePoor")], ratios: [] };
    expect(recoverableCells(original, shown, known)).toEqual([]);
  });
});

describe("the home page", () => {
  const rows = [
    { ...area("Ampenan", 1430, 2), kelurahan: 3 },
    { ...area("Mataram", 1130, 43), kelurahan: 2 },
    { ...area("Sekarbela", 900, 28), kelurahan: 5 },
  ];
  const totals = { kecamatan: 3, kelurahan: 10, households: 3460, extremePoorHouseholds: 73 };

  it("hides a kecamatan's small count, a second one of the column, and the shares over them; the totals row the cards read stays", () => {
    const shown = kecamatanFigures(rows, totals);
    expect(shown.rows.map((row) => [row.extremePoor, typeof row.share === "number" ? "%" : row.share])).toEqual([
      ["<5", "*"],
      [43, "%"],
      ["*", "*"],
    ]);
    expect(shown.total).toMatchObject({ households: 3460, extremePoor: 73 });
    const original = {
      ...shown,
      rows: rows.map((r) => ({ households: r.households, extremePoor: r.extremePoorHouseholds })),
      total: { households: 3460, extremePoor: 73 },
    };
    expect(recoverableCells(original, shown, knowledgeOf(shown, { columnTotals: ["households", "extremePoor"] }))).toEqual([]);
  });
});
