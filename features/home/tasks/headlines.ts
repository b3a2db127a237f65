// The home's headline cards: one per dashboard the user may open, each the dashboard's own
// headline figure read with the dashboard's own query for the city's current fiscal year (so
// the two never disagree), leading to it. The budget's and the households reached also say
// what the last seven days added. Every figure is summed by the database from the summaries the dashboards read.
import { budgetDashboardQueries } from "@/features/dashboards/budget/queries";
import { povertyDashboardQueries } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries } from "@/features/dashboards/results/queries";
import { revolvingFundsDashboardQueries } from "@/features/dashboards/revolving-funds/queries";
import { fundRates } from "@/features/dashboards/revolving-funds/tables";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { statisticSeries } from "@/features/statistics/queries";
import { statisticsRoutes } from "@/features/statistics/routes";
import { userMayOpen } from "@/lib/auth/pages";
import type { TenantPageKey } from "@/lib/auth/pages";
import { addDays } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import type { Rupiah } from "@/lib/money";
import type { TaskContext } from "./task";
import { scopeTenantId } from "@/lib/db/scope-tenant";

export type Headline =
  | { key: "realised"; href: string; amount: Rupiah; absorption: number | null; lastWeek: Rupiah }
  | { key: "householdsReached"; href: string; count: number; lastWeek?: number }
  | { key: "extremePoorUnreached"; href: string; count: number; extremePoor: number }
  | { key: "loansOutstanding"; href: string; amount: Rupiah; repaymentRate: number | null }
  | { key: "extremePovertyRate"; href: string; rate: number | null; year: number | null };

export type HeadlineKey = Headline["key"];

/** Households first reached in the year from `since` until `until` (HouseholdYearReach."firstReachedAt", kept by trigger; an index range). */
async function reachedBetween(tx: Tx, fiscalYear: number, since: Date, until: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "HouseholdYearReach"
     WHERE "tenantId" = ${scopeTenantId()} AND "fiscalYear" = ${fiscalYear} AND "firstReachedAt" >= ${since} AND "firstReachedAt" < ${until}`;
  return row?.count ?? 0;
}

/** Spending verified from `since` until `until` on lines of the year: realisations and aid on lines whose aid comes on top (features/budget/line-entries.ts). */
async function realisedBetween(tx: Tx, fiscalYear: number, since: Date, until: Date): Promise<Rupiah> {
  const [row] = await tx.$queryRaw<{ amount: Rupiah }[]>`
    SELECT COALESCE(SUM(e."amount"), 0)::bigint AS "amount" FROM (
      SELECT r."amount" FROM "BudgetRealisation" r
        JOIN "BudgetLine" bl ON bl."tenantId" = r."tenantId" AND bl."id" = r."budgetLineId"
        JOIN "Programme" p ON p."tenantId" = bl."tenantId" AND p."id" = bl."programmeId"
       WHERE r."tenantId" = ${scopeTenantId()} AND r."status" = 'VERIFIED' AND r."verifiedAt" >= ${since} AND r."verifiedAt" < ${until} AND p."fiscalYear" = ${fiscalYear}
      UNION ALL
      SELECT a."value" FROM "AidDistribution" a
        JOIN "BudgetLine" bl ON bl."tenantId" = a."tenantId" AND bl."id" = a."budgetLineId" AND bl."aidMode" = 'ON_TOP'
        JOIN "Programme" p ON p."tenantId" = bl."tenantId" AND p."id" = bl."programmeId"
       WHERE a."tenantId" = ${scopeTenantId()} AND a."status" = 'VERIFIED' AND a."verifiedAt" >= ${since} AND a."verifiedAt" < ${until} AND p."fiscalYear" = ${fiscalYear}
    ) e`;
  return row?.amount ?? 0n;
}

type HeadlineSource = {
  page: TenantPageKey;
  read: (tx: Tx, context: TaskContext, filters: DashboardFilters) => Promise<Headline>;
};

/** In the order of the dashboards' menu: the registry's need, what was done, the money, Dana PEM, the official series. */
const SOURCES: readonly HeadlineSource[] = [
  {
    page: "povertyDashboard",
    read: async (tx, context, filters) => {
      const coverage = await povertyDashboardQueries.coverage(tx, filters);
      return {
        key: "extremePoorUnreached",
        href: dashboardsRoutes.poverty(context.slug, { tahun: filters.year }),
        count: coverage.unreached,
        extremePoor: coverage.extremePoor,
      };
    },
  },
  {
    page: "resultsDashboard",
    read: async (tx, context, filters) => {
      const [reached, lastWeek] = await Promise.all([
        resultsDashboardQueries.reached(tx, filters),
        reachedBetween(tx, filters.year, addDays(context.now, -7), context.now),
      ]);
      return { key: "householdsReached", href: dashboardsRoutes.results(context.slug, { tahun: filters.year }), count: reached, lastWeek };
    },
  },
  {
    page: "budgetDashboard",
    read: async (tx, context, filters) => {
      const [y, month] = context.today.split("-").map(Number) as [number, number];
      const [summary, lastWeek] = await Promise.all([
        budgetDashboardQueries.summary(tx, filters, { year: y, month }),
        realisedBetween(tx, filters.year, addDays(context.now, -7), context.now),
      ]);
      return {
        key: "realised",
        href: dashboardsRoutes.budget(context.slug, { tahun: filters.year }),
        amount: summary.total.realised,
        absorption: summary.total.absorption,
        lastWeek,
      };
    },
  },
  {
    page: "revolvingFundsDashboard",
    read: async (tx, context, filters) => {
      const totals = await revolvingFundsDashboardQueries.totals(tx, filters);
      return {
        key: "loansOutstanding",
        href: dashboardsRoutes.revolvingFunds(context.slug, { tahun: filters.year }),
        amount: totals.outstanding,
        repaymentRate: fundRates(totals).repaymentRate,
      };
    },
  },
  {
    page: "statistics",
    read: async (tx, context) => {
      // The city's series (a row a year): its latest extreme poverty rate, as the statistics page's first card.
      const latest = (await statisticSeries(tx, null)).filter((row) => row.extremeRatePct !== null).at(-1);
      return {
        key: "extremePovertyRate",
        href: statisticsRoutes.dashboard(context.slug),
        rate: latest?.extremeRatePct ?? null,
        year: latest?.year ?? null,
      };
    },
  },
];

/** The headline of every dashboard the user may open, for the city's current fiscal year. */
export function dashboardHeadlines(tx: Tx, context: TaskContext): Promise<Headline[]> {
  const filters: DashboardFilters = { year: context.fiscalYear, kecamatanId: null, opdId: null, programmeId: null };
  return Promise.all(SOURCES.filter((source) => userMayOpen(context.user, source.page)).map((source) => source.read(tx, context, filters)));
}
