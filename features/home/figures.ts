// The home page's households per kecamatan as a table of figures, suppressed like every other:
// the page's cards and its table read the same hidden cells.
import type { FigureCell, FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import { sharePercent, type KecamatanBreakdownRow, type TenantOverview } from "./queries";

export function kecamatanFigures(rows: KecamatanBreakdownRow[], totals: TenantOverview): FigureTable {
  return suppressTable({
    id: "kecamatan",
    title: "",
    columns: [
      { key: "name", label: "", kind: "text" },
      { key: "kelurahan", label: "", kind: "count" },
      { key: "households", label: "", kind: "households" },
      { key: "extremePoor", label: "", kind: "households" },
      { key: "share", label: "", kind: "percent", derivedFrom: ["extremePoor", "households"] },
    ],
    rows: rows.map((row) => ({
      name: row.name,
      kelurahan: row.kelurahan,
      households: row.households,
      extremePoor: row.extremePoorHouseholds,
      share: sharePercent(row.extremePoorHouseholds, row.households),
    })),
    total: {
      name: null,
      kelurahan: totals.kelurahan,
      households: totals.households,
      extremePoor: totals.extremePoorHouseholds,
      share: sharePercent(totals.extremePoorHouseholds, totals.households),
    },
  });
}

/** A cell of a suppressed table as the page writes it: a number in the reader's format, or its marker. */
export function shownCell(cell: FigureCell | undefined, format: (value: number) => string): string {
  if (typeof cell === "number") return format(cell);
  return cell ?? "–";
}
