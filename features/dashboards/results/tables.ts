// The results dashboard's figures as tables (page and export). Counts of households — and of
// persons, who each belong to one — are "households" columns, so the page and the exports hide
// cells under 5, the cells that would give them back, and the Rupiah per result computed over them.
import { getTranslations } from "next-intl/server";
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "../filters";
import type { FigureColumn, FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import { resultsDashboardQueries as q, type OpdResultRow, type ProgrammeResultRow, type ResultFigures } from "./queries";

export const RESULTS_TABLES = ["opds", "programmes"] as const;
export type ResultsTableId = (typeof RESULTS_TABLES)[number];

export type ResultsDashboardData = { totals: ResultFigures; opds: OpdResultRow[]; programmes: ProgrammeResultRow[] };

export async function resultsDashboardData(tx: Tx, filters: DashboardFilters): Promise<ResultsDashboardData> {
  const [totals, opds, programmes] = await Promise.all([q.totals(tx, filters), q.byOpd(tx, filters), q.byProgramme(tx, filters)]);
  return { totals, opds, programmes };
}

const money = (value: bigint | null) => (value === null ? null : Number(value));

function figureCells(row: ResultFigures): FigureRow {
  return {
    realised: money(row.realised),
    trained: row.trained,
    perTrained: money(row.perTrained),
    reached: row.reached,
    perReached: money(row.perReached),
    businesses: row.businesses,
    perBusiness: money(row.perBusiness),
    graduates: row.graduates,
    perGraduate: money(row.perGraduate),
  };
}

export async function resultsTables(data: ResultsDashboardData): Promise<Record<ResultsTableId, FigureTable>> {
  const t = await getTranslations("ResultsDashboard.tables");
  const figures: FigureColumn[] = [
    // Spending is recorded per programme, not per kecamatan: a kecamatan filter narrows only the counts.
    { key: "realised", label: t("realised"), kind: "rupiah", cityWide: true },
    { key: "trained", label: t("trained"), kind: "households" },
    { key: "perTrained", label: t("perTrained"), kind: "rupiah", derivedFrom: ["trained"] },
    { key: "reached", label: t("reached"), kind: "households" },
    { key: "perReached", label: t("perReached"), kind: "rupiah", derivedFrom: ["reached"] },
    { key: "businesses", label: t("businesses"), kind: "households" },
    { key: "perBusiness", label: t("perBusiness"), kind: "rupiah", derivedFrom: ["businesses"] },
    { key: "graduates", label: t("graduates"), kind: "households" },
    { key: "perGraduate", label: t("perGraduate"), kind: "rupiah", derivedFrom: ["graduates"] },
  ];
  return {
    // A household reached by two OPDs or programmes counts once in the totals.
    opds: suppressTable({
      id: "opds",
      title: t("opds.title"),
      columns: [{ key: "opd", label: t("opd"), kind: "text" }, ...figures],
      rows: data.opds.map((row) => ({ opd: row.opdShortName, ...figureCells(row) })),
      total: { opd: t("total"), ...figureCells(data.totals) },
      totalOfRows: "distinct",
    }),
    programmes: suppressTable({
      id: "programmes",
      title: t("programmes.title"),
      columns: [{ key: "programme", label: t("programme"), kind: "text" }, { key: "opd", label: t("opd"), kind: "text" }, ...figures],
      rows: data.programmes.map((row) => ({ programme: row.programmeName, opd: row.opdShortName, ...figureCells(row) })),
      total: { programme: t("total"), opd: "", ...figureCells(data.totals) },
      totalOfRows: "distinct",
    }),
  };
}
