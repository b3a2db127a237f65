// The programmes behind the calendar: the budget dashboard's flag (features/budget/absorption.ts)
// applied to the programme list's rows, so the list and the home page's card agree.
import { absorptionOf, isBehindCalendar } from "@/features/budget/absorption";
import type { YearMonth } from "@/lib/calendar/months";
import type { Rupiah } from "@/lib/money";

export function programmesBehind<Row extends { totals: { pagu: Rupiah; realised: Rupiah } }>(
  rows: readonly Row[],
  fiscalYear: number,
  today: YearMonth,
): Row[] {
  return rows.filter((row) => isBehindCalendar(absorptionOf(row.totals.pagu, row.totals.realised, fiscalYear, today)));
}
