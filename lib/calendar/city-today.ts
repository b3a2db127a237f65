import { currentYearMonth, type YearMonth } from "@/features/budget/calendar";
import type { Tx } from "@/lib/db";

/** This month in the scope's city (its own time zone), for calendar comparisons. */
export async function cityToday(tx: Tx): Promise<YearMonth> {
  const rows = await tx.$queryRaw<{ timeZone: string }[]>`SELECT "timeZone" FROM "Tenant" WHERE "id" = entas_current_tenant()`;
  return currentYearMonth(rows[0]?.timeZone ?? "Asia/Jakarta");
}
