// The mayor's budget-absorption dashboard: pagu against what is realised, by OPD, programme
// and funding source, and the monthly curve against the
// straight-line calendar. Every sum is made by the database; the calendar arithmetic on the
// sums is features/budget/absorption's, so these figures match the OPD budget pages.
//
// What a line has realised is the one rule of features/budget/line-entries.ts, as on the OPD
// budget pages: verified realisation, plus verified aid on lines whose aid comes on top (a
// verified reversal is a negative verified entry, so it simply subtracts); drafts of the same,
// reversals included, are "pending". Kecamatan does not apply: budget lines are city-wide. The
// sums read the lines' summaries (LINE_SUM_TOTALS; LINE_TOTALS where months count), a few rows per line, not every entry.
import { absorptionOf, BEHIND_THRESHOLD_POINTS, isBehindCalendar, type Absorption } from "@/features/budget/absorption";
import { LINE_SUM_TOTALS, LINE_SUMS, LINE_TOTALS, REALISED } from "@/features/budget/line-entries";
import { monthsElapsed } from "@/lib/calendar/fiscal-year";
import type { YearMonth } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import type { FundingSource } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { percentOf, type Rupiah } from "@/lib/money";
import type { DashboardFilters } from "../filters";
import { sipdCondition, sipdGroupKey, type SipdLevel } from "../sipd";
import { scopeTenantId } from "@/lib/db/scope-tenant";

export { BEHIND_THRESHOLD_POINTS };

type Sums = { pagu: Rupiah; realised: Rupiah; pendingCount: number; pendingAmount: Rupiah };

export type AbsorptionRow = Absorption & { pendingCount: number; pendingAmount: Rupiah; behind: boolean };

function withCalendar(sums: Sums, year: number, today: YearMonth): AbsorptionRow {
  const absorption = absorptionOf(sums.pagu, sums.realised, year, today);
  return {
    ...absorption,
    pendingCount: sums.pendingCount,
    pendingAmount: sums.pendingAmount,
    behind: isBehindCalendar(absorption),
  };
}

/** Budget lines of the filtered year: id, programme, source, pagu, account code, OPD, the programme's SIPD code. */
function lines(filters: DashboardFilters): Prisma.Sql {
  const conditions = [Prisma.sql`p."tenantId" = ${scopeTenantId()}`, Prisma.sql`p."fiscalYear" = ${filters.year}`];
  if (filters.opdId) conditions.push(Prisma.sql`p."opdId" = ${filters.opdId}`);
  if (filters.programmeId) conditions.push(Prisma.sql`p."id" = ${filters.programmeId}`);
  const sipd = sipdCondition(filters, "p");
  if (sipd) conditions.push(sipd);
  return Prisma.sql`
    SELECT bl."id", bl."programmeId", bl."fundingSource", bl."pagu", bl."accountCode", p."opdId", p."sipdCode"
      FROM "Programme" p
      JOIN "BudgetLine" bl ON bl."tenantId" = p."tenantId" AND bl."programmeId" = p."id"
     WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** The same lines with their realised and pending sums (one row per line). */
function lineSums(filters: DashboardFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT bl.*, r."realised", r."pendingCount", r."pendingAmount"
      FROM (${lines(filters)}) bl
      LEFT JOIN LATERAL (
        SELECT ${LINE_SUMS}
          FROM ${LINE_SUM_TOTALS} e
         WHERE e."tenantId" = ${scopeTenantId()} AND e."budgetLineId" = bl."id"
      ) r ON TRUE`;
}

const SUMS = Prisma.sql`
  COALESCE(SUM(l."pagu"), 0)::bigint AS "pagu",
  COALESCE(SUM(l."realised"), 0)::bigint AS "realised",
  COALESCE(SUM(l."pendingCount"), 0)::int AS "pendingCount",
  COALESCE(SUM(l."pendingAmount"), 0)::bigint AS "pendingAmount"`;

export type BudgetSummary = {
  today: YearMonth;
  total: AbsorptionRow;
  /** The central fiscal incentive, apart from the city's own money. */
  fiscalIncentive: AbsorptionRow;
  /** Everything but the fiscal incentive (APBD, DAK, CSR, other). */
  otherSources: AbsorptionRow;
  programmesBehind: number;
};

