// A table of figures: what a dashboard panel shows beside its chart and what its .xlsx/.csv
// export writes (write.ts `writeFigures`, csv.ts `figuresCsv`). Columns say what kind of
// value they hold and how they add up, so the screen formats them (lib/format), the export
// writes plain numbers, and suppression.ts knows which cells count households, which sums tie
// them together, and so which cells to hide on screen and in files.

/**
 * - text: a label (kecamatan name, month …)
 * - households: a count of households or of the people in them — subject to small-cell suppression
 * - count: any other count (entries, loans, official statistics), never suppressed
 * - percent: a rate in percent units (8.61 = "8,61 %")
 * - rupiah: whole Rupiah (a plain number here, exact below 9 × 10^15), thousands grouped in files
 * - number: any other figure
 */
export type ColumnKind = "text" | "households" | "count" | "percent" | "rupiah" | "number";

export type FigureColumn = {
  key: string;
  label: string;
  kind: ColumnKind;
  /**
   * For a households column that is the sum of others in the same row (extreme-poor households
   * = reached + not reached): their keys. A hidden part could otherwise be subtracted back.
   */
  sumOf?: readonly string[];
  /**
   * For a percent or number computed from households columns (its numerator and its
   * denominator): their keys. When any of those cells is hidden, this one is too: a rate
   * beside its base gives the hidden count back.
   */
  derivedFrom?: readonly string[];
  /** Fraction digits for percent and number columns (default 1). */
  digits?: number;
  /**
   * A number column whose every figure shows all its `digits`, on screen, in print and in the
   * CSV as the .xlsx format does: an index (P1, P2) reads "0,320", never "0,32".
   */
  fixedDigits?: true;
  /**
   * A figure recorded for the whole city (budgets, spending): a kecamatan filter does not narrow
   * it, so an export under one says so beside the kecamatan's counts.
   */
  cityWide?: true;
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
  /**
   * How the totals row's households cells relate to the rows: "sum" (default) when they add
   * up, "distinct" when a household in several rows counts once in the total.
   */
  totalOfRows?: "sum" | "distinct";
  /**
   * Rows that add up other rows in every households column (a kecamatan and its kelurahan in one
   * table): row indices of the whole and its parts.
   */
  rowSums?: readonly { whole: number; parts: readonly number[] }[];
  /**
   * Groups of rows whose sum another table on the same page shows (the kelurahan of each
   * kecamatan, beside the kecamatan table): row indices. Their sum is then known to the reader.
   */
  sumsShownElsewhere?: readonly (readonly number[])[];
  /**
   * Filters of its page the table does not follow (a series of all years, a table of every
   * kecamatan): its export leaves them out of its title and file name. Dashboards' filter
   * names: "year", "kecamatan", "opd", "programme".
   */
  notFilteredBy?: readonly string[];
  /** Set by suppressTable: hidden cells are already replaced by their markers. */
  suppressed?: true;
  /** What each figure means ("name: definition"), written with the table wherever it goes. */
  definitions?: readonly string[];
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
