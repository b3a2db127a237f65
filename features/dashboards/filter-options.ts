// What the dashboard filter bar offers: the city's fiscal years,
// the city's kecamatan, its OPDs, and the programmes of the chosen year (and OPD).
import { fiscalYearChoices, type FiscalYears } from "@/lib/calendar/city-fiscal-year";
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "./filters";
import { cappedProgrammeChoices, type ProgrammeChoicesCut } from "@/lib/paging/capped-choices";

export type FilterChoice = { id: string; label: string };

export type DashboardFilterOptions = {
  years: number[];
  kecamatan: FilterChoice[];
  opds: FilterChoice[];
  programmes: FilterChoice[];
  /** Absent when `programmes` lists every programme of the year (and OPD). */
  programmesCut?: ProgrammeChoicesCut;
};

export async function dashboardFilterOptions(tx: Tx, filters: DashboardFilters, fiscalYears: FiscalYears): Promise<DashboardFilterOptions> {
  const [years, kecamatan, opds, programmes] = await Promise.all([
    tx.programme.groupBy({ by: ["fiscalYear"], orderBy: { fiscalYear: "desc" } }),
    tx.area.findMany({ where: { level: "KECAMATAN" }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    tx.opd.findMany({ orderBy: [{ active: "desc" }, { code: "asc" }], select: { id: true, shortName: true } }),
    programmeChoices(tx, filters),
  ]);
  return {
    years: fiscalYearChoices(
      fiscalYears,
      years.map((row) => row.fiscalYear),
    ),
    kecamatan: kecamatan.map((area) => ({ id: area.id, label: area.name })),
    opds: opds.map((opd) => ({ id: opd.id, label: opd.shortName })),
    ...programmes,
  };
}

/**
 * The filters as the filter bar can show them: a programme of another year, or of another OPD
 * than the one chosen (the reader picked an OPD and kept the link's programme), is dropped. The
 * programme select offers only programmes of the year and OPD, so otherwise the figures would be
 * narrowed to nothing by a choice the page shows as "all programmes".
 */
export async function shownDashboardFilters(tx: Tx, filters: DashboardFilters): Promise<DashboardFilters> {
  if (!filters.programmeId) return filters;
  const where = { id: filters.programmeId, fiscalYear: filters.year, ...(filters.opdId ? { opdId: filters.opdId } : {}) };
  const offered = await tx.programme.findFirst({ where, select: { id: true } });
  return offered ? filters : { ...filters, programmeId: null };
}

/** The programmes of the year (and OPD) by name, capped (lib/paging/capped-choices.ts). */
async function programmeChoices(tx: Tx, filters: DashboardFilters): Promise<Pick<DashboardFilterOptions, "programmes" | "programmesCut">> {
  const where = { fiscalYear: filters.year, ...(filters.opdId ? { opdId: filters.opdId } : {}) };
  const { choices, cut } = await cappedProgrammeChoices(
    ({ take, id }) => tx.programme.findMany({ where: { ...where, ...(id ? { id } : {}) }, orderBy: { name: "asc" }, take, select: { id: true, name: true } }),
    { opdChosen: Boolean(filters.opdId), selectedId: filters.programmeId },
  );
  return { programmes: choices.map(toChoice), ...(cut ? { programmesCut: cut } : {}) };
}

const toChoice = (programme: { id: string; name: string }): FilterChoice => ({ id: programme.id, label: programme.name });
