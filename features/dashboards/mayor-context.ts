// What both mayor's dashboards open on: the filters from the URL (defaulting to this fiscal
// year in the city; a year the city does not work in is ignored) and the choices of the
// filter bar.
import { cityFiscalYears, shownFiscalYear, type FiscalYears } from "@/lib/calendar/city-fiscal-year";
import type { Tx } from "@/lib/db";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { dashboardFilterOptions, shownDashboardFilters, type DashboardFilterOptions } from "./filter-options";
import { parseDashboardFilters, type DashboardFilters } from "./filters";

export type MayorDashboardContext = { filters: DashboardFilters; options: DashboardFilterOptions; tenantName: string; fiscalYears: FiscalYears };

/** The dashboard filters of the URL, with the year bounded to the city's fiscal years. */
export async function cityDashboardFilters(tx: Tx, tenantId: string, params: Record<string, SearchParamValue>) {
  const fiscalYears = await cityFiscalYears(tx, tenantId);
  const parsed = parseDashboardFilters(params, fiscalYears.current);
  return { fiscalYears, filters: { ...parsed, year: shownFiscalYear(parsed.year, fiscalYears) } };
}

export async function mayorDashboardContext(tx: Tx, tenantId: string, params: Record<string, SearchParamValue>): Promise<MayorDashboardContext> {
  const [tenant, asked] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } }),
    cityDashboardFilters(tx, tenantId, params),
  ]);
  const filters = await shownDashboardFilters(tx, asked.filters);
  const options = await dashboardFilterOptions(tx, filters, asked.fiscalYears);
  return { filters, options, tenantName: tenant.name, fiscalYears: asked.fiscalYears };
}
