// One money trail: every Rupiah recorded against a budget line, realisation or aid, and the one
// rule of what counts. Every sum of a line (its page, the budget overview, the mayor's
// absorption, the pagu check) reads LINE_ENTRIES, or its summary LINE_TOTALS, with these
// fragments, so no figure can count a Rupiah the others do not, or count one twice.
//
// Each entry belongs to a pool, which the line's aidMode decides:
// - SPENDING: realisations, and aid on an ON_TOP line (in-kind or partner aid no SP2D paid).
//   This is absorption, and together it stays within the pagu.
// - ITEMISED_AID: aid on an AID_IS_REALISATION line. The money is already a realisation (the
//   SP2D that bought it); the aid says who got it. It never adds to absorption, and on its own
//   it stays within the pagu too.
// Within a pool, verified entries count as realised (a verified reversal is negative and simply
// subtracts) and drafts as pending. Against the pagu, what is committed is verified entries
// plus drafts that add money: a pending reversal frees nothing until it is verified.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rupiah } from "@/lib/money";

export type EntryPool = "SPENDING" | "ITEMISED_AID";

/**
 * Every entry of every budget line: "tenantId", "budgetLineId", "id", "source" (REALISATION or
 * AID), "month" (an aid's month of hand-over), "amount", "status", "pool". Row-level security
 * applies as to the tables it reads; alias it `e` for the fragments below.
 */
export const LINE_ENTRIES = Prisma.sql`(
  SELECT r."tenantId", r."budgetLineId", r."id", 'REALISATION'::text AS "source", r."month", r."amount", r."status",
         'SPENDING'::text AS "pool"
    FROM "BudgetRealisation" r
  UNION ALL
  SELECT a."tenantId", a."budgetLineId", a."id", 'AID'::text, EXTRACT(MONTH FROM a."distributedAt")::int, a."value", a."status",
         CASE bl."aidMode" WHEN 'ON_TOP' THEN 'SPENDING' ELSE 'ITEMISED_AID' END
    FROM "AidDistribution" a
    JOIN "BudgetLine" bl ON bl."tenantId" = a."tenantId" AND bl."id" = a."budgetLineId"
)`;

/** Whether summary rows `s` of line `bl` are in the SPENDING pool (the rule above). */
const IN_SPENDING_POOL = Prisma.sql`(s."source" = 'REALISATION' OR bl."aidMode" = 'ON_TOP')`;

/**
 * LINE_ENTRIES summed per line, source, status, month and sign (BudgetLineTotal, kept by triggers:
 * prisma/sql/summaries/budget-line-totals.sql): "tenantId", "budgetLineId", "source", "month",
 * "status", "adds" (amount > 0), "entries" (how many), "amount" (their sum), and "pool" from the
 * line's aidMode as it is now. REALISED and PENDING apply to it as to LINE_ENTRIES; count with
 * SUM(e."entries"). Alias it `e`. Sums over many lines read this: a few rows per line, not every entry.
 */
export const LINE_TOTALS = Prisma.sql`(
  SELECT s."tenantId", s."budgetLineId", s."source", s."month", s."status", s."adds", s."entries", s."amount",
         CASE WHEN ${IN_SPENDING_POOL} THEN 'SPENDING' ELSE 'ITEMISED_AID' END AS "pool"
    FROM "BudgetLineTotal" s
    JOIN "BudgetLine" bl ON bl."tenantId" = s."tenantId" AND bl."id" = s."budgetLineId"
)`;

/**
 * LINE_TOTALS with months and signs added up (BudgetLineSum, kept by triggers on
 * BudgetLineTotal): "tenantId", "budgetLineId", "source", "status", "entries", "amount", "pool".
 * REALISED, PENDING and LINE_SUMS apply to it as to LINE_TOTALS; a month or COMMITTED_TOTALS
 * needs LINE_TOTALS. Alias it `e`. Sums over many lines read this: at most four rows a line,
 * where LINE_TOTALS has one per month and sign (28 a line in the generated city, and at a
 * million households every budget and results dashboard query summed all 39,000 of them).
 */
export const LINE_SUM_TOTALS = Prisma.sql`(
  SELECT s."tenantId", s."budgetLineId", s."source", s."status", s."entries", s."amount",
         CASE WHEN ${IN_SPENDING_POOL} THEN 'SPENDING' ELSE 'ITEMISED_AID' END AS "pool"
    FROM "BudgetLineSum" s
    JOIN "BudgetLine" bl ON bl."tenantId" = s."tenantId" AND bl."id" = s."budgetLineId"
)`;

/**
 * Each line's realised Rupiah (REALISED), one row per line that has any: "tenantId",
 * "budgetLineId", "amount". Alias it `e`. Grouped per line, so the planner knows it meets one row
 * per line (through the pool's CASE it took 15,757 rows for 147 and looped over them).
 */
