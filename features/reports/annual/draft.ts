// What the annual report is made of, independent of the file format: chapters of sections,
// each a list of blocks (text, lists, tables of figures, and placeholders the TKPK
// secretariat writes). structure.ts says which; docx.ts writes them.
import { formatDashboardCell } from "@/features/dashboards/ui/data-table";
import { EMPTY_VALUE, formatFixedDecimal, formatNumber, formatPercent, formatRupiah } from "@/lib/format";
import type { FigureCell, FigureTable } from "@/lib/spreadsheet/figures";
import type { AnnualFigures } from "./figures";
import type { ReportWords } from "./words";

export type Block =
  | { kind: "paragraph"; text: string }
  /** Bullets, or numbered from 1 (`numbered`: the legal basis). */
  | { kind: "list"; items: readonly string[]; numbered?: boolean }
  | { kind: "table"; table: FigureTable; note?: string }
  /** Text the secretariat replaces: printed highlighted, in brackets. */
  | { kind: "placeholder"; text: string };

export type Section = { title: string; blocks: readonly Block[] };
export type Chapter = { title: string; sections: readonly Section[] };
export type Cover = { lines: readonly string[]; note: string };
export type ReportDraft = { title: string; cover: Cover; chapters: readonly Chapter[] };

/** What every section is a function of: the figures, the city, the words and the day the figures were read. */
export type ReportContext = {
  figures: AnnualFigures;
  city: string;
  /** The day the draft was made, as the reader writes a date ("7 Desember 2026"). */
  madeOn: string;
  w: ReportWords;
};

/** Numbers, percentages and Rupiah in the reader's format (lib/format). */
export function formatters(c: ReportContext) {
  const locale = c.w.locale;
  return {
    count: (value: number | null | undefined) => (value === null || value === undefined ? EMPTY_VALUE : formatNumber(value, { locale })),
    /** BPS's P1 and P2: three decimals, always. */
    index: (value: number | null) => (value === null ? EMPTY_VALUE : formatFixedDecimal(value, 3, { locale })),
    /** Percentage points, two decimals. */
    points: (value: number) => formatNumber(value, { locale, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent: (value: number | null | undefined, digits = 2) => formatPercent(value, { locale, minimumFractionDigits: digits, maximumFractionDigits: digits }),
    rupiah: (value: bigint | null | undefined) => (value === null || value === undefined ? EMPTY_VALUE : formatRupiah(value, { locale })),
    /** A cell of a table as the table prints it: a hidden small count stays hidden in the text too. */
    cell: (table: FigureTable, key: string, row: "total" | number = "total") => {
      const column = table.columns.find((one) => one.key === key);
      const cells = row === "total" ? table.total : table.rows[row];
      if (!column) throw new Error(`no column ${key} in ${table.id}`);
      return formatDashboardCell(column, cells?.[key] as FigureCell | undefined, locale);
    },
  };
}
