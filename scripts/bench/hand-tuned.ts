// The benchmark's yardstick: each dashboard figure computed by one SQL statement written for
// the job, run on a plain owner connection (no Prisma, no tenant-scope transaction, no
// row-level security), with the tenant and year as parameters $1 and $2. Each also names
// the figure both sides must agree on, so a fast wrong answer cannot pass for a ratio.
import type { BudgetSummary } from "@/features/dashboards/budget/queries";
import type { RevolvingFundsDashboardTotals } from "@/features/dashboards/revolving-funds/queries";
import type { Coverage, Targeting, TargetProgress } from "@/features/dashboards/poverty/queries";
import type { ResultFigures } from "@/features/dashboards/results/queries";
import type { Row } from "./sql";

export type HandTuned = {
  sql: string;
  /** The figure compared: from the app function's result, and from the SQL's rows. */
  appFigure: (result: never) => number;
  sqlFigure: (rows: Row[]) => number;
};

const num = (value: unknown) => Number(value ?? 0);
const sum = (rows: readonly object[], key: string) => rows.reduce((total, row) => total + num((row as Record<string, unknown>)[key]), 0);
const count = (rows: readonly object[]) => rows.length;
const first = (rows: Row[], key: string) => num(rows[0]?.[key]);

const ACTIVE_COUNTS = `FROM "HouseholdAreaCount" c WHERE c."tenantId" = $1 AND c.status = 'ACTIVE'`;
// Distinct reached households are counts the triggers derive from HouseholdReach (migration
// reach_counts); the yardstick reads the same counts, as it reads
// HouseholdAreaCount for the registry: the hand-written best for the figure on this schema.
// (tests/integration/reach-counts.test.ts checks them against distinct counts over HouseholdReach.)
const REACH_AREA = `FROM "ReachAreaCount" c WHERE c."tenantId" = $1 AND c."fiscalYear" = $2`;
const REACH_OPD = `FROM "ReachOpdCount" c WHERE c."tenantId" = $1 AND c."fiscalYear" = $2`;
const REACH_RESULT = `FROM "ReachResultCount" c WHERE c."tenantId" = $1 AND c."fiscalYear" = $2`;

/** Verified realisation per budget line of the year (index-only on the covering index). */
const LINE_SUMS = `
  SELECT bl.id, bl."programmeId", bl."fundingSource", bl.pagu, p."opdId", coalesce(x.realised, 0) AS realised,
         coalesce(x.pending_n, 0) AS pending_n, coalesce(x.pending, 0) AS pending
    FROM "Programme" p
    JOIN "BudgetLine" bl ON bl."tenantId" = p."tenantId" AND bl."programmeId" = p.id
    LEFT JOIN (
      SELECT "budgetLineId", sum(amount) FILTER (WHERE status = 'VERIFIED') AS realised,
             count(*) FILTER (WHERE status = 'DRAFT') AS pending_n, sum(amount) FILTER (WHERE status = 'DRAFT') AS pending
        FROM "BudgetRealisation" WHERE "tenantId" = $1 GROUP BY 1
    ) x ON x."budgetLineId" = bl.id
   WHERE p."tenantId" = $1 AND p."fiscalYear" = $2`;

/** The year's programmes (g) with verified money and training counts per key: the results' parts. */
const RESULT_PARTS = (key: string) => `
  WITH g AS (SELECT id, "opdId" FROM "Programme" WHERE "tenantId" = $1 AND "fiscalYear" = $2),
  money AS (SELECT ${key} AS key, sum(x.amount) AS realised FROM g
              JOIN "BudgetLine" bl ON bl."tenantId" = $1 AND bl."programmeId" = g.id
              JOIN "BudgetRealisation" x ON x."tenantId" = $1 AND x."budgetLineId" = bl.id AND x.status = 'VERIFIED' GROUP BY 1),
  training AS (SELECT ${key} AS key, sum(c.trained) AS trained, sum(c.businesses) AS businesses FROM g
                 JOIN "DashboardTrainingCount" c ON c."tenantId" = $1 AND c."programmeId" = g.id GROUP BY 1)`;

/**
 * The roll-up's figures (one scan of the year's lent loans, with what has fallen due by the
 * city's today; the rounds from their trigger-kept counts), as the app's roll-up defines them:
 * paid on time, PAR 30, distinct borrowers, completed rounds, write-offs, capital.
 */
