// What the programme and budget pages open on: the reader's scope, the OPD picked (city-wide
// readers only), the fiscal years the city works in and the year shown (this one unless asked), and this month in the city.
import type { SessionUser } from "@/lib/auth/session-user";
import { currentYearMonth, type YearMonth } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import { opdChoices, programmeYears } from "./queries";
import { programmeScope, type ProgrammeScope } from "@/lib/auth/scope";
import { parseYearParam } from "@/lib/calendar/fiscal-year";
import { cityFiscalYears, fiscalYearChoices, shownFiscalYear, type FiscalYears } from "@/lib/calendar/city-fiscal-year";
import { firstParam as first } from "@/lib/validation/search-params";
import { tenantTimeZone } from "@/lib/tenant/time-zone";

type SearchParams = Record<string, string | string[] | undefined>;

export type YearContext = {
  scope: ProgrammeScope;
  /** The OPDs a city-wide reader may pick from; null for OPD roles. */
  opds: { id: string; shortName: string; name: string }[] | null;
  /** The OPD whose figures are shown: the picked one, or the OPD role's own. */
  opdId: string | null;
  years: number[];
  year: number;
  fiscalYears: FiscalYears;
  today: YearMonth;
  timeZone: string;
};

export async function yearContext(tx: Tx, user: SessionUser & { tenantId: string }, params: SearchParams): Promise<YearContext> {
  const scope = programmeScope(user);
  const [timeZone, opds] = await Promise.all([tenantTimeZone(tx, user.tenantId), scope.kind === "city" ? opdChoices(tx) : Promise.resolve(null)]);
  const asked = first(params.opd);
  // An OPD role's filter is its own OPD whatever the URL says.
  const opdId = scope.kind === "opd" ? scope.opdId : opds?.some((opd) => opd.id === asked) ? (asked ?? null) : null;
  const [withData, fiscalYears] = await Promise.all([programmeYears(tx, scope, opdId), cityFiscalYears(tx, user.tenantId)]);
  const today = currentYearMonth(timeZone);
  const year = shownFiscalYear(parseYearParam(params.tahun), fiscalYears);
  return { scope, opds, opdId, years: fiscalYearChoices(fiscalYears, withData), year, fiscalYears, today, timeZone };
}

/** The query string that keeps the year and OPD when moving between pages. */
export function yearQuery(context: Pick<YearContext, "year" | "opdId" | "scope">): string {
  const params = new URLSearchParams({ tahun: String(context.year) });
  if (context.scope.kind === "city" && context.opdId) params.set("opd", context.opdId);
  return params.toString();
}
