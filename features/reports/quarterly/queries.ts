// The figures of the quarterly report on extreme poverty (Inpres 4/2022), read by the
// dashboards' own queries so the report cannot say a figure differently from them:
// - money: the budget dashboard's lines and rule (budgetDashboardQueries.byProgrammeSource), the
//   realisation summed over the quarter's months and over the year's months to its end;
// - households reached per programme: the results dashboard's (ReachResultCount);
// - the by-name list's extreme-poor households and those reached: the poverty dashboard's coverage;
// - households reached per strategy: distinct, from the one-row-per-household year reach
//   (HouseholdYearReach), whose "firstReachedAt" also dates the city's reach by quarter.
// Programmes are the city's of one fiscal year (hundreds at most): their rows are added up here;
// every household figure is counted by the database.
import { budgetByProgrammeSource } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import type { Reader } from "@/features/dashboards/panel-data";
import { povertyDashboardQueries } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries } from "@/features/dashboards/results/queries";
import type { Tx } from "@/lib/db";
import type { FundingSource, ProgrammeKind, TargetUnit } from "@/lib/generated/prisma/enums";
import type { Rupiah } from "@/lib/money";
import { periodMonths, type ReportPeriod } from "./period";
import { POVERTY_STRATEGIES, strategyOfKind, type PovertyStrategy } from "./strategy";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/** Pagu, and what was realised in the quarter and in the year to its end. */
export type Money = { pagu: Rupiah; realisedQuarter: Rupiah; realisedToDate: Rupiah };

export type ReportSourceLine = Money & { fundingSource: FundingSource; accountCodes: string[] };

export type ReportProgramme = Money & {
  id: string;
  name: string;
  opdId: string;
  opdShortName: string;
  opdName: string;
  /** The OPD's code, by which the report lists OPDs. */
  opdCode: string;
  kind: ProgrammeKind;
  strategy: PovertyStrategy;
  sipdCode: string | null;
  targetUnit: TargetUnit;
  targetCount: number;
  targetExtremeCount: number;
  /** Households the programme reached in the fiscal year (as the results dashboard counts them). */
  reached: number;
  sources: ReportSourceLine[];
};

export type ReportStrategy = Money & {
  strategy: PovertyStrategy;
  programmes: number;
  /** Targets of its programmes counted in households (a target in persons is not added in). */
  targetHouseholds: number;
  targetExtreme: number;
  /** Distinct households any of its programmes reached in the year, and of them the active extreme-poor. */
  reached: number;
  reachedExtreme: number;
};

export type ReportReach = {
  /** Active extreme-poor households on the by-name list (the poverty dashboard's coverage). */
  extremePoor: number;
  reachedExtreme: number;
  /** Households any programme of the year reached (the results dashboard's). */
  reached: number;
  /** Of those, first reached within the quarter, and by its end. */
  firstReachedInQuarter: number;
  reachedByQuarterEnd: number;
};

export type QuarterlyReportData = {
  period: ReportPeriod;
  strategies: ReportStrategy[];
  programmes: ReportProgramme[];
  /** Per funding source, over every programme. */
  sources: (Money & { fundingSource: FundingSource })[];
  total: Money;
  reach: ReportReach;
};

export const NO_MONEY: Money = { pagu: 0n, realisedQuarter: 0n, realisedToDate: 0n };

export const addMoney = (a: Money, b: Money): Money => ({
  pagu: a.pagu + b.pagu,
  realisedQuarter: a.realisedQuarter + b.realisedQuarter,
  realisedToDate: a.realisedToDate + b.realisedToDate,
});

/** The filters of the dashboards this report reads: the whole city, one fiscal year. */
export const reportFilters = (period: ReportPeriod): DashboardFilters => ({
  year: period.year,
  kecamatanId: null,
  opdId: null,
  programmeId: null,
  sipdCode: null,
});

/**
 * Distinct households reached per strategy in the year, and of them the active extreme-poor,
 * from the counts kept per strategy (StrategyReachCount).
 */
async function reachByStrategy(tx: Tx, year: number) {
  const rows = await tx.$queryRaw<{ strategy: PovertyStrategy; reached: number; reachedExtreme: number }[]>`
    SELECT c.strategy, sum(c.households)::int AS reached, coalesce(sum(c.households) FILTER (WHERE c."isExtremePoor" AND c.active), 0)::int AS "reachedExtreme"
      FROM "StrategyReachCount" c
     WHERE c."tenantId" = ${scopeTenantId()} AND c."fiscalYear" = ${year}
     GROUP BY c.strategy`;
  return new Map(rows.map((row) => [row.strategy, { reached: row.reached, reachedExtreme: row.reachedExtreme }]));
}

/**
 * Households first reached within the quarter and by its end, on the city's calendar: the
 * year reach dates each household's first verified entry of the year. The quarter's bounds are
 * worked out once (MATERIALIZED: inlined, they were recomputed for each of a city's hundreds of
 * thousands of rows), then each count is a range of the (tenant, year, firstReachedAt) index.
 */