const FUND_LENT = `
  WITH today AS MATERIALIZED (
    SELECT d, entas_month_index(d) AS m, date_part('day', d)::int AS dd, date_part('day', d + 1) = 1 AS me
      FROM (SELECT (now() AT TIME ZONE "timeZone")::date AS d FROM "Tenant" WHERE id = $1) t),
  lent AS (
    SELECT "kelurahanId", status, principal, "principalRepaid", "isYouth", "borrowerNik", "nextDueDate", paid, today,
           CASE WHEN n = tenor THEN principal + fee ELSE n * (principal / tenor + fee / tenor) END AS due
      FROM (SELECT f."kelurahanId", l.status, l.principal, l."principalRepaid", l."isYouth", l."borrowerNik", l."nextDueDate",
                   l."principalRepaid" + l."feePaid" AS paid, today.d AS today, l."tenorMonths" AS tenor, l."serviceFee" AS fee,
                   entas_instalments_due_from(l."scheduleMonth", l."scheduleDay", today.m, today.dd, today.me, l."tenorMonths") AS n
              FROM "Loan" l JOIN "RevolvingFund" f ON f."tenantId" = l."tenantId" AND f.id = l."fundId", today
             WHERE l."tenantId" = $1 AND f.year = $2 AND l.status IN ('DISBURSED', 'REPAID', 'WRITTEN_OFF')) x),
  rounds AS (
    SELECT f."kelurahanId", count(*) AS rounds FROM "LoanRound" r JOIN "RevolvingFund" f ON f."tenantId" = r."tenantId" AND f.id = r."fundId"
     WHERE r."tenantId" = $1 AND f.year = $2 AND r.open = 0 AND r.closed > 0 GROUP BY 1)`;

const FUND_MEASURES = `
  sum(principal) AS disbursed, sum(principal - "principalRepaid") FILTER (WHERE status = 'DISBURSED') AS outstanding,
  sum(LEAST(paid, due)) AS paid_on_time, sum(due) AS due, count(*) AS loans, count(*) FILTER (WHERE "isYouth") AS youth,
  sum(principal - "principalRepaid") FILTER (WHERE status = 'DISBURSED' AND "nextDueDate" < today - 30) AS par30,
  sum(principal - "principalRepaid") FILTER (WHERE status = 'WRITTEN_OFF') AS written_off,
  count(DISTINCT "borrowerNik" COLLATE "C") AS businesses`;

