import { describe, expect, it } from "vitest";
import { formatDashboardCell } from "@/features/dashboards/ui/data-table";
import { formatFixedDecimal } from "@/lib/format";
import { csvCellText, xlsxCell } from "@/lib/spreadsheet/cell-types";
import { figureCellType } from "@/lib/spreadsheet/csv";
import type { FigureColumn } from "@/lib/spreadsheet/figures";

// BPS's poverty gap (P1) and severity (P2) indices are read to three decimals: 0,32 beside
// 0,318 looks like a rounder, less precise figure, and the .xlsx already wrote 0,320.
const p2: FigureColumn = { key: "p2", label: "P2", kind: "number", digits: 3, fixedDigits: true };

describe("index figures (P1, P2)", () => {
  it("show all three decimals on screen and in print, in the reader's language", () => {
    expect(formatDashboardCell(p2, 0.32, "id")).toBe("0,320");
    expect(formatDashboardCell(p2, 0.32, "en")).toBe("0.320");
    expect(formatDashboardCell(p2, 1.2, "id")).toBe("1,200");
    expect(formatDashboardCell(p2, 0.3185, "id")).toBe("0,319");
  });

  it("show all three decimals in CSV (decimal comma whatever the language) and .xlsx", () => {
    expect(csvCellText(0.32, figureCellType(p2))).toBe("0,320");
    expect(csvCellText(2, figureCellType(p2))).toBe("2,000");
    expect(xlsxCell(0.32, figureCellType(p2)).numFmt).toBe("#,##0.000");
  });

  it("leave other number columns as they were: no trailing zeros added", () => {
    const gap: FigureColumn = { key: "gap", label: "Selisih", kind: "number", digits: 2 };
    expect(formatDashboardCell(gap, 2.5, "id")).toBe("2,5");
    expect(csvCellText(2.5, figureCellType(gap))).toBe("2,5");
  });

  it("are formatted by the one formatting module, grouped for the reader and plain for a CSV", () => {
    expect(formatFixedDecimal(1234.5, 3, { locale: "id" })).toBe("1.234,500");
    expect(formatFixedDecimal(1234.5, 3, { locale: "en" })).toBe("1,234.500");
    expect(formatFixedDecimal(1234.5, 3, { plain: true })).toBe("1234,500");
  });
});