export const LINE_REALISED = Prisma.sql`(
  SELECT s."tenantId", s."budgetLineId", SUM(s."amount") AS "amount"
    FROM "BudgetLineSum" s
    JOIN "BudgetLine" bl ON bl."tenantId" = s."tenantId" AND bl."id" = s."budgetLineId"
   WHERE s."status" = 'VERIFIED' AND ${IN_SPENDING_POOL}
   GROUP BY 1, 2
)`;

/** Of entries `e`: realised, i.e. absorption. */
export const REALISED = Prisma.sql`e."pool" = 'SPENDING' AND e."status" = 'VERIFIED'`;
/** Of entries `e`: waiting for verification before they count as realised. */
export const PENDING = Prisma.sql`e."pool" = 'SPENDING' AND e."status" = 'DRAFT'`;
/** Of entries `e`: what holds pagu (verified, and drafts that add money). */
export const COMMITTED = Prisma.sql`(e."status" = 'VERIFIED' OR e."amount" > 0)`;
/** COMMITTED of LINE_TOTALS rows `e`. */
export const COMMITTED_TOTALS = Prisma.sql`(e."status" = 'VERIFIED' OR e."adds")`;

/**
 * A line's sums over its LINE_TOTALS rows `e` (aggregate columns): "realised", "pendingCount",
 * "pendingAmount" (absorption, by the rule above), and its aid apart, "aidVerified",
 * "aidPendingCount", "aidPendingAmount", whatever its pool.
 */
export const LINE_SUMS = Prisma.sql`
  COALESCE(SUM(e."amount") FILTER (WHERE ${REALISED}), 0)::bigint AS "realised",
  COALESCE(SUM(e."entries") FILTER (WHERE ${PENDING}), 0)::int AS "pendingCount",
  COALESCE(SUM(e."amount") FILTER (WHERE ${PENDING}), 0)::bigint AS "pendingAmount",
  COALESCE(SUM(e."amount") FILTER (WHERE e."source" = 'AID' AND e."status" = 'VERIFIED'), 0)::bigint AS "aidVerified",
  COALESCE(SUM(e."entries") FILTER (WHERE e."source" = 'AID' AND e."status" = 'DRAFT'), 0)::int AS "aidPendingCount",
  COALESCE(SUM(e."amount") FILTER (WHERE e."source" = 'AID' AND e."status" = 'DRAFT'), 0)::bigint AS "aidPendingAmount"`;

/**
 * What the pool of `entryId` already holds on its line, leaving the entry itself out, and which
 * pool that is. Read under the line's lock (lockBudgetLine), after the entry is written, so every
 * clerk of the line waits for it: it reads the entry and the line's totals (LINE_TOTALS, which
 * already count the entry), never the line's other entries, of which a food line holds thousands.
 */
export function committedBesideSql(tenantId: string, budgetLineId: string, entryId: string): Prisma.Sql {
  return Prisma.sql`
    WITH own AS (SELECT e."pool", e."amount", ${COMMITTED} AS "committed" FROM ${LINE_ENTRIES} e
                  WHERE e."tenantId" = ${tenantId} AND e."budgetLineId" = ${budgetLineId} AND e."id" = ${entryId})
    SELECT own."pool",
           (COALESCE((SELECT SUM(e."amount") FROM ${LINE_TOTALS} e
                       WHERE e."tenantId" = ${tenantId} AND e."budgetLineId" = ${budgetLineId} AND e."pool" = own."pool"
                         AND ${COMMITTED_TOTALS}), 0)
            - CASE WHEN own."committed" THEN own."amount" ELSE 0 END)::bigint AS "committed"
      FROM own`;
}

export async function committedBeside(tx: Tx, tenantId: string, budgetLineId: string, entryId: string): Promise<{ pool: EntryPool; committed: Rupiah }> {
  const [row] = await tx.$queryRaw<{ pool: EntryPool; committed: Rupiah }[]>(committedBesideSql(tenantId, budgetLineId, entryId));
  if (!row) throw new Error(`No entry ${entryId} on budget line ${budgetLineId}`);
  return row;
}

/** The most any pool of the line holds: the lowest pagu the line may be given. */
export async function largestPool(tx: Tx, tenantId: string, budgetLineId: string): Promise<Rupiah> {
  const [row] = await tx.$queryRaw<{ committed: Rupiah }[]>`
    SELECT COALESCE(MAX(p."committed"), 0)::bigint AS "committed"
      FROM (SELECT SUM(e."amount") AS "committed" FROM ${LINE_TOTALS} e
             WHERE e."tenantId" = ${tenantId} AND e."budgetLineId" = ${budgetLineId} AND ${COMMITTED_TOTALS}
             GROUP BY e."pool") p`;
  return row?.committed ?? 0n;
}
