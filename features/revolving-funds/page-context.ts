// What every Dana PEM page of the officer starts from: the officer's funds and the chosen year,
// which is the city's current fiscal year unless the address asks for another.
import type { Tx } from "@/lib/db";
import { firstParam, type SearchParamValue } from "@/lib/validation/search-params";
import { ownFunds } from "./queries";
import type { FundUser } from "./scope";
import { cityToday } from "@/lib/calendar/city-today";
import { cityFiscalYears } from "@/lib/calendar/city-fiscal-year";

/** `now` is for tests; it defaults to the present. */
export async function fundPageContext(tx: Tx, user: FundUser & { tenantId: string }, params: Record<string, SearchParamValue>, now: Date = new Date()) {
  const [today, fiscalYears] = await Promise.all([cityToday(tx, user.tenantId, now), cityFiscalYears(tx, user.tenantId, now)]);
  const asked = Number(firstParam(params.tahun));
  // A fund's year is 2000–2100 (createFundSchema); a fund may predate the city's first programme.
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : fiscalYears.current;
  if (!user.kelurahanId) return { today, funds: [], fund: null, year, years: [year] };
  const funds = await ownFunds(tx, user);
  const fund = funds.find((f) => f.year === year) ?? null;
  /** The year picker: every year with a fund, and this fiscal year even before its fund exists, newest first. */
  const years = [...new Set([fiscalYears.current, ...funds.map((f) => f.year)])].sort((a, b) => b - a);
  return { today, funds, fund, year, years };
}
