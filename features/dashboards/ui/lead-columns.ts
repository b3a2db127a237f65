import type { FigureTable } from "@/lib/spreadsheet/figures";

/**
 * The table as the screen lays it out: the row's name, then the columns a reader decides on
 * (`lead`, in that order), then the others as they were. On a laptop the table shares the
 * width with its chart, so what lies past the first few columns needs sideways scrolling;
 * the export keeps the table's own order. Keys the table lacks are skipped.
 */
export function withLeadColumns(table: FigureTable, lead: readonly string[] | undefined): FigureTable {
  if (!lead?.length) return table;
  const [name, ...rest] = table.columns;
  if (!name) return table;
  const leading = lead.flatMap((key) => rest.filter((column) => column.key === key));
  const others = rest.filter((column) => !lead.includes(column.key));
  return { ...table, columns: [name, ...leading, ...others] };
}
