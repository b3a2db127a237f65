// What the dashboard filter bar offers: the fiscal years with programmes (plus this year),
// the city's kecamatan, its OPDs, and the programmes of the chosen year (and OPD).
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "./filters";

export type FilterChoice = { id: string; label: string };

export type DashboardFilterOptions = {
  years: number[];
  kecamatan: FilterChoice[];
  opds: FilterChoice[];
  programmes: FilterChoice[];
};

export async function dashboardFilterOptions(tx: Tx, filters: DashboardFilters, currentYear: number): Promise<DashboardFilterOptions> {
  const [years, kecamatan, opds, programmes] = await Promise.all([
    tx.programme.groupBy({ by: ["fiscalYear"], orderBy: { fiscalYear: "desc" } }),
    tx.area.findMany({ where: { level: "KECAMATAN" }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    tx.opd.findMany({ orderBy: [{ active: "desc" }, { code: "asc" }], select: { id: true, shortName: true } }),
    tx.programme.findMany({
      where: { fiscalYear: filters.year, ...(filters.opdId ? { opdId: filters.opdId } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const allYears = new Set([currentYear, filters.year, ...years.map((row) => row.fiscalYear)]);
  return {
    years: [...allYears].sort((a, b) => b - a),
    kecamatan: kecamatan.map((area) => ({ id: area.id, label: area.name })),
    opds: opds.map((opd) => ({ id: opd.id, label: opd.shortName })),
    programmes: programmes.map((programme) => ({ id: programme.id, label: programme.name })),
  };
}

/**
 * The year a dashboard opens on: this fiscal year if it has programmes, else the latest
 * earlier year that has (a new year's first weeks would otherwise open on an empty page).
 */
export async function defaultDashboardYear(tx: Tx, currentYear: number): Promise<number> {
  const latest = await tx.programme.aggregate({ where: { fiscalYear: { lte: currentYear } }, _max: { fiscalYear: true } });
  return latest._max.fiscalYear ?? currentYear;
}
