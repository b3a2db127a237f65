// What every Dana PEM page of the officer starts from: the officer's funds and the chosen year.
import type { Tx } from "@/lib/db";
import { firstParam, type SearchParamValue } from "@/lib/validation/search-params";
import { ownFunds } from "./queries";
import type { FundUser } from "./scope";
import { cityToday } from "@/lib/calendar/city-today";

export async function fundPageContext(tx: Tx, user: FundUser & { tenantId: string }, params: Record<string, SearchParamValue>) {
  const today = await cityToday(tx, user.tenantId);
  if (!user.kelurahanId) return { today, funds: [], fund: null, year: today.getUTCFullYear() };
  const funds = await ownFunds(tx, user);
  const asked = Number(firstParam(params.tahun));
  const fund = funds.find((f) => f.year === asked) ?? (Number.isInteger(asked) && asked > 1999 ? null : funds[0]) ?? null;
  return { today, funds, fund, year: fund?.year ?? (Number.isInteger(asked) && asked > 1999 ? asked : today.getUTCFullYear()) };
}
