// The city's Dana PEM roll-up for Bapeda and the mayor's office.
// Aggregates only (no names, no NIK), each one statement over one row per loan: repayments
// are kept on the loan (principalRepaid, feePaid, nextDueDate), so 50 000 loans are read
// without touching their schedules. Filters: fund year and kecamatan; OPD and programme do
// not apply to kelurahan funds and are ignored.
import { loadKelurahanLabels } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rupiah } from "@/lib/money";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { scopeTenantId } from "@/lib/db/scope-tenant";

export type RevolvingFundsDashboardRow = {
  kelurahanId: string;
  kelurahan: string;
  kecamatan: string;
  disbursed: Rupiah;
  outstanding: Rupiah;
  /** Paid, capped at what has fallen due, over what has fallen due: on-time repayment. */
  paidOnTime: Rupiah;
  dueToDate: Rupiah;
  par30: Rupiah;
  loans: number;
  youthLoans: number;
  /** Distinct borrowers financed: one business each. */
  businesses: number;
  roundsCompleted: number;
};

export type RevolvingFundsDashboardTotals = Omit<RevolvingFundsDashboardRow, "kelurahanId" | "kelurahan" | "kecamatan"> & {
  funds: number;
  writtenOff: Rupiah;
  capital: Rupiah;
};

export type AgeingRow = { bucket: "current" | "d1_30" | "d31_60" | "d61_90" | "d90_plus"; loans: number; outstanding: Rupiah };

/** The city's today, in its own time zone. */
const today = () => Prisma.sql`(SELECT (now() AT TIME ZONE t."timeZone")::date FROM "Tenant" t WHERE t."id" = ${scopeTenantId()})`;

