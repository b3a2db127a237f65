// What the dashboard filter bar offers: the city's fiscal years,
// the city's kecamatan, its OPDs, the programmes of the chosen year (and OPD), and the SIPD
// programme and kegiatan codes those programmes carry.
import { fiscalYearChoices, type FiscalYears } from "@/lib/calendar/city-fiscal-year";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SIPD_PREFIX_LENGTH, sipdGroupKey } from "./sipd";
import type { DashboardFilters } from "./filters";
import { cappedProgrammeChoices, type ProgrammeChoicesCut } from "@/lib/paging/capped-choices";
import { scopeTenantId } from "@/lib/db/scope-tenant";

export type FilterChoice = { id: string; label: string };

export type DashboardFilterOptions = {
  years: number[];
  kecamatan: FilterChoice[];
  opds: FilterChoice[];
  programmes: FilterChoice[];
  /** Absent when `programmes` lists every programme of the year (and OPD). */
  programmesCut?: ProgrammeChoicesCut;
  /** SIPD programme codes, each followed by its kegiatan codes (`level` says which). */
  sipdCodes: (FilterChoice & { level: "programme" | "kegiatan" })[];
};

export async function dashboardFilterOptions(tx: Tx, filters: DashboardFilters, fiscalYears: FiscalYears): Promise<DashboardFilterOptions> {
  const [years, kecamatan, opds, programmes, sipdCodes] = await Promise.all([
    tx.programme.groupBy({ by: ["fiscalYear"], orderBy: { fiscalYear: "desc" } }),
    tx.area.findMany({ where: { level: "KECAMATAN" }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    tx.opd.findMany({ orderBy: [{ active: "desc" }, { code: "asc" }], select: { id: true, shortName: true } }),
    programmeChoices(tx, filters),
    sipdCodeChoices(tx, filters),
  ]);
  return {
    years: fiscalYearChoices(
      fiscalYears,
      years.map((row) => row.fiscalYear),
    ),
    kecamatan: kecamatan.map((area) => ({ id: area.id, label: area.name })),
    opds: opds.map((opd) => ({ id: opd.id, label: opd.shortName })),
    ...programmes,
    sipdCodes,
  };
}

/**
 * The SIPD programme and kegiatan codes of the year's (and OPD's) programmes, in code order, so
 * each programme code comes before its kegiatan. A code from the URL that none carries is kept
 * as a choice, so the select shows the filter the figures follow.
 */
async function sipdCodeChoices(tx: Tx, filters: DashboardFilters): Promise<DashboardFilterOptions["sipdCodes"]> {
  const opd = filters.opdId ? Prisma.sql`AND p."opdId" = ${filters.opdId}` : Prisma.empty;
  const rows = await tx.$queryRaw<{ code: string }[]>`
    SELECT DISTINCT v."code"
      FROM "Programme" p
     CROSS JOIN LATERAL (VALUES (${sipdGroupKey("programme", "p")}), (${sipdGroupKey("kegiatan", "p")})) AS v("code")
     WHERE p."tenantId" = ${scopeTenantId()} AND p."fiscalYear" = ${filters.year} AND p."sipdCode" IS NOT NULL ${opd}
     ORDER BY 1`;
  const codes = rows.map((row) => row.code);
  if (filters.sipdCode && !codes.includes(filters.sipdCode)) codes.push(filters.sipdCode);
  return codes.map((code) => ({ id: code, label: code, level: code.length > SIPD_PREFIX_LENGTH.programme ? "kegiatan" : "programme" }));
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
