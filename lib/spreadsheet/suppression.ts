// Small-cell suppression for every table of figures, on screen and in files: an aggregate of
// fewer than five households can point at a family. Hiding the small cell alone is not enough,
// since the reader subtracts it back from its row, its column total or a rate beside it, so:
// 1. primary: each household count of 1–4 is hidden ("<5"); zero reveals nobody and is shown;
// 2. complementary: while a sum of the table (a column against its total, a row's parts against
//    their whole) has exactly one hidden cell, or a hidden count can still be worked out
//    (recoverable-counts.ts), the smallest non-zero visible count of such a sum is hidden too ("*"),
//    preferring one that also completes another sum left with a single hidden cell, and one of
//    at least 10, which leaves the reader no narrow range to work with;
// 3. derived: a rate or an amount per household computed from a hidden count is hidden ("*").
import { countGrid, members, type CountGrid } from "./count-relations";
import type { FigureCell, FigureRow, FigureTable } from "./figures";
import { recoverableCounts, type HiddenReason } from "./recoverable-counts";

/** Cells counting at least one and fewer than this many households are hidden. */
export const SMALL_CELL_THRESHOLD = 5;

/** What a table shows in place of a small count. */
export const SUPPRESSED_COUNT = "<5";
/** What it shows in place of a count hidden to protect a small one, and of a rate over a hidden count. */
export const SUPPRESSED_DERIVED = "*";

export function isSmallCell(value: FigureCell, threshold: number = SMALL_CELL_THRESHOLD): boolean {
  return typeof value === "number" && value > 0 && value < threshold;
}

/**
 * How strictly a table is suppressed: counts of 1 to `threshold` − 1 households are hidden. The
 * dashboards' readers are the city's own staff (SMALL_CELL_THRESHOLD); a page anyone may read
 * hides more (features/public-page).
 */
export type SuppressionOptions = { threshold?: number };

/** What a table shows in place of a count under `threshold` ("<5" at the default). */
export function suppressedCountMarker(threshold: number = SMALL_CELL_THRESHOLD): string {
  return `<${threshold}`;
}

/** Why a cell is hidden: "small" and "complement" for counts, "derived" for figures computed from them. */
export type HiddenCell = HiddenReason | "derived";

/**
 * The cells of a table to hide, keyed `${row}/${column key}` (row = the number of rows for the
 * totals row). Every sum of the table then has no hidden cell or at least two, and no hidden
 * count follows from the shown cells, the sums and the ranges "<5" and "*" stand for.
 */
export function hiddenCells(table: FigureTable, alsoHidden: ReadonlySet<string> = new Set(), options: SuppressionOptions = {}): Map<string, HiddenCell> {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  const grid = countGrid(table);
  const hidden = new Map<number, HiddenReason>();
  grid.cells.forEach((cell, i) => {
    if (cell.row >= 0 && isSmallCell(cell.value, threshold)) hidden.set(i, "small");
    else if (cell.row >= 0 && cell.value > 0 && alsoHidden.has(`${cell.row}/${cell.key}`)) hidden.set(i, "complement");
  });
  if (hidden.size > 0) protect(grid, hidden, threshold);

  const out = new Map<string, HiddenCell>();
  for (const [i, reason] of hidden) out.set(`${grid.cells[i]!.row}/${grid.cells[i]!.key}`, reason);
  const allRows = table.total ? [...table.rows, table.total] : table.rows;
  allRows.forEach((row, r) => {
    for (const column of table.columns) {
      if (!column.derivedFrom || row[column.key] === null || row[column.key] === undefined) continue;
      if (column.derivedFrom.some((key) => out.has(`${r}/${key}`))) out.set(`${r}/${column.key}`, "derived");
    }
  });
  return out;
}

function protect(grid: CountGrid, hidden: Map<number, HiddenReason>, threshold: number) {
  const roomy = 2 * threshold;
  const relationsOf = grid.cells.map(() => [] as number[]);
  grid.relations.forEach((relation, i) => {
    for (const cell of members(relation)) relationsOf[cell]!.push(i);
  });
  const hiddenIn = grid.relations.map((relation) => members(relation).filter((cell) => hidden.has(cell)).length);
  const hide = (cell: number) => {
    hidden.set(cell, "complement");
    for (const i of relationsOf[cell]!) hiddenIn[i]! += 1;
  };
  const attempts = new Map<number, number>();
  // Each round hides at least one more visible count, so this ends.
  for (;;) {
    const lone = hiddenIn.indexOf(1);
    if (lone >= 0) {
      // A cell that also completes another sum left with one hidden cell saves hiding a third.
      const alsoCompletes = (cell: number) => relationsOf[cell]!.filter((i) => i !== lone && hiddenIn[i] === 1).length;
      const next =
        pickComplement(grid, hidden, members(grid.relations[lone]!), alsoCompletes, roomy) ?? pickComplement(grid, hidden, grid.cells.keys(), () => 0, roomy);
      if (next === undefined) return;
      hide(next);
      continue;
    }
    const exposed = recoverableCounts(grid, hidden, threshold);
    if (exposed.length === 0) return;
    // An exposed count gets one more hidden cell in one of its sums: its shortest (its row's)
    // first, the next one if it is exposed again. A cell added to a short sum may already cover
    // the next exposed count of that sum; a long sum (a column's) holds too many for that.
    const changed = new Set<number>();
    for (const cell of exposed) {
      if (relationsOf[cell]!.some((i) => changed.has(i) && grid.relations[i]!.parts.length < 8)) continue;
      const sums = [...relationsOf[cell]!].sort((x, y) => grid.relations[x]!.parts.length - grid.relations[y]!.parts.length);
      const attempt = attempts.get(cell) ?? 0;
      attempts.set(cell, attempt + 1);
      const sum = sums[attempt % Math.max(1, sums.length)];
      const next =
        (sum === undefined ? undefined : pickComplement(grid, hidden, members(grid.relations[sum]!), () => 0, roomy)) ??
        pickComplement(
          grid,
          hidden,
          sums.flatMap((i) => members(grid.relations[i]!)),
          () => 0,
          roomy,
        ) ??
        pickComplement(grid, hidden, grid.cells.keys(), () => 0, roomy);
      if (next === undefined) return;
      hide(next);
      for (const i of relationsOf[next]!) changed.add(i);
    }
  }
}

