// The quarterly report as tables of figures: the page, its print and its workbook show these
// same tables, so the file cannot differ from the screen. Household counts are "households"
// columns (cells under 5 hidden, as on the dashboards); targets are plans, not households
// counted, so they are "count" columns. The detail tables (programmes, budget) list the
// programmes the page's detail names (detail.ts); every other table is the whole city's.
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import type { ReportDetail } from "./detail";
import { type DetailTableId, detailTables } from "./detail-tables";
import { moneyCells, moneyColumns } from "./money-columns";
import { reportOpds } from "./opds";
import type { QuarterlyReportData } from "./queries";
import { quarterlyReportWords } from "./words";

export const QUARTERLY_TABLES = ["summary", "strategies", "opds", "programmes", "budget", "sources"] as const;
export type QuarterlyTableId = (typeof QUARTERLY_TABLES)[number];

/** The report's tables by id; a detail table is null where the detail is shown per OPD. */
export type QuarterlyReportTableSet = Record<Exclude<QuarterlyTableId, DetailTableId>, FigureTable> & Record<DetailTableId, FigureTable | null>;

/**
 * Every table of the report, in the order of the page and the workbook; the detail tables over
 * `detail`'s programmes (by default every programme, as the workbook has them).
 */
export function quarterlyReportTables(
  data: QuarterlyReportData,
  locale: AppLocale,
  detail: ReportDetail = { kind: "programmes", opd: null, programmes: data.programmes },
): QuarterlyReportTableSet {
  const words = quarterlyReportWords(locale);
  const { t, programmes: p } = words;
  const { quarter } = data.period;
  const money = moneyColumns(words, quarter);
  const strategy = (key: string) => t(`strategies.${key as "OTHER"}`);
  const totalLabel = t("total");
  const { reach } = data;
  const opds = reportOpds(data);
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
        ...money,
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
    opds: {
      id: "opds",
      title: t("tables.opds"),
      columns: [
        { key: "opd", label: t("columns.opd"), kind: "text" },
        { key: "programmes", label: t("columns.programmes"), kind: "count" },
        { key: "targetHouseholds", label: t("columns.targetHouseholds"), kind: "count" },
        ...money,
      ],
      rows: opds.map((row) => ({ opd: row.shortName, programmes: row.programmes, targetHouseholds: row.targetHouseholds, ...moneyCells(row) })),
      total: {
        opd: totalLabel,
        programmes: data.programmes.length,
        targetHouseholds: opds.reduce((sum, row) => sum + row.targetHouseholds, 0),
        ...moneyCells(data.total),
      },
      definitions: [t("definitions.target")],
    },
    ...detailTables(data, words, detail),
    sources: {
      id: "sources",
      title: t("tables.sources"),
      columns: [{ key: "source", label: t("columns.source"), kind: "text" }, ...money],
      rows: data.sources.map((row) => ({ source: p(`sources.${row.fundingSource}`), ...moneyCells(row) })),
      total: { source: totalLabel, ...moneyCells(data.total) },
    },
  };
}
