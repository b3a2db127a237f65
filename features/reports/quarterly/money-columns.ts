// The money columns every table of the report ends with, and their cells: whole Rupiah, and the
// absorption to date.
import { percentOf } from "@/lib/money";
import type { FigureColumn, FigureRow } from "@/lib/spreadsheet/figures";
import type { Quarter } from "./period";
import type { Money } from "./queries";
import type { QuarterlyReportWords } from "./words";

export function moneyColumns({ t }: QuarterlyReportWords, quarter: Quarter): FigureColumn[] {
  return [
    { key: "pagu", label: t("columns.pagu"), kind: "rupiah" },
    { key: "realisedQuarter", label: t("columns.realisedQuarter", { quarter }), kind: "rupiah" },
    { key: "realisedToDate", label: t("columns.realisedToDate", { quarter }), kind: "rupiah" },
    { key: "absorption", label: t("columns.absorption"), kind: "percent", digits: 2 },
  ];
}

export function moneyCells(money: Money): FigureRow {
  return {
    pagu: Number(money.pagu),
    realisedQuarter: Number(money.realisedQuarter),
    realisedToDate: Number(money.realisedToDate),
    absorption: percentOf(money.realisedToDate, money.pagu),
  };
}
