// The public page's figures as it may show them: every household count of 1 to 9 hidden, and
// the cells that would give one back from a total or a rate (lib/spreadsheet/suppression.ts).
// Anyone may read this page, so it hides more than the dashboards, whose readers are the
// city's own staff.
import { percentOf } from "@/features/dashboards/poverty/tables";
import type { FigureCell, FigureTable } from "@/lib/spreadsheet/figures";
import { isSmallCell, suppressTable, suppressedCountMarker } from "@/lib/spreadsheet/suppression";
import type { PublicFigures } from "./figures";

/** Counts of households under this many are not shown on the public page. */
export const PUBLIC_SMALL_CELL_THRESHOLD = 10;

export type KecamatanLabels = { name: string; households: string; extremePoor: string; reached: string; coverage: string; total: string };

/** Households, extreme-poor households, those reached and the coverage per kecamatan, suppressed. */
export function publicKecamatanTable(figures: PublicFigures, labels: KecamatanLabels): FigureTable {
  const rows = figures.kecamatan;
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const extremePoor = sum((row) => row.extremePoor);
  const reached = sum((row) => row.reached);
  return suppressTable(
    {
      id: "kecamatan",
      title: "",
      columns: [
        { key: "name", label: labels.name, kind: "text" },
        { key: "households", label: labels.households, kind: "households" },
        { key: "extremePoor", label: labels.extremePoor, kind: "households" },
        { key: "reached", label: labels.reached, kind: "households" },
        { key: "coverage", label: labels.coverage, kind: "percent", derivedFrom: ["reached", "extremePoor"] },
      ],
      rows: rows.map((row) => ({
        name: row.name,
        households: row.households,
        extremePoor: row.extremePoor,
        reached: row.reached,
        coverage: percentOf(row.reached, row.extremePoor),
      })),
      total: { name: labels.total, households: sum((row) => row.households), extremePoor, reached, coverage: percentOf(reached, extremePoor) },
    },
    { threshold: PUBLIC_SMALL_CELL_THRESHOLD },
  );
}

/** The city's households reached as the page may show it: a count under the threshold hidden. */
export function publicReachedCell(figures: PublicFigures): FigureCell {
  return isSmallCell(figures.reached, PUBLIC_SMALL_CELL_THRESHOLD) ? suppressedCountMarker(PUBLIC_SMALL_CELL_THRESHOLD) : figures.reached;
}
