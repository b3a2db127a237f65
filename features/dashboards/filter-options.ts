// What the dashboard filter bar offers: the city's fiscal years,
// the city's kecamatan, its OPDs, and the programmes of the chosen year (and OPD).
import { fiscalYearChoices, type FiscalYears } from "@/lib/calendar/city-fiscal-year";
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "./filters";

/**
 * The most programmes the filter bar lists in its select. A city of 1,000 programmes would
 * otherwise send 1,000 options with every dashboard page (twice: HTML and RSC payload), and
 * no one picks from such a list; beyond it the programme choice cascades from the OPD.
 */
export const PROGRAMME_CHOICES_LIMIT = 150;

export type FilterChoice = { id: string; label: string };

/**
 * Why the programme choices are not every programme of the year (and OPD): "chooseOpd", the
 * year has too many, so without an OPD only the selected programme (if any) is offered;
 * "opdFirst", the chosen OPD alone has too many, so its first ones by name are.
 */
export type ProgrammeChoicesCut = "chooseOpd" | "opdFirst";

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

/**
 * The programmes of the year (and OPD) up to PROGRAMME_CHOICES_LIMIT, by name. One row past
 * the limit tells that there are more, without loading or counting them all.
 */
async function programmeChoices(tx: Tx, filters: DashboardFilters): Promise<Pick<DashboardFilterOptions, "programmes" | "programmesCut">> {
  const where = { fiscalYear: filters.year, ...(filters.opdId ? { opdId: filters.opdId } : {}) };
  const select = { id: true, name: true } as const;
  const rows = await tx.programme.findMany({ where, orderBy: { name: "asc" }, take: PROGRAMME_CHOICES_LIMIT + 1, select });
  if (rows.length <= PROGRAMME_CHOICES_LIMIT) return { programmes: rows.map(toChoice) };

  const programmesCut: ProgrammeChoicesCut = filters.opdId ? "opdFirst" : "chooseOpd";
  const shown = programmesCut === "opdFirst" ? rows.slice(0, PROGRAMME_CHOICES_LIMIT) : [];
  // The selected programme stays offered, so the select keeps it and the printed line names it.
  const selectedId = filters.programmeId;
  if (selectedId && !shown.some((row) => row.id === selectedId)) {
    const selected = await tx.programme.findFirst({ where: { ...where, id: selectedId }, select });
    if (selected) shown.push(selected);
  }
  return { programmes: shown.map(toChoice), programmesCut };
}

const toChoice = (programme: { id: string; name: string }): FilterChoice => ({ id: programme.id, label: programme.name });
