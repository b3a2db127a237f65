// The results dashboard's figures as tables (page and export). Counts of households — and of
// persons, who each belong to one — are "households" columns, so the page and the exports hide
// cells under 5, the cells that would give them back, and the Rupiah per result computed over them.
import { getTranslations } from "next-intl/server";
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "../filters";
import type { FigureColumn, FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import { resultsDashboardQueries as q, type OpdResultRow, type ProgrammeResultRow, type ResultFigures, type SipdResultRow } from "./queries";

export const RESULTS_TABLES = ["opds", "programmes", "sipdProgrammes", "sipdKegiatan"] as const;
export type ResultsTableId = (typeof RESULTS_TABLES)[number];

export type ResultsDashboardData = {
  totals: ResultFigures;
  opds: OpdResultRow[];
  programmes: ProgrammeResultRow[];
  /** Spending, persons trained and businesses opened per SIPD programme and kegiatan (households are distinct per key, so not summed into groups). */
  sipdProgrammes: SipdResultRow[];
  sipdKegiatan: SipdResultRow[];
};

export async function resultsDashboardData(tx: Tx, filters: DashboardFilters): Promise<ResultsDashboardData> {
  const [totals, opds, programmes, sipdProgrammes, sipdKegiatan] = await Promise.all([
    q.totals(tx, filters),
    q.byOpd(tx, filters),
    q.byProgramme(tx, filters),
    q.bySipdProgramme(tx, filters),
    q.bySipdKegiatan(tx, filters),
  ]);
  return { totals, opds, programmes, sipdProgrammes, sipdKegiatan };
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
  const [t, words, defined] = await Promise.all([getTranslations("ResultsDashboard.tables"), getTranslations("ResultsDashboard"), resultDefinitions()]);
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
  const sipdDefinition = `${words("sipdTerm")}: ${words("sipdDefinition")}`;
  // Only the figures that add up over programmes: a household reached by two programmes of one group would count twice in a sum.
  const sipdTable = (id: "sipdProgrammes" | "sipdKegiatan", level: "programme" | "kegiatan", rows: SipdResultRow[]): FigureTable =>
    suppressTable({
      id,
      title: t(`${id}.title`),
      columns: [
        { key: "code", label: t(`sipdCode.${level}`), kind: "text" },
        { key: "programmes", label: t("sipdCount"), kind: "count" },
        ...figures.filter((column) => SIPD_FIGURES.includes(column.key)),
      ],
      rows: rows.map((row) => ({
        code: row.code ?? t("sipdNoCode"),
        programmes: row.programmes,
        realised: money(row.realised),
        trainingSpent: money(row.trainingSpent),
        equipmentSpent: money(row.equipmentSpent),
        trained: row.trained,
        perTrained: money(row.perTrained),
        businesses: row.businesses,
      })),
      total: {
        code: t("total"),
        programmes: rows.reduce((sum, row) => sum + row.programmes, 0),
        realised: money(data.totals.realised),
        trainingSpent: money(data.totals.trainingSpent),
        equipmentSpent: money(data.totals.equipmentSpent),
        trained: data.totals.trained,
        perTrained: money(data.totals.perTrained),
        businesses: data.totals.businesses,
      },
      definitions: [...defined.filter(({ key }) => SIPD_FIGURES.includes(key)).map(({ term, definition }) => `${term}: ${definition}`), sipdDefinition],
    });
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
    sipdProgrammes: sipdTable("sipdProgrammes", "programme", data.sipdProgrammes),
    sipdKegiatan: sipdTable("sipdKegiatan", "kegiatan", data.sipdKegiatan),
  };
}

/** The figures that add up over programmes, so over a SIPD group (each participant is of one programme's training). */
const SIPD_FIGURES: readonly string[] = ["realised", "trainingSpent", "equipmentSpent", "trained", "perTrained", "businesses"];