async function summary(tx: Tx, filters: DashboardFilters, today: YearMonth): Promise<BudgetSummary> {
  const months = monthsElapsed(filters.year, today);
  // "Behind" as absorptionOf rounds the gap (2 decimals, half away from zero), on the database.
  const rows = await tx.$queryRaw<(Sums & { incentive: boolean; behind: number })[]>`
    WITH l AS (${lineSums(filters)}),
         programmes AS (SELECT SUM(l."pagu") AS "pagu", SUM(l."realised") AS "realised" FROM l GROUP BY l."programmeId")
    SELECT (l."fundingSource" = 'FISCAL_INCENTIVE') AS "incentive", ${SUMS},
           (SELECT COUNT(*) FROM programmes
             WHERE "pagu" > 0
               AND round((("realised" * 12 - ${months} * "pagu") * 10000)::numeric / ("pagu" * 12)) < ${-BEHIND_THRESHOLD_POINTS * 100})::int AS "behind"
      FROM l GROUP BY 1`;
  const part = (incentive: boolean): Sums => rows.find((row) => row.incentive === incentive) ?? { pagu: 0n, realised: 0n, pendingCount: 0, pendingAmount: 0n };
  const [fi, other] = [part(true), part(false)];
  const total: Sums = {
    pagu: fi.pagu + other.pagu,
    realised: fi.realised + other.realised,
    pendingCount: fi.pendingCount + other.pendingCount,
    pendingAmount: fi.pendingAmount + other.pendingAmount,
  };
  return {
    today,
    total: withCalendar(total, filters.year, today),
    fiscalIncentive: withCalendar(fi, filters.year, today),
    otherSources: withCalendar(other, filters.year, today),
    programmesBehind: rows[0]?.behind ?? 0,
  };
}

export type OpdAbsorptionRow = AbsorptionRow & {
  opdId: string;
  opdShortName: string;
  opdName: string;
  fiscalIncentivePagu: Rupiah;
  fiscalIncentiveRealised: Rupiah;
};

async function byOpd(tx: Tx, filters: DashboardFilters, today: YearMonth): Promise<OpdAbsorptionRow[]> {
  const rows = await tx.$queryRaw<
    (Sums & { opdId: string; opdShortName: string; opdName: string; fiscalIncentivePagu: Rupiah; fiscalIncentiveRealised: Rupiah })[]
  >`
    WITH l AS (${lineSums(filters)})
    SELECT o."id" AS "opdId", o."shortName" AS "opdShortName", o."name" AS "opdName", ${SUMS},
           COALESCE(SUM(l."pagu") FILTER (WHERE l."fundingSource" = 'FISCAL_INCENTIVE'), 0)::bigint AS "fiscalIncentivePagu",
           COALESCE(SUM(l."realised") FILTER (WHERE l."fundingSource" = 'FISCAL_INCENTIVE'), 0)::bigint AS "fiscalIncentiveRealised"
      FROM l JOIN "Opd" o ON o."tenantId" = ${scopeTenantId()} AND o."id" = l."opdId"
     GROUP BY o."id", o."shortName", o."name", o."code"
     ORDER BY o."code"`;
  return rows.map((row) => ({
    ...withCalendar(row, filters.year, today),
    opdId: row.opdId,
    opdShortName: row.opdShortName,
    opdName: row.opdName,
    fiscalIncentivePagu: row.fiscalIncentivePagu,
    fiscalIncentiveRealised: row.fiscalIncentiveRealised,
  }));
}

export type ProgrammeAbsorptionRow = AbsorptionRow & { programmeId: string; programmeName: string; opdShortName: string };

