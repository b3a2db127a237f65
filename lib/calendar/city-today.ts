// "Today" is the city's: a clerk in Kupang (WITA) at 07:30 is already a day ahead of UTC.
import type { Tx } from "@/lib/db";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { dayToDate, todayIn } from "./days";

/**
 * Today in the city's time zone, as the UTC midnight a @db.Date holds: compare it with date
 * columns, `dateToDay` it for a day string, `yearMonthOf` it for this month.
 */
export async function cityToday(tx: Tx, tenantId: string, now: Date = new Date()): Promise<Date> {
  return dayToDate(todayIn(await tenantTimeZone(tx, tenantId), now));
}
