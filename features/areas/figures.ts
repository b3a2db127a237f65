// The area tree's household counts as one table of figures: each kecamatan row adds up its
// kelurahan rows and the last row adds up the kecamatan, so suppression hides, beside a small
// kelurahan count, what would give it back from its kecamatan or the city.
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import type { KecamatanNode } from "./queries";

/** Rows in tree order (a kecamatan, then its kelurahan), the city's total last. */
export function areaTreeFigures(tree: readonly KecamatanNode[]): FigureTable {
  const rows: FigureTable["rows"] = [];
  const rowSums: { whole: number; parts: number[] }[] = [];
  const kecamatanRows: number[] = [];
  for (const kecamatan of tree) {
    const whole = rows.length;
    kecamatanRows.push(whole);
    rows.push({ households: kecamatan.households, extremePoor: kecamatan.extremePoorHouseholds });
    const parts = kecamatan.kelurahan.map((kelurahan) => rows.push({ households: kelurahan.households, extremePoor: kelurahan.extremePoorHouseholds }) - 1);
    if (parts.length > 0) rowSums.push({ whole, parts });
  }
  rowSums.push({ whole: rows.length, parts: kecamatanRows });
  rows.push({
    households: tree.reduce((sum, k) => sum + k.households, 0),
    extremePoor: tree.reduce((sum, k) => sum + k.extremePoorHouseholds, 0),
  });
  return suppressTable({
    id: "wilayah",
    title: "",
    columns: [
      { key: "households", label: "", kind: "households" },
      { key: "extremePoor", label: "", kind: "households" },
    ],
    rows,
    rowSums,
  });
}
