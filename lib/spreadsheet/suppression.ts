// Small-cell suppression for exported figures: an aggregate of fewer than five
// households can point at a family, so in an exported file such a cell — and every rate
// computed over it — is replaced by a marker. Zero is shown: it reveals nobody.
// The screen keeps exact figures: only readers whose role may open the dashboard see it,
// while a file travels further.
import type { FigureCell, FigureRow, FigureTable } from "./figures";

/** Cells counting at least one and fewer than this many households are hidden in exports. */
export const SMALL_CELL_THRESHOLD = 5;

/** What an exported file shows in place of a small count, and of a rate over one. */
export const SUPPRESSED_COUNT = "<5";
export const SUPPRESSED_DERIVED = "*";

export function isSmallCell(value: FigureCell): boolean {
  return typeof value === "number" && value > 0 && value < SMALL_CELL_THRESHOLD;
}

function suppressRow(table: FigureTable, row: FigureRow): FigureRow {
  const out: FigureRow = { ...row };
  const hidden = new Set<string>();
  for (const column of table.columns) {
    if (column.kind === "households" && isSmallCell(row[column.key] ?? null)) {
      out[column.key] = SUPPRESSED_COUNT;
      hidden.add(column.key);
    }
  }
  for (const column of table.columns) {
    if (column.basedOn && hidden.has(column.basedOn) && out[column.key] !== null) out[column.key] = SUPPRESSED_DERIVED;
  }
  return out;
}

/** The table as it may leave the application: small household cells and rates over them hidden. */
export function suppressSmallCells(table: FigureTable): FigureTable {
  return {
    ...table,
    rows: table.rows.map((row) => suppressRow(table, row)),
    total: table.total ? suppressRow(table, table.total) : undefined,
  };
}

/** Whether any cell of the table was hidden (the export then says why). */
export function hasSuppressedCells(table: FigureTable): boolean {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return rows.some((row) => Object.values(row).some((cell) => cell === SUPPRESSED_COUNT || cell === SUPPRESSED_DERIVED));
}
