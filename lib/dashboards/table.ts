// A dashboard figure as a table: what every chart panel shows beside its chart and what its
// .xlsx/.csv export writes. Columns say what kind of value they hold, so the screen formats
// them (lib/format), the export writes plain numbers, and privacy.ts knows which cells count
// households (and hides the small ones in exports).

/**
 * - text: a label (kecamatan name, month …)
 * - households: a count of households — subject to small-cell suppression in exports
 * - count: any other count (people, entries), never suppressed
 * - percent: a rate in percent units (8.61 = "8,61 %")
 * - number: any other figure
 */
export type ColumnKind = "text" | "households" | "count" | "percent" | "number";

export type DashboardColumn = {
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

export type DashboardCell = string | number | null;
export type DashboardRow = Record<string, DashboardCell>;

export type DashboardTable = {
  /** Stable id: the export route picks a table by it (`?tabel=<id>`). */
  id: string;
  title: string;
  columns: DashboardColumn[];
  rows: DashboardRow[];
  /** A totals row, shown and exported last. */
  total?: DashboardRow;
};