/**
 * The visible non-zero count that completes the most other sums, then one with room, then the
 * smallest, then one outside the totals row. A reader knows a "*" count is at least the threshold;
 * hiding a 5 beside a "<5" leaves that one little room ("<5" + "*" = 6 gives 1 and 5), so a
 * complement of at least `roomy` (twice the threshold) is taken before a smaller one.
 */
function pickComplement(
  grid: CountGrid,
  hidden: ReadonlyMap<number, HiddenReason>,
  candidates: Iterable<number>,
  alsoCompletes: (cell: number) => number,
  roomy: number,
): number | undefined {
  let best: { cell: number; rank: number[] } | undefined;
  for (const cell of candidates) {
    if (hidden.has(cell) || grid.cells[cell]!.value <= 0 || grid.cells[cell]!.row < 0) continue;
    const value = grid.cells[cell]!.value;
    const rank = [-alsoCompletes(cell), value < roomy ? 1 : 0, value, grid.isTotalRow(cell) ? 1 : 0];
    if (!best || isBefore(rank, best.rank)) best = { cell, rank };
  }
  return best?.cell;
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function markers(threshold: number): Record<HiddenCell, string> {
  return { small: suppressedCountMarker(threshold), complement: SUPPRESSED_DERIVED, derived: SUPPRESSED_DERIVED };
}

/** The table as it may be shown or leave the application: hidden cells replaced by their markers. */
export function suppressTable(table: FigureTable, options: SuppressionOptions = {}): FigureTable {
  if (table.suppressed) return table;
  return masked(table, hiddenCells(table, new Set(), options), options.threshold ?? SMALL_CELL_THRESHOLD);
}

/** One cell of one of the tables given to suppressTogether: its index and its `${row}/${key}`. */
export type TableCell = { table: number; cell: string };

/**
 * Tables shown side by side (on one page, or downloadable one by one from it) that repeat a
 * figure: what one hides, the others must hide too, or the reader takes it from there. Each
 * table is suppressed with the other's hidden copies of `shared` cells hidden as well, until
 * none of them hides a copy the others show.
 */
export function suppressTogether(
  tables: readonly FigureTable[],
  shared: readonly (readonly [TableCell, TableCell])[],
  options: SuppressionOptions = {},
): FigureTable[] {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  const alsoHidden = tables.map(() => new Set<string>());
  // The sets only grow, and are bounded by the shared cells, so this ends.
  for (;;) {
    const hidden = tables.map((table, i) => hiddenCells(table, alsoHidden[i], options));
    let grew = false;
    for (const [a, b] of shared) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        if (hidden[from.table]!.has(from.cell) && !hidden[to.table]!.has(to.cell) && !alsoHidden[to.table]!.has(to.cell)) {
          alsoHidden[to.table]!.add(to.cell);
          grew = true;
        }
      }
    }
    if (!grew) return tables.map((table, i) => masked(table, hidden[i]!, threshold));
  }
}

function masked(table: FigureTable, hidden: ReadonlyMap<string, HiddenCell>, threshold: number): FigureTable {
  const MARKER = markers(threshold);
  const mask = (row: FigureRow, r: number): FigureRow => {
    const out: FigureRow = { ...row };
    for (const key of Object.keys(row)) {
      const reason = hidden.get(`${r}/${key}`);
      if (reason) out[key] = MARKER[reason];
    }
    return out;
  };
  return {
    ...table,
    rows: table.rows.map(mask),
    total: table.total ? mask(table.total, table.rows.length) : undefined,
    suppressed: true,
  };
}

/** Whether any cell of the table was hidden (the export then says why). */
export function hasSuppressedCells(table: FigureTable): boolean {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return rows.some((row) => Object.values(row).some((cell) => cell === SUPPRESSED_DERIVED || (typeof cell === "string" && /^<\d+$/.test(cell))));
}

/** a − b for a chart, or the marker when either is hidden (the difference would give it back). */
export function differenceCell(a: FigureCell | undefined, b: FigureCell | undefined): FigureCell {
  return typeof a === "number" && typeof b === "number" ? a - b : SUPPRESSED_DERIVED;
}
