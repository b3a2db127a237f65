// The budget dashboard's figures as tables: what the page shows beside each chart and what
// its export route writes. Rupiah become plain numbers here (exact below 9 × 10^15).
import { getTranslations } from "next-intl/server";
import { cityToday } from "@/lib/calendar/city-today";
import { monthName, yearMonthOf } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import type { DashboardFilters } from "../filters";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import {
  BEHIND_THRESHOLD_POINTS,
  budgetDashboardQueries as q,
  type BudgetSummary,
  type MonthPoint,
  type OpdAbsorptionRow,
  type ProgrammeAbsorptionRow,
  type SipdAbsorptionRow,
  type SourceAbsorptionRow,
} from "./queries";

export const BUDGET_TABLES = ["curve", "sources", "opds", "programmes", "sipdProgrammes", "sipdKegiatan"] as const;
export type BudgetTableId = (typeof BUDGET_TABLES)[number];

/** The columns the mayor decides on, shown right after each row's name (ChartPanel `lead`). */
export const BUDGET_LEAD_COLUMNS = {
  curve: ["cumulativePct", "calendarPct"],
  sources: ["absorption"],
  opds: ["absorption", "gap"],
  programmes: ["absorption", "gap", "flag"],
  sipdProgrammes: ["absorption", "gap"],
  sipdKegiatan: ["absorption", "gap"],
} as const satisfies Record<BudgetTableId, readonly string[]>;

export type BudgetDashboardData = {
  summary: BudgetSummary;
  curve: MonthPoint[];
  sources: SourceAbsorptionRow[];
  opds: OpdAbsorptionRow[];
  programmes: ProgrammeAbsorptionRow[];
  /** Absorption per SIPD programme and per SIPD kegiatan (features/dashboards/sipd.ts). */
  sipdProgrammes: SipdAbsorptionRow[];
  sipdKegiatan: SipdAbsorptionRow[];
};

/** Every figure of the dashboard, measured against this month in the city. */
export async function budgetDashboardData(tx: Tx, tenantId: string, filters: DashboardFilters): Promise<BudgetDashboardData> {
  const today = yearMonthOf(await cityToday(tx, tenantId));
  const [summary, curve, sources, opds, programmes, sipdProgrammes, sipdKegiatan] = await Promise.all([
    q.summary(tx, filters, today),
    q.monthlyCurve(tx, filters, today),
    q.bySource(tx, filters, today),
    q.byOpd(tx, filters, today),
    q.byProgramme(tx, filters, today),
    q.bySipdProgramme(tx, filters, today),
    q.bySipdKegiatan(tx, filters, today),
  ]);
  return { summary, curve, sources, opds, programmes, sipdProgrammes, sipdKegiatan };
}

const rp = (value: bigint) => Number(value);

/** Budgets and spending are recorded for the whole city: every figure of these tables is. */
function cityWide(table: FigureTable): FigureTable {
  return { ...table, columns: table.columns.map((column) => (column.kind === "text" ? column : { ...column, cityWide: true })) };
}

