// The period a city's quarterly report opens on: the one in the URL when the city works in that
// year, else this fiscal year's quarter on the city's calendar (a past year: its fourth).
import { cityFiscalYears, shownFiscalYear, type FiscalYears } from "@/lib/calendar/city-fiscal-year";
import { cityToday } from "@/lib/calendar/city-today";
import { yearMonthOf } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { parseReportPeriod, quarterOfMonth, type ReportPeriod } from "./period";

export async function cityReportPeriod(
  tx: Tx,
  tenantId: string,
  params: Record<string, SearchParamValue>,
): Promise<{ period: ReportPeriod; fiscalYears: FiscalYears }> {
  const [fiscalYears, today] = await Promise.all([cityFiscalYears(tx, tenantId), cityToday(tx, tenantId).then(yearMonthOf)]);
  const asked = parseReportPeriod(params, { year: fiscalYears.current, quarter: quarterOfMonth(today.month) });
  const year = shownFiscalYear(asked.year, fiscalYears);
  const quarter = year === asked.year ? asked.quarter : quarterOfMonth(today.month);
  return { period: { year, quarter: year < today.year && !params.triwulan ? 4 : quarter }, fiscalYears };
}