function fundFilter(filters: DashboardFilters) {
  const conditions = [Prisma.sql`f."tenantId" = ${scopeTenantId()}`, Prisma.sql`f."year" = ${filters.year}`];
  if (filters.kecamatanId) {
    conditions.push(
      Prisma.sql`f."kelurahanId" IN (SELECT a."id" FROM "Area" a WHERE a."tenantId" = ${scopeTenantId()} AND a."parentId" = ${filters.kecamatanId})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * One row per lent loan with what has fallen due by today: the instalments due counted on the
 * loan's stored schedule start by entas_instalments_due_from (prisma/sql/summaries/loan-schedule.sql,
 * the schedule rule of lib/revolving-funds/schedule.ts on integers;
 * tests/integration/loan-instalments-due.test.ts).
 */
function lentLoans(filters: DashboardFilters) {
  return Prisma.sql`
    WITH today AS MATERIALIZED (
      SELECT d, entas_month_index(d) AS month, date_part('day', d)::int AS day, date_part('day', d + 1) = 1 AS month_end
        FROM (SELECT ${today()} AS d) x
    ),
    lent AS (
      SELECT l."fundId", f."kelurahanId", l."status", l."round", l."isYouth", l."borrowerNik", l."principal",
             l."principalRepaid", l."principalRepaid" + l."feePaid" AS paid, l."nextDueDate", today.d AS today,
             l."principal" + l."serviceFee" AS total, l."tenorMonths" AS tenor,
             l."principal" / l."tenorMonths" + l."serviceFee" / l."tenorMonths" AS instalment,
             entas_instalments_due_from(l."scheduleMonth", l."scheduleDay", today.month, today.day, today.month_end, l."tenorMonths") AS due_count
        FROM "Loan" l
        JOIN "RevolvingFund" f ON f."tenantId" = l."tenantId" AND f."id" = l."fundId"
        CROSS JOIN today
       WHERE l."status" IN ('DISBURSED', 'REPAID', 'WRITTEN_OFF') AND ${fundFilter(filters)}
    ),
    measured AS (
      SELECT *, CASE WHEN due_count = tenor THEN total ELSE due_count * instalment END AS due FROM lent
    )`;
}

const MEASURES = Prisma.sql`
  COALESCE(SUM("principal"), 0)::bigint AS disbursed,
  COALESCE(SUM("principal" - "principalRepaid") FILTER (WHERE "status" = 'DISBURSED'), 0)::bigint AS outstanding,
  COALESCE(SUM(LEAST(paid, due)), 0)::bigint AS "paidOnTime",
  COALESCE(SUM(due), 0)::bigint AS "dueToDate",
  COALESCE(SUM("principal" - "principalRepaid") FILTER (WHERE "status" = 'DISBURSED' AND "nextDueDate" < today - 30), 0)::bigint AS par30,
  COUNT(*)::int AS loans,
  (COUNT(*) FILTER (WHERE "isYouth"))::int AS "youthLoans",
  COUNT(DISTINCT "borrowerNik" COLLATE "C")::int AS businesses`; // byte order: a count needs no collation

/**
 * Rounds that have lent with nothing still waiting or running, by kelurahan: read from the
 * per-round counts a trigger keeps on Loan (prisma/sql/summaries/loan-rounds.sql), not from the loans.
 */
function completedRounds(filters: DashboardFilters) {
  return Prisma.sql`
    SELECT f."kelurahanId", COUNT(*)::int AS rounds FROM "LoanRound" r
      JOIN "RevolvingFund" f ON f."tenantId" = r."tenantId" AND f."id" = r."fundId"
     WHERE r."open" = 0 AND r."closed" > 0 AND ${fundFilter(filters)}
     GROUP BY f."kelurahanId"`;
}

async function byKelurahan(tx: Tx, filters: DashboardFilters): Promise<RevolvingFundsDashboardRow[]> {
  const [rows, labels] = await Promise.all([kelurahanRows(tx, filters), loadKelurahanLabels(tx)]);
  return rows.map((row) => ({ ...row, kelurahan: labels.get(row.kelurahanId) ?? row.kelurahan }));
}

function kelurahanRows(tx: Tx, filters: DashboardFilters): Promise<RevolvingFundsDashboardRow[]> {
  return tx.$queryRaw<RevolvingFundsDashboardRow[]>`
    ${lentLoans(filters)},
    per_kelurahan AS (SELECT "kelurahanId", ${MEASURES} FROM measured GROUP BY "kelurahanId"),
    rounds AS (${completedRounds(filters)})
    SELECT k."id" AS "kelurahanId", k."name" AS kelurahan, kc."name" AS kecamatan,
           COALESCE(p.disbursed, 0)::bigint AS disbursed, COALESCE(p.outstanding, 0)::bigint AS outstanding,
           COALESCE(p."paidOnTime", 0)::bigint AS "paidOnTime", COALESCE(p."dueToDate", 0)::bigint AS "dueToDate",
           COALESCE(p.par30, 0)::bigint AS par30, COALESCE(p.loans, 0)::int AS loans,
           COALESCE(p."youthLoans", 0)::int AS "youthLoans", COALESCE(p.businesses, 0)::int AS businesses,
           COALESCE(r.rounds, 0)::int AS "roundsCompleted"
      FROM "RevolvingFund" f
      JOIN "Area" k ON k."tenantId" = f."tenantId" AND k."id" = f."kelurahanId"
      LEFT JOIN "Area" kc ON kc."tenantId" = k."tenantId" AND kc."id" = k."parentId"
      LEFT JOIN per_kelurahan p ON p."kelurahanId" = f."kelurahanId"
      LEFT JOIN rounds r ON r."kelurahanId" = f."kelurahanId"
     WHERE ${fundFilter(filters)}
     ORDER BY kc."name", k."name"`;
}

async function totals(tx: Tx, filters: DashboardFilters): Promise<RevolvingFundsDashboardTotals> {
  const [row] = await tx.$queryRaw<RevolvingFundsDashboardTotals[]>`
    ${lentLoans(filters)},
    rounds AS (${completedRounds(filters)})
    SELECT ${MEASURES},
           (SELECT COALESCE(SUM(rounds), 0)::int FROM rounds) AS "roundsCompleted",
           COALESCE(SUM("principal" - "principalRepaid") FILTER (WHERE "status" = 'WRITTEN_OFF'), 0)::bigint AS "writtenOff",
           (SELECT COUNT(*)::int FROM "RevolvingFund" f WHERE ${fundFilter(filters)}) AS funds,
           (SELECT COALESCE(SUM(c."amount"), 0)::bigint FROM "RevolvingFundCapital" c
              JOIN "RevolvingFund" f ON f."tenantId" = c."tenantId" AND f."id" = c."fundId" WHERE ${fundFilter(filters)}) AS capital
      FROM measured`;
  return row!;
}

/** Outstanding principal of running loans by days past due (PAR ageing), city-wide. */
async function ageing(tx: Tx, filters: DashboardFilters): Promise<AgeingRow[]> {
  const rows = await tx.$queryRaw<AgeingRow[]>`
    ${lentLoans(filters)}
    SELECT CASE
        WHEN "nextDueDate" IS NULL OR "nextDueDate" >= today THEN 'current'
        WHEN today - "nextDueDate" <= 30 THEN 'd1_30'
        WHEN today - "nextDueDate" <= 60 THEN 'd31_60'
        WHEN today - "nextDueDate" <= 90 THEN 'd61_90'
        ELSE 'd90_plus' END AS bucket,
      COUNT(*)::int AS loans, SUM("principal" - "principalRepaid")::bigint AS outstanding
    FROM measured WHERE "status" = 'DISBURSED' GROUP BY 1`;
  const order: AgeingRow["bucket"][] = ["current", "d1_30", "d31_60", "d61_90", "d90_plus"];
  return order.map((bucket) => rows.find((row) => row.bucket === bucket) ?? { bucket, loans: 0, outstanding: 0n });
}

/** Every roll-up query, `(tx, filters)`, for the page, the export and the benchmark. */
export const revolvingFundsDashboardQueries = { byKelurahan, totals, ageing };
