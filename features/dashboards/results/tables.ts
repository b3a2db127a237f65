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
    trainingSpent: money(row.trainingSpent),
    equipmentSpent: money(row.equipmentSpent),
    trained: row.trained,
    perTrained: money(row.perTrained),
    equipped: row.equipped,
    perEquipped: money(row.perEquipped),
    reached: row.reached,
    perReached: money(row.perReached),
    businesses: row.businesses,
    graduates: row.graduates,
  };
}

/** The figures the results dashboard shows, each with its one name and definition, in the order shown. */
export const RESULT_FIGURES = ["realised", "trained", "equipped", "reached", "businesses", "graduates"] as const;

/** Each figure's name (as on its card and its table column) and its definition. */
export async function resultDefinitions(): Promise<{ key: (typeof RESULT_FIGURES)[number]; term: string; definition: string }[]> {
  const [cards, defined] = await Promise.all([getTranslations("ResultsDashboard.cards"), getTranslations("ResultsDashboard.defined")]);
  return RESULT_FIGURES.map((key) => ({ key, term: cards(key), definition: defined(key) }));
}

export async function resultsTables(data: ResultsDashboardData): Promise<Record<ResultsTableId, FigureTable>> {
  const [t, defined] = await Promise.all([getTranslations("ResultsDashboard.tables"), resultDefinitions()]);
  const figures: FigureColumn[] = [
    // Spending is recorded per programme, not per kecamatan: a kecamatan filter narrows only the counts.
    { key: "realised", label: t("realised"), kind: "rupiah", cityWide: true },
    { key: "trainingSpent", label: t("trainingSpent"), kind: "rupiah", cityWide: true },
    { key: "equipmentSpent", label: t("equipmentSpent"), kind: "rupiah", cityWide: true },
    { key: "trained", label: t("trained"), kind: "households" },
    { key: "perTrained", label: t("perTrained"), kind: "rupiah", derivedFrom: ["trained"] },
    { key: "equipped", label: t("equipped"), kind: "households" },
    { key: "perEquipped", label: t("perEquipped"), kind: "rupiah", derivedFrom: ["equipped"] },
    { key: "reached", label: t("reached"), kind: "households" },
    { key: "perReached", label: t("perReached"), kind: "rupiah", derivedFrom: ["reached"] },
    { key: "businesses", label: t("businesses"), kind: "households" },
    { key: "graduates", label: t("graduates"), kind: "households" },
  ];
  const definitions = defined.map(({ term, definition }) => `${term}: ${definition}`);
  return {
    // A household reached by two OPDs or programmes counts once in the totals.
    opds: suppressTable({
      id: "opds",
      title: t("opds.title"),
      columns: [{ key: "opd", label: t("opd"), kind: "text" }, ...figures],
      rows: data.opds.map((row) => ({ opd: row.opdShortName, ...figureCells(row) })),
      total: { opd: t("total"), ...figureCells(data.totals) },
      totalOfRows: "distinct",
      definitions,
    }),
    programmes: suppressTable({
      id: "programmes",
      title: t("programmes.title"),
      columns: [{ key: "programme", label: t("programme"), kind: "text" }, { key: "opd", label: t("opd"), kind: "text" }, ...figures],
      rows: data.programmes.map((row) => ({ programme: row.programmeName, opd: row.opdShortName, ...figureCells(row) })),
      total: { programme: t("total"), opd: "", ...figureCells(data.totals) },
      totalOfRows: "distinct",
      definitions,
    }),
  };
}
