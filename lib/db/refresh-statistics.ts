// Fresh planner statistics after a bulk write. Autovacuum refreshes them late on a busy server
// (and never where it is off): after a 100,000-household import the poverty dashboard kept plans
// made for an almost empty registry and ran for a minute until someone ran ANALYZE by hand.
// Every import or job that writes many rows calls refreshStatistics with the tables it wrote,
// those its summary triggers write included. The app's role owns no table, so ANALYZE runs
// through entas_refresh_statistics (prisma/sql/statistics.sql), which runs as the owner and
// accepts only the tables below.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./tenant-scope";

/** The tables entas_refresh_statistics accepts: those bulk writers fill. Keep both lists equal. */
export const ANALYZED_TABLES = [
  "AidDistribution",
  "AuditLog",
  "BudgetRealisation",
  "DashboardTrainingCount",
  "DuplicateCandidate",
  "Household",
  "HouseholdAreaCount",
  "HouseholdDesilChange",
  "HouseholdReach",
  "HouseholdStatusEvent",
  "HouseholdYearReach",
  "Loan",
  "LoanRound",
  "Member",
  "PovertyStatistic",
  "ReachAreaCount",
  "ReachOpdCount",
  "ReachProgrammeCount",
  "ReachResultCount",
  "Repayment",
  "TrainingParticipant",
] as const satisfies readonly Prisma.ModelName[];

export type AnalyzedTable = (typeof ANALYZED_TABLES)[number];

/** What a verified intervention (a participant, an aid hand-over) changes through the reach triggers. */
export const REACH_SUMMARIES = [
  "HouseholdReach",
  "HouseholdYearReach",
  "ReachAreaCount",
  "ReachOpdCount",
  "ReachProgrammeCount",
  "ReachResultCount",
] as const satisfies readonly AnalyzedTable[];

/**
 * Fewer rows than this leave the statistics as they are: PostgreSQL itself waits for a tenth of
 * a table to change, and ANALYZE of a large table costs a few hundred milliseconds.
 */
export const BULK_ROWS = 500;

/**
 * ANALYZE of `tables`, at the end of the writer's transaction (it counts the transaction's own
 * new rows). Best effort: under a savepoint, so a failure (another ANALYZE holding a table, a
 * timeout) is logged and the import still commits. Returns whether it ran.
 */
export async function refreshStatistics(tx: Tx, tables: readonly AnalyzedTable[], rowsWritten: number): Promise<boolean> {
  if (rowsWritten < BULK_ROWS || tables.length === 0) return false;
  await tx.$executeRawUnsafe("SAVEPOINT refresh_statistics");
  try {
    await tx.$executeRaw`SELECT entas_refresh_statistics(${[...tables]}::text[])`;
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT refresh_statistics");
    return true;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT refresh_statistics");
    console.error("refreshStatistics: ANALYZE failed; the planner keeps its old statistics", tables, error);
    return false;
  }
}