export const handTuned: Record<string, Record<string, HandTuned>> = {
  poverty: {
    registryByKecamatan: {
      sql: `SELECT k.id, coalesce(s.h, 0) AS households FROM "Area" k
              LEFT JOIN (SELECT c."kecamatanId", sum(c.households) AS h ${ACTIVE_COUNTS} GROUP BY 1) s ON s."kecamatanId" = k.id
             WHERE k."tenantId" = $1 AND k.level = 'KECAMATAN' ORDER BY k.code`,
      appFigure: (rows: { households: number }[]) => sum(rows, "households"),
      sqlFigure: (rows) => sum(rows, "households"),
    },
    registryByKelurahan: {
      sql: `SELECT l.id, l.name, k.id AS "kecamatanId", k.name AS "kecamatanName", coalesce(s.h, 0) AS households,
                   coalesce(s.e, 0) AS extreme, coalesce(s.d, 0) AS "desil1to4"
              FROM "Area" l
              JOIN "Area" k ON k."tenantId" = l."tenantId" AND k.id = l."parentId"
              LEFT JOIN (SELECT c."kelurahanId", sum(c.households) AS h, sum(c.households) FILTER (WHERE c."isExtremePoor") AS e,
                                sum(c.households) FILTER (WHERE c.desil BETWEEN 1 AND 4) AS d
                           ${ACTIVE_COUNTS} GROUP BY 1) s ON s."kelurahanId" = l.id
             WHERE l."tenantId" = $1 AND l.level = 'KELURAHAN' ORDER BY k.code, l.code`,
      appFigure: (rows: { extremePoor: number }[]) => sum(rows, "extremePoor"),
      sqlFigure: (rows) => sum(rows, "extreme"),
    },
    desilDistribution: {
      sql: `SELECT c.desil, sum(c.households) AS households ${ACTIVE_COUNTS} GROUP BY 1 ORDER BY 1`,
      appFigure: (rows: { households: number }[]) => sum(rows, "households"),
      sqlFigure: (rows) => sum(rows, "households"),
    },
    coverage: {
      sql: `SELECT sum(c.households) AS reached ${REACH_AREA} AND c."isExtremePoor" AND c.active`,
      appFigure: (result: Coverage) => result.reached,
      sqlFigure: (rows) => first(rows, "reached"),
    },
    coverageByKelurahan: {
      sql: `SELECT c."kelurahanId", sum(c.households) AS reached ${REACH_AREA} AND c."isExtremePoor" AND c.active GROUP BY 1`,
      appFigure: (rows: { reached: number }[]) => sum(rows, "reached"),
      sqlFigure: (rows) => sum(rows, "reached"),
    },
    unreachedHouseholds: {
      sql: `SELECT h.id FROM "Household" h
             WHERE h."tenantId" = $1 AND h."isExtremePoor" AND h.status = 'ACTIVE'
               AND NOT EXISTS (SELECT 1 FROM "HouseholdReach" r WHERE r."tenantId" = $1 AND r."fiscalYear" = $2 AND r."householdId" = h.id)
             ORDER BY h.desil NULLS LAST, h.id LIMIT 50`,
      appFigure: (page: { rows: object[] }) => count(page.rows),
      sqlFigure: (rows) => count(rows),
    },
    unreachedCount: {
      sql: `SELECT count(*)::int AS n FROM "Household" h
             WHERE h."tenantId" = $1 AND h."isExtremePoor" AND h.status = 'ACTIVE'
               AND NOT EXISTS (SELECT 1 FROM "HouseholdReach" r WHERE r."tenantId" = $1 AND r."fiscalYear" = $2 AND r."householdId" = h.id)`,
      appFigure: (n: number) => n,
      sqlFigure: (rows) => first(rows, "n"),
    },
    overlapByOpd: {
      sql: `SELECT c."opdId", sum(c.households) AS households ${REACH_OPD} GROUP BY 1`,
      appFigure: (rows: { households: number }[]) => sum(rows, "households"),
      sqlFigure: (rows) => sum(rows, "households"),
    },
    overlapDepth: {
      sql: `SELECT c.opds, sum(c.households) AS households ${REACH_AREA} GROUP BY 1`,
      appFigure: (rows: { households: number }[]) => sum(rows, "households"),
      sqlFigure: (rows) => sum(rows, "households"),
    },
    targeting: {
      sql: `SELECT sum(c.households) AS beneficiaries ${REACH_AREA}`,
      appFigure: (result: Targeting) => result.beneficiaries,
      sqlFigure: (rows) => first(rows, "beneficiaries"),
    },
    targetingByOpd: {
      sql: `SELECT c."opdId", sum(c.households) AS beneficiaries ${REACH_OPD} GROUP BY 1`,
      appFigure: (rows: { beneficiaries: number }[]) => sum(rows, "beneficiaries"),
      sqlFigure: (rows) => sum(rows, "beneficiaries"),
    },
    graduationsByMonth: {
      sql: `SELECT extract(month FROM e."effectiveDate") AS month, count(*) FILTER (WHERE e."toStatus" = 'GRADUATED' AND e."fromStatus" IS DISTINCT FROM 'GRADUATED') AS graduated
              FROM "HouseholdStatusEvent" e
             WHERE e."tenantId" = $1 AND e."effectiveDate" >= make_date($2, 1, 1) AND e."effectiveDate" < make_date($2 + 1, 1, 1) GROUP BY 1`,
      appFigure: (rows: { graduated: number }[]) => sum(rows, "graduated"),
      sqlFigure: (rows) => sum(rows, "graduated"),
    },
    targetProgress: {
      sql: `SELECT sum(c.households) AS current ${ACTIVE_COUNTS} AND c."isExtremePoor"`,
      appFigure: (result: TargetProgress) => result.current,
      sqlFigure: (rows) => first(rows, "current"),
    },
  },
  results: {
    totals: {
      sql: `${RESULT_PARTS("'city'::text")}
            SELECT m.realised, t.trained, t.businesses, r.reached, r.graduates
              FROM money m FULL JOIN training t USING (key) FULL JOIN
                   (SELECT 'city'::text AS key, sum(c.reached) AS reached, sum(c.graduates) AS graduates ${REACH_RESULT} AND c.kind = 'city') r USING (key)`,
      appFigure: (result: ResultFigures) => result.reached,
      sqlFigure: (rows) => first(rows, "reached"),
    },
    reached: {
      sql: `SELECT sum(c.reached) AS reached ${REACH_RESULT} AND c.kind = 'city'`,
      appFigure: (result: number) => result,
      sqlFigure: (rows) => first(rows, "reached"),
    },
    byOpd: {
      sql: `${RESULT_PARTS('g."opdId"')}
            SELECT o.id, o."shortName", o.name, m.realised, t.trained, t.businesses, r.reached, r.graduates
              FROM "Opd" o JOIN (SELECT DISTINCT "opdId" FROM g) k ON k."opdId" = o.id
              LEFT JOIN money m ON m.key = o.id LEFT JOIN training t ON t.key = o.id
              LEFT JOIN (SELECT c.key, sum(c.reached) AS reached, sum(c.graduates) AS graduates ${REACH_RESULT} AND c.kind = 'owner' GROUP BY 1) r
                ON r.key = o.id
             WHERE o."tenantId" = $1 ORDER BY o.code`,
      appFigure: (rows: { reached: number }[]) => sum(rows, "reached"),
      sqlFigure: (rows) => sum(rows, "reached"),
    },
    byProgramme: {
      sql: `${RESULT_PARTS("g.id")}
            SELECT p.id, p.name, o."shortName", m.realised, t.trained, t.businesses, r.reached, r.graduates
              FROM g JOIN "Programme" p ON p."tenantId" = $1 AND p.id = g.id JOIN "Opd" o ON o."tenantId" = $1 AND o.id = p."opdId"
              LEFT JOIN money m ON m.key = g.id LEFT JOIN training t ON t.key = g.id
              LEFT JOIN (SELECT c.key, sum(c.reached) AS reached, sum(c.graduates) AS graduates ${REACH_RESULT} AND c.kind = 'programme' GROUP BY 1) r
                ON r.key = g.id
             ORDER BY o.code, p.name`,
      appFigure: (rows: { reached: number }[]) => sum(rows, "reached"),
      sqlFigure: (rows) => sum(rows, "reached"),
    },
    bySipdProgramme: {
      sql: `${RESULT_PARTS("g.id")}
            SELECT left(p."sipdCode", 7) AS code, sum(m.realised) AS realised, sum(t.trained) AS trained, sum(t.businesses) AS businesses
              FROM g JOIN "Programme" p ON p."tenantId" = $1 AND p.id = g.id LEFT JOIN money m ON m.key = g.id LEFT JOIN training t ON t.key = g.id GROUP BY 1`,
      appFigure: (rows: { trained: number }[]) => sum(rows, "trained"),
      sqlFigure: (rows) => sum(rows, "trained"),
    },
    bySipdKegiatan: {
      sql: `${RESULT_PARTS("g.id")}
            SELECT left(p."sipdCode", 12) AS code, sum(m.realised) AS realised, sum(t.trained) AS trained, sum(t.businesses) AS businesses
              FROM g JOIN "Programme" p ON p."tenantId" = $1 AND p.id = g.id LEFT JOIN money m ON m.key = g.id LEFT JOIN training t ON t.key = g.id GROUP BY 1`,
      appFigure: (rows: { trained: number }[]) => sum(rows, "trained"),
      sqlFigure: (rows) => sum(rows, "trained"),
    },
  },
  budget: {
    summary: {
      sql: `WITH l AS (${LINE_SUMS}),
                 months AS (SELECT LEAST(12, GREATEST(0, (extract(year FROM now() AT TIME ZONE t."timeZone")::int - $2) * 12
                                   + extract(month FROM now() AT TIME ZONE t."timeZone")::int - 1)) AS n FROM "Tenant" t WHERE t.id = $1)
            SELECT l."fundingSource" = 'FISCAL_INCENTIVE' AS incentive, sum(l.pagu) AS pagu, sum(l.realised) AS realised,
                   sum(l.pending_n) AS pending_n, sum(l.pending) AS pending,
                   (SELECT count(*) FROM (SELECT sum(pagu) AS pagu, sum(realised) AS realised FROM l GROUP BY "programmeId") p, months
                     WHERE p.pagu > 0 AND (p.realised * 12 - months.n * p.pagu) * 100 < -15 * p.pagu * 12) AS behind
              FROM l GROUP BY 1`,
      appFigure: (result: BudgetSummary) => Number(result.total.realised),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    byOpd: {
      sql: `SELECT o.id, o."shortName", o.name, sum(l.pagu) AS pagu, sum(l.realised) AS realised, sum(l.pending_n) AS pending_n,
                   sum(l.pending) AS pending, sum(l.pagu) FILTER (WHERE l."fundingSource" = 'FISCAL_INCENTIVE') AS fi_pagu,
                   sum(l.realised) FILTER (WHERE l."fundingSource" = 'FISCAL_INCENTIVE') AS fi_realised
              FROM (${LINE_SUMS}) l JOIN "Opd" o ON o."tenantId" = $1 AND o.id = l."opdId"
             GROUP BY o.id, o."shortName", o.name, o.code ORDER BY o.code`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    byProgramme: {
      sql: `SELECT "programmeId", sum(realised) AS realised FROM (${LINE_SUMS}) l GROUP BY 1`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    bySipdProgramme: {
      sql: `SELECT left(p."sipdCode", 7) AS code, sum(l.pagu) AS pagu, sum(l.realised) AS realised
              FROM (${LINE_SUMS}) l JOIN "Programme" p ON p."tenantId" = $1 AND p.id = l."programmeId" GROUP BY 1`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    bySipdKegiatan: {
      sql: `SELECT left(p."sipdCode", 12) AS code, sum(l.pagu) AS pagu, sum(l.realised) AS realised
              FROM (${LINE_SUMS}) l JOIN "Programme" p ON p."tenantId" = $1 AND p.id = l."programmeId" GROUP BY 1`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    bySource: {
      sql: `SELECT "fundingSource", sum(realised) AS realised FROM (${LINE_SUMS}) l GROUP BY 1`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    monthlyCurve: {
      sql: `SELECT x.month, sum(x.amount) AS realised FROM "BudgetRealisation" x
              JOIN "BudgetLine" bl ON bl."tenantId" = x."tenantId" AND bl.id = x."budgetLineId"
              JOIN "Programme" p ON p."tenantId" = bl."tenantId" AND p.id = bl."programmeId" AND p."fiscalYear" = $2
             WHERE x."tenantId" = $1 AND x.status = 'VERIFIED' GROUP BY 1`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
  },
  revolvingFunds: {
    byKelurahan: {
      sql: `${FUND_LENT},
            per_kelurahan AS (SELECT "kelurahanId", ${FUND_MEASURES} FROM lent GROUP BY 1)
            SELECT k.id, k.name, kc.name AS kecamatan, p.disbursed, p.outstanding, p.paid_on_time, p.due, p.par30, p.loans, p.youth,
                   p.businesses, r.rounds
              FROM "RevolvingFund" f JOIN "Area" k ON k."tenantId" = $1 AND k.id = f."kelurahanId"
              JOIN "Area" kc ON kc."tenantId" = $1 AND kc.id = k."parentId"
              LEFT JOIN per_kelurahan p ON p."kelurahanId" = f."kelurahanId"
              LEFT JOIN rounds r ON r."kelurahanId" = f."kelurahanId"
             WHERE f."tenantId" = $1 AND f.year = $2 ORDER BY kc.name, k.name`,
      appFigure: (rows: { disbursed: bigint }[]) => sum(rows, "disbursed"),
      sqlFigure: (rows) => sum(rows, "disbursed"),
    },
    totals: {
      sql: `${FUND_LENT}
            SELECT ${FUND_MEASURES}, (SELECT sum(rounds) FROM rounds) AS rounds,
                   (SELECT count(*) FROM "RevolvingFund" WHERE "tenantId" = $1 AND year = $2) AS funds,
                   (SELECT sum(c.amount) FROM "RevolvingFundCapital" c JOIN "RevolvingFund" f ON f."tenantId" = $1 AND f.id = c."fundId"
                     WHERE c."tenantId" = $1 AND f.year = $2) AS capital
              FROM lent`,
      appFigure: (result: RevolvingFundsDashboardTotals) => Number(result.dueToDate),
      sqlFigure: (rows) => first(rows, "due"),
    },
    ageing: {
      sql: `SELECT CASE WHEN "nextDueDate" IS NULL OR "nextDueDate" >= current_date THEN 0
                        WHEN current_date - "nextDueDate" <= 30 THEN 1 WHEN current_date - "nextDueDate" <= 60 THEN 2
                        WHEN current_date - "nextDueDate" <= 90 THEN 3 ELSE 4 END AS bucket,
                   count(*) AS loans, sum(principal - "principalRepaid") AS outstanding
              FROM "Loan" l JOIN "RevolvingFund" f ON f."tenantId" = l."tenantId" AND f.id = l."fundId"
             WHERE l."tenantId" = $1 AND f.year = $2 AND l.status = 'DISBURSED' GROUP BY 1`,
      appFigure: (rows: { outstanding: bigint }[]) => sum(rows, "outstanding"),
      sqlFigure: (rows) => sum(rows, "outstanding"),
    },
  },
};
