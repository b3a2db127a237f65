import { describe, expect, it } from "vitest";
import { withLeadColumns } from "@/features/dashboards/ui/lead-columns";
import type { FigureTable } from "@/lib/spreadsheet/figures";

const table: FigureTable = {
  id: "programmes",
  title: "Programmes",
  columns: [
    { key: "programme", label: "Programme", kind: "text" },
    { key: "opd", label: "OPD", kind: "text" },
    { key: "pagu", label: "Ceiling", kind: "rupiah" },
    { key: "absorption", label: "Absorption", kind: "percent" },
    { key: "gap", label: "Gap", kind: "number" },
    { key: "flag", label: "Flag", kind: "text" },
  ],
  rows: [{ programme: "A", opd: "Dinsos", pagu: 100, absorption: 10, gap: -40, flag: "Behind" }],
};

const keys = (t: FigureTable) => t.columns.map((column) => column.key);

describe("the columns a reader decides on come right after the row's name", () => {
  it("puts the lead columns second, in the order given, and the others after them as they were", () => {
    expect(keys(withLeadColumns(table, ["flag", "absorption", "gap"]))).toEqual(["programme", "flag", "absorption", "gap", "opd", "pagu"]);
  });

  it("keeps the rows, the name column and every other column", () => {
    const shown = withLeadColumns(table, ["gap"]);
    expect(shown.rows).toBe(table.rows);
    expect(shown.columns[0]).toBe(table.columns[0]);
    expect([...keys(shown)].sort()).toEqual([...keys(table)].sort());
  });

  it("skips keys the table lacks and never moves the name column", () => {
    expect(keys(withLeadColumns(table, ["coverage", "programme", "gap"]))).toEqual(["programme", "gap", "opd", "pagu", "absorption", "flag"]);
  });

  it("leaves the table alone without lead columns", () => {
    expect(withLeadColumns(table, undefined)).toBe(table);
    expect(withLeadColumns(table, [])).toBe(table);
  });
});
