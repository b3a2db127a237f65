// "Reached", defined once: a household is reached by a programme of
// fiscal year Y (the programme's year) while it has a live verified intervention under it —
//   - a VERIFIED training participation, not DROPPED, in a VERIFIED training not cancelled;
//   - a VERIFIED aid distribution that no VERIFIED reversal cancels.
// The database keeps that record in "HouseholdReach" (one row per fiscal year × programme ×
// OPD × household, with the household's current area, desil and flags), through triggers on
// every entry table (prisma/sql/summaries/household-reach.sql); `entas_reach_rebuild(tenant)`
// recomputes it, and the distinct-household counts that triggers on it derive
// (reach-counts.sql: HouseholdYearReach, Reach*Count) for the dashboards.
// Every reader of "reached" — the dashboards, the participant picker, "who to
// reach next" — goes through this file, and none counts the entries again.
//
// Raw SQL is not rewritten by the scoped client: each fragment names its tenant.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/** Which reach rows to read: a fiscal year, optionally narrowed (ids of the reader's city). */
export type ReachScope = {
  year: number;
  kecamatanId?: string | null;
  opdId?: string | null;
  programmeId?: string | null;
};

/** The WHERE of "HouseholdReach" rows (alias `r`) of the scope's tenant and filters. */
export function reachWhere(scope: ReachScope, alias = "r"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const parts = [Prisma.sql`${a}."tenantId" = ${scopeTenantId()}`, Prisma.sql`${a}."fiscalYear" = ${scope.year}`];
  if (scope.kecamatanId) parts.push(Prisma.sql`${a}."kecamatanId" = ${scope.kecamatanId}`);
  if (scope.opdId) parts.push(Prisma.sql`${a}."opdId" = ${scope.opdId}`);
  if (scope.programmeId) parts.push(Prisma.sql`${a}."programmeId" = ${scope.programmeId}`);
  return Prisma.join(parts, " AND ");
}

/** The SQL test "household `alias` was reached by a programme of `fiscalYear`". */
export function reachedSql(fiscalYear: number, alias = "h"): Prisma.Sql {
  const h = Prisma.raw(alias);
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "HouseholdReach" reach
     WHERE reach."tenantId" = ${h}."tenantId" AND reach."fiscalYear" = ${fiscalYear} AND reach."householdId" = ${h}."id")`;
}

/** Which of these households a programme of `fiscalYear` reached. */
export async function reachedAmong(tx: Tx, householdIds: string[], fiscalYear: number): Promise<Set<string>> {
  if (householdIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ householdId: string }[]>`
    SELECT DISTINCT r."householdId" FROM "HouseholdReach" r
     WHERE ${reachWhere({ year: fiscalYear })} AND r."householdId" = ANY(${householdIds}::text[])`;
  return new Set(rows.map((row) => row.householdId));
}
