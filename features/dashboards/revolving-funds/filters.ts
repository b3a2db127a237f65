// The year (and kecamatan) the Dana PEM roll-up shows, read once for the page and its exports:
// the city's fiscal years, stretched back to its oldest fund (a fund may be older than the
// city's first programme, and its year stays a year to show and to download).
import { cityFiscalYears, type FiscalYears, shownFiscalYear } from "@/lib/calendar/city-fiscal-year";
import type { Tx } from "@/lib/db";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { type DashboardFilters, parseDashboardFilters } from "../filters";

export type RevolvingFundsDashboardYears = { filters: DashboardFilters; fiscalYears: FiscalYears; fundYears: number[] };

/** The filters of the address, the year bounded to the city's fiscal years and its funds' years. */
export async function revolvingFundsDashboardFilters(
  tx: Tx,
  tenantId: string,
  params: Record<string, SearchParamValue>,
  now: Date = new Date(),
): Promise<RevolvingFundsDashboardYears> {
  const [cityYears, funds] = await Promise.all([
    cityFiscalYears(tx, tenantId, now),
    tx.revolvingFund.groupBy({ by: ["year"], where: { tenantId }, orderBy: { year: "desc" } }),
  ]);
  const fundYears = funds.map((row) => row.year);
  const fiscalYears = { ...cityYears, first: Math.min(cityYears.first, ...fundYears) };
  const parsed = parseDashboardFilters(params, fiscalYears.current);
  return { filters: { ...parsed, year: shownFiscalYear(parsed.year, fiscalYears) }, fiscalYears, fundYears };
}
