// The mayor's office's home (and every reader of the mayor's dashboards): the year's headline
// figures, each leading to its dashboard, and what the last seven days added, read from when
// entries were verified.
import { budgetDashboardQueries } from "@/features/dashboards/budget/queries";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { addDays } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import type { Rupiah } from "@/lib/money";
import type { TaskContext } from "./task";

export type Headline =
  | { key: "realised"; href: string; amount: Rupiah; absorption: number | null; lastWeek: Rupiah }
  | { key: "householdsReached"; href: string; count: number };

/** Spending verified since `since` on lines of the year: realisations and aid on lines whose aid comes on top (features/budget/line-entries.ts). */
async function realisedSince(tx: Tx, fiscalYear: number, since: Date): Promise<Rupiah> {
  const [row] = await tx.$queryRaw<{ amount: Rupiah }[]>`
    SELECT COALESCE(SUM(e."amount"), 0)::bigint AS "amount" FROM (
      SELECT r."amount" FROM "BudgetRealisation" r
        JOIN "BudgetLine" bl ON bl."tenantId" = r."tenantId" AND bl."id" = r."budgetLineId"
        JOIN "Programme" p ON p."tenantId" = bl."tenantId" AND p."id" = bl."programmeId"
       WHERE r."tenantId" = entas_current_tenant() AND r."status" = 'VERIFIED' AND r."verifiedAt" >= ${since} AND p."fiscalYear" = ${fiscalYear}
      UNION ALL
      SELECT a."value" FROM "AidDistribution" a
        JOIN "BudgetLine" bl ON bl."tenantId" = a."tenantId" AND bl."id" = a."budgetLineId" AND bl."aidMode" = 'ON_TOP'
        JOIN "Programme" p ON p."tenantId" = bl."tenantId" AND p."id" = bl."programmeId"
       WHERE a."tenantId" = entas_current_tenant() AND a."status" = 'VERIFIED' AND a."verifiedAt" >= ${since} AND p."fiscalYear" = ${fiscalYear}
    ) e`;
  return row?.amount ?? 0n;
}

/**
 * Households reached in the year, as the results dashboard the card opens counts them: the
 * city's rows of ReachResultCount (one per kecamatan, kept by triggers), not the year's
 * hundreds of thousands of HouseholdYearReach rows counted on each visit.
 */
async function householdsReached(tx: Tx, fiscalYear: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ reached: number }[]>`
    SELECT COALESCE(SUM(c."reached"), 0)::int AS "reached" FROM "ReachResultCount" c
     WHERE c."tenantId" = entas_current_tenant() AND c."fiscalYear" = ${fiscalYear} AND c."kind" = 'city'`;
  return row?.reached ?? 0;
}

export async function mayorHeadlines(tx: Tx, context: TaskContext): Promise<Headline[]> {
  const year = context.fiscalYear;
  const [y, month] = context.today.split("-").map(Number) as [number, number];
  const filters = { year, kecamatanId: null, opdId: null, programmeId: null };
  const [summary, lastWeek, reached] = await Promise.all([
    budgetDashboardQueries.summary(tx, filters, { year: y, month }),
    realisedSince(tx, year, addDays(context.now, -7)),
    householdsReached(tx, year),
  ]);
  return [
    {
      key: "realised",
      href: dashboardsRoutes.budget(context.slug, { tahun: year }),
      amount: summary.total.realised,
      absorption: summary.total.absorption,
      lastWeek,
    },
    { key: "householdsReached", href: dashboardsRoutes.results(context.slug, { tahun: year }), count: reached },
  ];
}