async function reachByQuarter(tx: Tx, period: ReportPeriod) {
  const months = periodMonths(period.quarter).quarter;
  const [row] = await tx.$queryRaw<{ inQuarter: number; byEnd: number }[]>`
    WITH zone AS (SELECT t."timeZone" AS tz FROM "Tenant" t WHERE t.id = ${scopeTenantId()}),
         bounds AS MATERIALIZED (
           SELECT (make_timestamp(${period.year}::int, ${months.from}::int, 1, 0, 0, 0) AT TIME ZONE zone.tz) AT TIME ZONE 'UTC' AS "start",
                  ((make_timestamp(${period.year}::int, 1, 1, 0, 0, 0) + make_interval(months => ${months.to}::int)) AT TIME ZONE zone.tz) AT TIME ZONE 'UTC' AS "end"
             FROM zone)
    SELECT (SELECT count(*) FROM "HouseholdYearReach" y
             WHERE y."tenantId" = ${scopeTenantId()} AND y."fiscalYear" = ${period.year}
               AND y."firstReachedAt" >= b."start" AND y."firstReachedAt" < b."end")::int AS "inQuarter",
           (SELECT count(*) FROM "HouseholdYearReach" y
             WHERE y."tenantId" = ${scopeTenantId()} AND y."fiscalYear" = ${period.year} AND y."firstReachedAt" < b."end")::int AS "byEnd"
      FROM bounds b`;
  return { firstReachedInQuarter: row?.inQuarter ?? 0, reachedByQuarterEnd: row?.byEnd ?? 0 };
}

/**
 * Every figure of the report for the period, in the order the report shows them. `read` runs each
 * query: in a transaction of its own, two at a time, for a page (pageReader), or all in one
 * (readerOf) for a workbook built in its export's transaction.
 */
export async function quarterlyReportData(read: Reader, period: ReportPeriod): Promise<QuarterlyReportData> {
  const filters = reportFilters(period);
  const months = periodMonths(period.quarter);
  const [programmes, lines, results, totals, coverage, byQuarter, strategyReach] = await Promise.all([
    read((tx) =>
      tx.programme.findMany({
        where: { fiscalYear: period.year },
        select: {
          id: true,
          name: true,
          kind: true,
          sipdCode: true,
          targetUnit: true,
          targetCount: true,
          targetExtremeCount: true,
          opdId: true,
          opd: { select: { shortName: true, name: true, code: true } },
        },
      }),
    ),
    read((tx) => budgetByProgrammeSource(tx, filters, { quarter: months.quarter, toDate: months.toDate })),
    read((tx) => resultsDashboardQueries.byProgramme(tx, filters)),
    read((tx) => resultsDashboardQueries.totals(tx, filters)),
    read((tx) => povertyDashboardQueries.coverage(tx, filters)),
    read((tx) => reachByQuarter(tx, period)),
    read((tx) => reachByStrategy(tx, period.year)),
  ]);
  const reachedOf = new Map(results.map((row) => [row.programmeId, row.reached]));
  const linesOf = groupBy(lines, (line) => line.programmeId);
  const rows: ReportProgramme[] = programmes
    .map((p) => {
      const sources = (linesOf.get(p.id) ?? []).map((line) => ({
        fundingSource: line.fundingSource,
        accountCodes: line.accountCodes,
        pagu: line.pagu,
        realisedQuarter: line.realised.quarter ?? 0n,
        realisedToDate: line.realised.toDate ?? 0n,
      }));
      return {
        id: p.id,
        name: p.name,
        opdId: p.opdId,
        opdShortName: p.opd.shortName,
        opdName: p.opd.name,
        opdCode: p.opd.code,
        kind: p.kind,
        strategy: strategyOfKind(p.kind),
        sipdCode: p.sipdCode,
        targetUnit: p.targetUnit,
        targetCount: p.targetCount,
        targetExtremeCount: p.targetExtremeCount,
        reached: reachedOf.get(p.id) ?? 0,
        sources,
        ...sources.reduce(addMoney, NO_MONEY),
      };
    })
    .sort(
      (a, b) => POVERTY_STRATEGIES.indexOf(a.strategy) - POVERTY_STRATEGIES.indexOf(b.strategy) || a.opdCode.localeCompare(b.opdCode) || byName(a.name, b.name),
    );
  const strategies = POVERTY_STRATEGIES.map((strategy): ReportStrategy => {
    const own = rows.filter((row) => row.strategy === strategy);
    const inHouseholds = own.filter((row) => row.targetUnit === "HOUSEHOLD");
    return {
      strategy,
      programmes: own.length,
      targetHouseholds: inHouseholds.reduce((sum, row) => sum + row.targetCount, 0),
      targetExtreme: inHouseholds.reduce((sum, row) => sum + row.targetExtremeCount, 0),
      ...(strategyReach.get(strategy) ?? { reached: 0, reachedExtreme: 0 }),
      ...own.reduce(addMoney, NO_MONEY),
    };
  }).filter((row) => row.strategy !== "OTHER" || row.programmes > 0);
  const bySource = groupBy(
    rows.flatMap((row) => row.sources),
    (line) => line.fundingSource,
  );
  const sources = [...bySource.entries()]
    .map(([fundingSource, parts]) => ({ fundingSource, ...parts.reduce(addMoney, NO_MONEY) }))
    .sort((a, b) => a.fundingSource.localeCompare(b.fundingSource));
  return {
    period,
    strategies,
    programmes: rows,
    sources,
    total: rows.reduce(addMoney, NO_MONEY),
    reach: { extremePoor: coverage.extremePoor, reachedExtreme: coverage.reached, reached: totals.reached, ...byQuarter },
  };
}

const byName = new Intl.Collator("id").compare;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
