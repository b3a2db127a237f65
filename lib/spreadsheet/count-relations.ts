// The household counts of a figure table and the sums that tie them together: each column
// adds up to the totals row, a column declared `sumOf` others adds them up in its row, and a
// row of `rowSums` adds up its part rows, and a group of `sumsShownElsewhere` adds up to a figure
// of another table (kept here as a cell that is never shown nor hidden).
// A reader knows these sums, so suppression must leave every one of them unsolvable.
import type { FigureTable } from "./figures";

export type CountCell = {
  /** Index in the table's rows; the number of rows for the totals row; −1 for a sum another table shows. */
  row: number;
  key: string;
  value: number;
};

/** The parts add up to the whole; `exact` false when the whole counts a household once however many parts hold it. */
export type CountRelation = { parts: number[]; whole: number; exact: boolean };

export type CountGrid = { cells: CountCell[]; relations: CountRelation[]; isTotalRow: (cell: number) => boolean };

export function countGrid(table: FigureTable): CountGrid {
  const allRows = table.total ? [...table.rows, table.total] : table.rows;
  const counted = table.columns.filter((column) => column.kind === "households");
  const cells: CountCell[] = [];
  const index = new Map<string, number>();
  allRows.forEach((row, r) => {
    for (const column of counted) {
      const value = row[column.key];
      if (typeof value !== "number") continue;
      index.set(`${r}/${column.key}`, cells.length);
      cells.push({ row: r, key: column.key, value });
    }
  });
  const at = (row: number, key: string) => index.get(`${row}/${key}`);
  const relations: CountRelation[] = [];
  const totalRow = table.rows.length;
  if (table.total) {
    for (const column of counted) {
      const whole = at(totalRow, column.key);
      const parts = table.rows.map((_, r) => at(r, column.key));
      if (whole === undefined || parts.some((part) => part === undefined)) continue;
      relations.push({ parts: parts as number[], whole, exact: table.totalOfRows !== "distinct" });
    }
  }
  for (const group of table.sumsShownElsewhere ?? []) {
    for (const column of counted) {
      const parts = group.map((r) => at(r, column.key));
      if (parts.some((part) => part === undefined)) continue;
      const value = (parts as number[]).reduce((sum, part) => sum + cells[part]!.value, 0);
      relations.push({ parts: parts as number[], whole: cells.push({ row: -1, key: column.key, value }) - 1, exact: true });
    }
  }
  for (const sum of table.rowSums ?? []) {
    for (const column of counted) {
      const whole = at(sum.whole, column.key);
      const parts = sum.parts.map((r) => at(r, column.key));
      if (whole === undefined || parts.some((part) => part === undefined)) continue;
      relations.push({ parts: parts as number[], whole, exact: true });
    }
  }
  for (const column of counted) {
    if (!column.sumOf) continue;
    allRows.forEach((_, r) => {
      const whole = at(r, column.key);
      const parts = (column.sumOf ?? []).map((key) => at(r, key));
      if (whole === undefined || parts.some((part) => part === undefined)) return;
      relations.push({ parts: parts as number[], whole, exact: true });
    });
  }
  return { cells, relations, isTotalRow: (cell) => table.total !== undefined && cells[cell]?.row === totalRow };
}

export function members(relation: CountRelation): number[] {
  return [...relation.parts, relation.whole];
}