/** Every programme of the filter with its absorption; most behind the calendar first. */
async function byProgramme(tx: Tx, filters: DashboardFilters, today: YearMonth): Promise<ProgrammeAbsorptionRow[]> {
  const rows = await tx.$queryRaw<(Sums & { programmeId: string; programmeName: string; opdShortName: string })[]>`
    WITH l AS (${lineSums(filters)})
    SELECT p."id" AS "programmeId", p."name" AS "programmeName", o."shortName" AS "opdShortName", ${SUMS}
      FROM l
      JOIN "Programme" p ON p."tenantId" = ${scopeTenantId()} AND p."id" = l."programmeId"
      JOIN "Opd" o ON o."tenantId" = p."tenantId" AND o."id" = p."opdId"
     GROUP BY p."id", p."name", o."shortName"`;
  const result = rows.map((row) => ({
    ...withCalendar(row, filters.year, today),
    programmeId: row.programmeId,
    programmeName: row.programmeName,
    opdShortName: row.opdShortName,
  }));
  return result.sort((a, b) => (a.gap ?? Infinity) - (b.gap ?? Infinity) || byIndonesianName(a.programmeName, b.programmeName));
}

export type SipdAbsorptionRow = AbsorptionRow & {
  /** The SIPD programme (1.06.04) or kegiatan (1.06.04.2.01) code; null: the programmes without a code. */
  code: string | null;
  /** Programmes of the group that have budget lines. */
  programmes: number;
};

/**
 * Absorption per SIPD programme or kegiatan: the lines grouped by their programme's code prefix,
 * by code, the programmes without a code last. The groups part the lines, so they add up to the summary.
 */
async function bySipd(tx: Tx, filters: DashboardFilters, today: YearMonth, level: SipdLevel): Promise<SipdAbsorptionRow[]> {
  const rows = await tx.$queryRaw<(Sums & { code: string | null; programmes: number })[]>`
    WITH l AS (${lineSums(filters)})
    SELECT ${sipdGroupKey(level, "l")} AS "code", COUNT(DISTINCT l."programmeId")::int AS "programmes", ${SUMS}
      FROM l GROUP BY 1 ORDER BY 1 NULLS LAST`;
  return rows.map((row) => ({ ...withCalendar(row, filters.year, today), code: row.code, programmes: row.programmes }));
}

/** One collator for every comparison: localeCompare with a locale builds one per call. */
const byIndonesianName = new Intl.Collator("id").compare;

export type SourceAbsorptionRow = AbsorptionRow & { fundingSource: FundingSource };

async function bySource(tx: Tx, filters: DashboardFilters, today: YearMonth): Promise<SourceAbsorptionRow[]> {
  const rows = await tx.$queryRaw<(Sums & { fundingSource: FundingSource })[]>`
    WITH l AS (${lineSums(filters)})
    SELECT l."fundingSource"::text AS "fundingSource", ${SUMS}
      FROM l GROUP BY l."fundingSource" ORDER BY l."fundingSource"`;
  return rows.map((row) => ({ ...withCalendar(row, filters.year, today), fundingSource: row.fundingSource }));
}

export type MonthPoint = {
  month: number;
  /** Realised in this month (features/budget/line-entries.ts). */
  realised: Rupiah;
  cumulative: Rupiah;
  /** cumulative / pagu, percent; null without a pagu. */
  cumulativePct: number | null;
  /** The straight-line calendar: month / 12 of the pagu, percent. */
  calendarPct: number;
  /** Whether the month is over (later months have no realisation yet). */
  elapsed: boolean;
};

/** The twelve months of the year: verified realisation, cumulated, against the straight line. */
async function monthlyCurve(tx: Tx, filters: DashboardFilters, today: YearMonth): Promise<MonthPoint[]> {
  const rows = await tx.$queryRaw<{ month: number; realised: Rupiah; cumulative: Rupiah; pagu: Rupiah }[]>`
    WITH l AS (${lines(filters)}),
         total AS (SELECT COALESCE(SUM(l."pagu"), 0)::bigint AS "pagu" FROM l),
         months AS (
           SELECT e."month", SUM(e."amount") AS "realised"
             FROM ${LINE_TOTALS} e
             JOIN l ON e."budgetLineId" = l."id"
            WHERE e."tenantId" = ${scopeTenantId()} AND ${REALISED}
            GROUP BY e."month")
    SELECT m::int AS "month",
           COALESCE(months."realised", 0)::bigint AS "realised",
           (SUM(COALESCE(months."realised", 0)) OVER (ORDER BY m))::bigint AS "cumulative",
           total."pagu"
      FROM generate_series(1, 12) AS m
      CROSS JOIN total
      LEFT JOIN months ON months."month" = m
     ORDER BY m`;
  const year = absorptionOf(0n, 0n, filters.year, today);
  return rows.map((row) => {
    const point = absorptionOf(row.pagu, row.cumulative, filters.year, today);
    return {
      month: row.month,
      realised: row.realised,
      cumulative: row.cumulative,
      cumulativePct: point.absorption,
      calendarPct: percentOf(BigInt(row.month), 12n) ?? 0,
      elapsed: row.month <= year.monthsElapsed,
    };
  });
}

