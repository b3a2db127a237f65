// What both mayor's dashboards open on: the filters from the URL (defaulting to this year in
// the city, or the latest year with programmes when this one has none yet) and the choices
// of the filter bar.
import { currentYearMonth } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { dashboardFilterOptions, shownDashboardFilters, type DashboardFilterOptions } from "./filter-options";
import { parseDashboardFilters, type DashboardFilters } from "./filters";

export type MayorDashboardContext = { filters: DashboardFilters; options: DashboardFilterOptions; tenantName: string };

export async function mayorDashboardContext(tx: Tx, tenantId: string, params: Record<string, SearchParamValue>): Promise<MayorDashboardContext> {
  const [tenant, years] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, timeZone: true } }),
    tx.programme.groupBy({ by: ["fiscalYear"], orderBy: { fiscalYear: "desc" } }),
  ]);
  const thisYear = currentYearMonth(tenant.timeZone).year;
  const withProgrammes = years.map((row) => row.fiscalYear);
  const defaultYear = withProgrammes.includes(thisYear) ? thisYear : (withProgrammes[0] ?? thisYear);
  const filters = await shownDashboardFilters(tx, parseDashboardFilters(params, defaultYear));
  const options = await dashboardFilterOptions(tx, filters, thisYear);
  return { filters, options, tenantName: tenant.name };
}
