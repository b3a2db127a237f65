// A table of figures: what a dashboard panel shows beside its chart and what its .xlsx/.csv
// export writes (write.ts `writeFigures`, csv.ts `figuresCsv`). Columns say what kind of
// value they hold, so the screen formats them (lib/format), the export writes plain numbers,
// and suppression.ts knows which cells count households (and hides the small ones in files).

/**
 * - text: a label (kecamatan name, month …)
 * - households: a count of households — subject to small-cell suppression in exports
 * - count: any other count (people, entries), never suppressed
 * - percent: a rate in percent units (8.61 = "8,61 %")
 * - number: any other figure
 */
export type ColumnKind = "text" | "households" | "count" | "percent" | "number";

export type FigureColumn = {
  key: string;
  label: string;
  kind: ColumnKind;
  /**
   * For a percent (or number) derived from a households column: the key of that base column.
   * When the base cell is suppressed, this one is too (a rate over 3 households tells who).
   */
  basedOn?: string;
  /** Fraction digits for percent and number columns (default 1). */
  digits?: number;
};

export type FigureCell = string | number | null;
export type FigureRow = Record<string, FigureCell>;

export type FigureTable = {
  /** Stable id: an export route picks a table by it (`?tabel=<id>`). */
  id: string;
  title: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  /** A totals row, shown and exported last. */
  total?: FigureRow;
};

/** What a file of figures carries besides the tables. */
export type FigureFileOptions = {
  /** Lines written above the tables: the city, the filters, the date. */
  heading: string[];
  /** Written under the tables when cells were hidden, e.g. "Sel < 5 rumah tangga disembunyikan." */
  suppressionNote: string;
};

/** The table's rows (and totals row last) as cells in column order; a missing cell is empty. */
export function figureCells(table: FigureTable): FigureCell[][] {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return rows.map((row) => table.columns.map((column) => row[column.key] ?? null));
}