export async function budgetTables(data: BudgetDashboardData, locale: AppLocale): Promise<Record<BudgetTableId, FigureTable>> {
  const [t, sources] = await Promise.all([getTranslations("BudgetDashboard.tables"), getTranslations("Programmes.sources")]);
  const total = data.summary.total;
  // The groups part the lines of the filter, so the total row is the summary's.
  const sipdTable = (id: "sipdProgrammes" | "sipdKegiatan", rows: SipdAbsorptionRow[]): FigureTable =>
    cityWide({
      id,
      title: t(`${id}.title`),
      columns: [
        { key: "code", label: t(`${id}.code`), kind: "text" },
        { key: "programmes", label: t("sipd.programmes"), kind: "count" },
        { key: "pagu", label: t("sipd.pagu"), kind: "rupiah" },
        { key: "realised", label: t("sipd.realised"), kind: "rupiah" },
        { key: "absorption", label: t("sipd.absorption"), kind: "percent", digits: 2 },
        { key: "gap", label: t("sipd.gap"), kind: "number", digits: 2 },
        { key: "pending", label: t("sipd.pending"), kind: "count" },
      ],
      rows: rows.map((row) => ({
        code: row.code ?? t("sipd.noCode"),
        programmes: row.programmes,
        pagu: rp(row.pagu),
        realised: rp(row.realised),
        absorption: row.absorption,
        gap: row.gap,
        pending: row.pendingCount,
      })),
      total: {
        code: t("total"),
        programmes: rows.reduce((sum, row) => sum + row.programmes, 0),
        pagu: rp(total.pagu),
        realised: rp(total.realised),
        absorption: total.absorption,
        gap: total.gap,
        pending: total.pendingCount,
      },
    });
  return {
    curve: cityWide({
      id: "curve",
      title: t("curve.title"),
      columns: [
        { key: "month", label: t("curve.month"), kind: "text" },
        { key: "realised", label: t("curve.realised"), kind: "rupiah" },
        { key: "cumulative", label: t("curve.cumulative"), kind: "rupiah" },
        { key: "cumulativePct", label: t("curve.cumulativePct"), kind: "percent", digits: 2 },
        { key: "calendarPct", label: t("curve.calendarPct"), kind: "percent", digits: 2 },
      ],
      rows: data.curve.map((point) => ({
        month: monthName(point.month, locale),
        realised: point.elapsed ? rp(point.realised) : null,
        cumulative: point.elapsed ? rp(point.cumulative) : null,
        cumulativePct: point.elapsed ? point.cumulativePct : null,
        calendarPct: point.calendarPct,
      })),
    }),
    sources: cityWide({
      id: "sources",
      title: t("sources.title"),
      columns: [
        { key: "source", label: t("sources.source"), kind: "text" },
        { key: "pagu", label: t("sources.pagu"), kind: "rupiah" },
        { key: "realised", label: t("sources.realised"), kind: "rupiah" },
        { key: "absorption", label: t("sources.absorption"), kind: "percent", digits: 2 },
        { key: "pending", label: t("sources.pending"), kind: "count" },
      ],
      rows: data.sources.map((row) => ({
        source: sources(row.fundingSource),
        pagu: rp(row.pagu),
        realised: rp(row.realised),
        absorption: row.absorption,
        pending: row.pendingCount,
      })),
      total: { source: t("total"), pagu: rp(total.pagu), realised: rp(total.realised), absorption: total.absorption, pending: total.pendingCount },
    }),
    opds: cityWide({
      id: "opds",
      title: t("opds.title"),
      columns: [
        { key: "opd", label: t("opds.opd"), kind: "text" },
        { key: "pagu", label: t("opds.pagu"), kind: "rupiah" },
        { key: "realised", label: t("opds.realised"), kind: "rupiah" },
        { key: "absorption", label: t("opds.absorption"), kind: "percent", digits: 2 },
        { key: "gap", label: t("opds.gap"), kind: "number", digits: 2 },
        { key: "incentivePagu", label: t("opds.incentivePagu"), kind: "rupiah" },
        { key: "incentiveRealised", label: t("opds.incentiveRealised"), kind: "rupiah" },
        { key: "pending", label: t("opds.pending"), kind: "count" },
      ],
      rows: data.opds.map((row) => ({
        opd: row.opdShortName,
        pagu: rp(row.pagu),
        realised: rp(row.realised),
        absorption: row.absorption,
        gap: row.gap,
        incentivePagu: rp(row.fiscalIncentivePagu),
        incentiveRealised: rp(row.fiscalIncentiveRealised),
        pending: row.pendingCount,
      })),
      total: {
        opd: t("total"),
        pagu: rp(total.pagu),
        realised: rp(total.realised),
        absorption: total.absorption,
        gap: total.gap,
        incentivePagu: rp(data.summary.fiscalIncentive.pagu),
        incentiveRealised: rp(data.summary.fiscalIncentive.realised),
        pending: total.pendingCount,
      },
    }),
    programmes: cityWide({
      id: "programmes",
      title: t("programmes.title"),
      columns: [
        { key: "programme", label: t("programmes.programme"), kind: "text" },
        { key: "opd", label: t("programmes.opd"), kind: "text" },
        { key: "pagu", label: t("programmes.pagu"), kind: "rupiah" },
        { key: "realised", label: t("programmes.realised"), kind: "rupiah" },
        { key: "absorption", label: t("programmes.absorption"), kind: "percent", digits: 2 },
        { key: "gap", label: t("programmes.gap"), kind: "number", digits: 2 },
        { key: "flag", label: t("programmes.flag"), kind: "text" },
      ],
      rows: data.programmes.map((row) => ({
        programme: row.programmeName,
        opd: row.opdShortName,
        pagu: rp(row.pagu),
        realised: rp(row.realised),
        absorption: row.absorption,
        gap: row.gap,
        flag: row.behind ? t("programmes.behind") : "",
      })),
    }),
    sipdProgrammes: sipdTable("sipdProgrammes", data.sipdProgrammes),
    sipdKegiatan: sipdTable("sipdKegiatan", data.sipdKegiatan),
  };
}

export { BEHIND_THRESHOLD_POINTS };