/** Months `from`..`to` (1–12, both included) of the fiscal year. */
export type MonthRange = { from: number; to: number };

export type ProgrammeSourceRow = {
  programmeId: string;
  fundingSource: FundingSource;
  /** The lines' SIPD account codes (kode rekening), distinct and sorted; lines without one are left out. */
  accountCodes: string[];
  pagu: Rupiah;
  /** Realised (REALISED, as everywhere) in each range asked for, by its name. */
  realised: Record<string, Rupiah>;
};

/**
 * Pagu and realisation per programme and funding source, the realisation summed over each named
 * range of months (a quarter, the year to date): the same lines and the same rule as the
 * absorption figures above, so a range of 1–12 adds up to their realised.
 */
export async function budgetByProgrammeSource(tx: Tx, filters: DashboardFilters, ranges: Record<string, MonthRange>): Promise<ProgrammeSourceRow[]> {
  const names = Object.keys(ranges);
  const column = (i: number) => Prisma.raw(`"r${i}"`);
  const inRanges = names.map(
    (name, i) =>
      Prisma.sql`COALESCE(SUM(e."amount") FILTER (WHERE ${REALISED} AND e."month" BETWEEN ${ranges[name]!.from} AND ${ranges[name]!.to}), 0) AS ${column(i)}`,
  );
  const summed = names.map((_, i) => Prisma.sql`COALESCE(SUM(s.${column(i)}), 0)::bigint AS ${column(i)}`);
  const rows = await tx.$queryRaw<
    (Record<string, Rupiah> & { programmeId: string; fundingSource: FundingSource; accountCodes: string[] | null; pagu: Rupiah })[]
  >`
    WITH l AS (${lines(filters)}),
         sums AS (
           SELECT l."id", ${Prisma.join([Prisma.sql`0 AS "none"`, ...inRanges], ", ")}
             FROM l LEFT JOIN ${LINE_TOTALS} e ON e."tenantId" = ${scopeTenantId()} AND e."budgetLineId" = l."id"
            GROUP BY l."id")
    SELECT ${Prisma.join(
      [
        Prisma.sql`l."programmeId"`,
        Prisma.sql`l."fundingSource"::text AS "fundingSource"`,
        Prisma.sql`array_agg(DISTINCT l."accountCode" ORDER BY l."accountCode") FILTER (WHERE l."accountCode" IS NOT NULL) AS "accountCodes"`,
        Prisma.sql`COALESCE(SUM(l."pagu"), 0)::bigint AS "pagu"`,
        ...summed,
      ],
      ", ",
    )}
      FROM l JOIN sums s ON s."id" = l."id"
     GROUP BY l."programmeId", l."fundingSource"
     ORDER BY l."programmeId", l."fundingSource"`;
  return rows.map((row) => ({
    programmeId: row.programmeId,
    fundingSource: row.fundingSource,
    accountCodes: row.accountCodes ?? [],
    pagu: row.pagu,
    realised: Object.fromEntries(names.map((name, i) => [name, row[`r${i}`] ?? 0n])),
  }));
}

const bySipdProgramme = (tx: Tx, filters: DashboardFilters, today: YearMonth) => bySipd(tx, filters, today, "programme");
const bySipdKegiatan = (tx: Tx, filters: DashboardFilters, today: YearMonth) => bySipd(tx, filters, today, "kegiatan");

export const budgetDashboardQueries = { summary, byOpd, byProgramme, bySource, bySipdProgramme, bySipdKegiatan, monthlyCurve };
