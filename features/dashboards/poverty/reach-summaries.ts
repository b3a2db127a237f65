// The reach count summary (prisma/sql/summaries/reach-counts.sql) that answers a dashboard
// filter, shared by the dashboard's figures (queries.ts) and the unreached list (unreached.ts).
import type { DashboardFilters } from "@/features/dashboards/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/**
 * The count summary that answers distinct reached households for these filters (migration
 * reach_counts, derived from HouseholdReach by triggers), alias `c`, with its WHERE: the
 * year's households (ReachAreaCount), one OPD's (ReachOpdCount) or one programme's
 * (ReachProgrammeCount), each row counting distinct households. Both an OPD and a programme:
 * null, and the caller counts HouseholdReach itself (a narrow slice).
 */
export function reachCounts(filters: DashboardFilters): { from: Prisma.Sql; where: Prisma.Sql } | null {
  if (filters.opdId && filters.programmeId) return null;
  const parts = [Prisma.sql`c."tenantId" = ${scopeTenantId()}`, Prisma.sql`c."fiscalYear" = ${filters.year}`];
  if (filters.kecamatanId) parts.push(Prisma.sql`c."kecamatanId" = ${filters.kecamatanId}`);
  let from = Prisma.sql`"ReachAreaCount" c`;
  if (filters.opdId) {
    from = Prisma.sql`"ReachOpdCount" c`;
    parts.push(Prisma.sql`c."opdId" = ${filters.opdId}`);
  } else if (filters.programmeId) {
    from = Prisma.sql`"ReachProgrammeCount" c`;
    parts.push(Prisma.sql`c."programmeId" = ${filters.programmeId}`);
  }
  return { from, where: Prisma.join(parts, " AND ") };
}
