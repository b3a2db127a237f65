// The quarterly report as tables of figures: the page, its print and its workbook show these
// same tables, so the file cannot differ from the screen. Household counts are "households"
// columns (cells under 5 hidden, as on the dashboards); targets are plans, not households
// counted, so they are "count" columns.
import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import { percentOf } from "@/lib/money";
import type { FigureColumn, FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import type { Money, QuarterlyReportData } from "./queries";

export const QUARTERLY_TABLES = ["summary", "strategies", "programmes", "budget", "sources"] as const;
export type QuarterlyTableId = (typeof QUARTERLY_TABLES)[number];

const rp = (value: bigint) => Number(value);

function moneyCells(money: Money): FigureRow {
  return {
    pagu: rp(money.pagu),
    realisedQuarter: rp(money.realisedQuarter),
    realisedToDate: rp(money.realisedToDate),
    absorption: percentOf(money.realisedToDate, money.pagu),
  };
}

export function quarterlyReportWords(locale: AppLocale) {
  return {
    t: createTranslator({ locale, messages: catalogues[locale], namespace: "QuarterlyReport" }),
    programmes: createTranslator({ locale, messages: catalogues[locale], namespace: "Programmes" }),
  };
}

/** Every table of the report, in the order of the page and the workbook. */
export function quarterlyReportTables(data: QuarterlyReportData, locale: AppLocale): Record<QuarterlyTableId, FigureTable> {
  const { t, programmes: p } = quarterlyReportWords(locale);
  const { quarter } = data.period;
  const moneyColumns: FigureColumn[] = [
    { key: "pagu", label: t("columns.pagu"), kind: "rupiah" },
    { key: "realisedQuarter", label: t("columns.realisedQuarter", { quarter }), kind: "rupiah" },
    { key: "realisedToDate", label: t("columns.realisedToDate", { quarter }), kind: "rupiah" },
    { key: "absorption", label: t("columns.absorption"), kind: "percent", digits: 2 },
  ];
  const strategy = (key: string) => t(`strategies.${key as "OTHER"}`);
  const totalLabel = t("total");
  const { reach } = data;
  return {
    summary: {
      id: "summary",
      title: t("tables.summary"),
      columns: [
        { key: "item", label: t("columns.item"), kind: "text" },
        { key: "households", label: t("columns.households"), kind: "households" },
      ],
      rows: [
        { item: t("summary.extremePoor"), households: reach.extremePoor },
        { item: t("summary.reachedExtreme"), households: reach.reachedExtreme },
        { item: t("summary.reached"), households: reach.reached },
        { item: t("summary.firstReachedInQuarter", { quarter }), households: reach.firstReachedInQuarter },
        { item: t("summary.reachedByQuarterEnd", { quarter }), households: reach.reachedByQuarterEnd },
      ],
      definitions: [t("definitions.reached"), t("definitions.quarterReach")],
    },
    strategies: {
      id: "strategies",
      title: t("tables.strategies"),
      columns: [
        { key: "strategy", label: t("columns.strategy"), kind: "text" },
        { key: "programmes", label: t("columns.programmes"), kind: "count" },
        { key: "targetHouseholds", label: t("columns.targetHouseholds"), kind: "count" },
        { key: "targetExtreme", label: t("columns.targetExtreme"), kind: "count" },
        { key: "reached", label: t("columns.reached"), kind: "households" },
        { key: "reachedExtreme", label: t("columns.reachedExtreme"), kind: "households" },
        ...moneyColumns,
      ],
      rows: data.strategies.map((row) => ({
        strategy: strategy(row.strategy),
        programmes: row.programmes,
        targetHouseholds: row.targetHouseholds,
        targetExtreme: row.targetExtreme,
        reached: row.reached,
        reachedExtreme: row.reachedExtreme,
        ...moneyCells(row),
      })),
      // A household reached under two strategies counts once in the city's total.
      totalOfRows: "distinct",
      total: {
        strategy: totalLabel,
        programmes: data.programmes.length,
        targetHouseholds: data.strategies.reduce((sum, row) => sum + row.targetHouseholds, 0),
        targetExtreme: data.strategies.reduce((sum, row) => sum + row.targetExtreme, 0),
        reached: reach.reached,
        reachedExtreme: reach.reachedExtreme,
        ...moneyCells(data.total),
      },
      definitions: [t("definitions.strategy"), t("definitions.target"), t("definitions.reached")],
    },
    programmes: {
      id: "programmes",
      title: t("tables.programmes"),
      columns: [
        { key: "programme", label: t("columns.programme"), kind: "text" },
        { key: "strategy", label: t("columns.strategy"), kind: "text" },
        { key: "opd", label: t("columns.opd"), kind: "text" },
        { key: "sipdCode", label: t("columns.sipdCode"), kind: "text" },
        { key: "target", label: t("columns.target"), kind: "count" },
        { key: "unit", label: t("columns.unit"), kind: "text" },
        { key: "reached", label: t("columns.reached"), kind: "households" },
        ...moneyColumns,
      ],
      rows: data.programmes.map((row) => ({
        programme: row.name,
        strategy: strategy(row.strategy),
        opd: row.opdShortName,
        sipdCode: row.sipdCode ?? t("noSipdCode"),
        target: row.targetCount,
        unit: p(`units.${row.targetUnit}`),
        reached: row.reached,
        ...moneyCells(row),
      })),
      totalOfRows: "distinct",
      total: { programme: totalLabel, reached: reach.reached, ...moneyCells(data.total) },
    },
    budget: {
      id: "budget",
      title: t("tables.budget"),
      columns: [
        { key: "programme", label: t("columns.programme"), kind: "text" },
        { key: "sipdCode", label: t("columns.sipdCode"), kind: "text" },
        { key: "source", label: t("columns.source"), kind: "text" },
        { key: "accountCodes", label: t("columns.accountCodes"), kind: "text" },
        ...moneyColumns,
      ],
      rows: data.programmes.flatMap((row) =>
        row.sources.map((line) => ({
          programme: row.name,
          sipdCode: row.sipdCode ?? t("noSipdCode"),
          source: p(`sources.${line.fundingSource}`),
          accountCodes: line.accountCodes.join(", ") || t("noAccountCode"),
          ...moneyCells(line),
        })),
      ),
      total: { programme: totalLabel, ...moneyCells(data.total) },
    },
    sources: {
      id: "sources",
      title: t("tables.sources"),
      columns: [{ key: "source", label: t("columns.source"), kind: "text" }, ...moneyColumns],
      rows: data.sources.map((row) => ({ source: p(`sources.${row.fundingSource}`), ...moneyCells(row) })),
      total: { source: totalLabel, ...moneyCells(data.total) },
    },
  };
}
