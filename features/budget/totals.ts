// A line's totals, summed by the database from its money trail's summary (./line-entries.ts, LINE_SUM_TOTALS): verified
// realisation, and verified aid where the line counts it on top, is realised; drafts of the same
// are pending. The line's aid is summed apart too, whatever its mode, for the line's page.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AidBudgetMode } from "@/lib/generated/prisma/enums";
import type { Rupiah } from "@/lib/money";
import { LINE_SUM_TOTALS, LINE_SUMS } from "./line-entries";

export type LineTotals = {
  budgetLineId: string;
  programmeId: string;
  pagu: Rupiah;
  aidMode: AidBudgetMode;
  realised: Rupiah;
  pendingCount: number;
  pendingAmount: Rupiah;
  aidVerified: Rupiah;
  aidPendingCount: number;
  aidPendingAmount: Rupiah;
};

export type TotalsFilter = {
  tenantId: string;
  fiscalYear?: number;
  opdId?: string | null;
  programmeId?: string;
  budgetLineId?: string;
};

/** One row per budget line matching the filter, with its pagu and the sums of its entries. */
export async function lineTotals(tx: Tx, filter: TotalsFilter): Promise<LineTotals[]> {
  const conditions = [Prisma.sql`bl."tenantId" = ${filter.tenantId}`];
  if (filter.fiscalYear !== undefined) conditions.push(Prisma.sql`p."fiscalYear" = ${filter.fiscalYear}`);
  if (filter.opdId) conditions.push(Prisma.sql`p."opdId" = ${filter.opdId}`);
  if (filter.programmeId) conditions.push(Prisma.sql`bl."programmeId" = ${filter.programmeId}`);
  if (filter.budgetLineId) conditions.push(Prisma.sql`bl."id" = ${filter.budgetLineId}`);
  return tx.$queryRaw<LineTotals[]>`
    SELECT bl."id" AS "budgetLineId",
           bl."programmeId" AS "programmeId",
           bl."pagu" AS "pagu",
           bl."aidMode"::text AS "aidMode",
           ${LINE_SUMS}
      FROM "BudgetLine" bl
      JOIN "Programme" p ON p."tenantId" = bl."tenantId" AND p."id" = bl."programmeId"
      LEFT JOIN ${LINE_SUM_TOTALS} e ON e."tenantId" = bl."tenantId" AND e."budgetLineId" = bl."id"
     WHERE ${Prisma.join(conditions, " AND ")}
     GROUP BY bl."id", bl."programmeId", bl."pagu", bl."aidMode"`;
}

export type Totals = { pagu: Rupiah; realised: Rupiah; pendingCount: number; pendingAmount: Rupiah; lines: number };

const EMPTY: Totals = { pagu: 0n, realised: 0n, pendingCount: 0, pendingAmount: 0n, lines: 0 };

/** A line's sums, whatever else the row carries. */
type LineSums = Pick<LineTotals, "pagu" | "realised" | "pendingCount" | "pendingAmount">;

const plus = (sum: Totals, row: LineSums, lines: number): Totals => ({
  pagu: sum.pagu + row.pagu,
  realised: sum.realised + row.realised,
  pendingCount: sum.pendingCount + row.pendingCount,
  pendingAmount: sum.pendingAmount + row.pendingAmount,
  lines: sum.lines + lines,
});

/** Adds up line sums (already aggregated by the database) for a programme or a page. */
export function addTotals(rows: readonly LineSums[]): Totals {
  return rows.reduce<Totals>((sum, row) => plus(sum, row, 1), EMPTY);
}

/** Adds up programmes' totals, for the page that lists them. */
export function sumTotals(totals: readonly Totals[]): Totals {
  return totals.reduce((sum, row) => plus(sum, row, row.lines), EMPTY);
}

/** Line sums rolled up per programme. */
export function totalsByProgramme(rows: readonly LineTotals[]): Map<string, Totals> {
  const groups = new Map<string, LineTotals[]>();
  for (const row of rows) groups.set(row.programmeId, [...(groups.get(row.programmeId) ?? []), row]);
  return new Map([...groups].map(([id, lines]) => [id, addTotals(lines)]));
}

export const emptyTotals = (): Totals => ({ ...EMPTY });
