// The benchmark's yardstick: each dashboard figure computed by one SQL statement written for
// the job, run on a plain owner connection (no Prisma, no tenant-scope transaction, no
// row-level security), with the tenant and year as parameters $1 and $2. Each also names
// the figure both sides must agree on, so a fast wrong answer cannot pass for a ratio.
import type { BudgetSummary } from "@/lib/dashboards/budget/queries";
import type { FundRollupTotals } from "@/lib/dashboards/fund-rollup/queries";
import type { Coverage, Targeting, TargetProgress } from "@/lib/dashboards/poverty/queries";
import type { ResultFigures } from "@/lib/dashboards/results/queries";
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
// Distinct reached households are counts the triggers derive from HouseholdReach (migrations
// reach_counts, reach_result_counts); the yardstick reads the same counts, as it reads
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

/** Loans lent from the year's funds, with the kelurahan. */
const LENT = `
  SELECT f."kelurahanId", l.* FROM "Loan" l
    JOIN "RevolvingFund" f ON f."tenantId" = l."tenantId" AND f.id = l."fundId"
   WHERE l."tenantId" = $1 AND f.year = $2 AND l.status IN ('DISBURSED', 'REPAID', 'WRITTEN_OFF')`;

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
      sql: `SELECT l.id, coalesce(s.h, 0) AS households, coalesce(s.e, 0) AS extreme FROM "Area" l
              LEFT JOIN (SELECT c."kelurahanId", sum(c.households) AS h, sum(c.households) FILTER (WHERE c."isExtremePoor") AS e
                           ${ACTIVE_COUNTS} GROUP BY 1) s ON s."kelurahanId" = l.id
             WHERE l."tenantId" = $1 AND l.level = 'KELURAHAN' ORDER BY l.code`,
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
      appFigure: (rows: object[]) => count(rows),
      sqlFigure: (rows) => count(rows),
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
      sql: `SELECT sum(c.reached) AS reached ${REACH_RESULT} AND c.kind = 'city'`,
      appFigure: (result: ResultFigures) => result.reached,
      sqlFigure: (rows) => first(rows, "reached"),
    },
    byOpd: {
      sql: `SELECT c.key, sum(c.reached) AS reached ${REACH_RESULT} AND c.kind = 'owner' GROUP BY 1`,
      appFigure: (rows: { reached: number }[]) => sum(rows, "reached"),
      sqlFigure: (rows) => sum(rows, "reached"),
    },
    byProgramme: {
      sql: `SELECT c.key, sum(c.reached) AS reached ${REACH_RESULT} AND c.kind = 'programme' GROUP BY 1`,
      appFigure: (rows: { reached: number }[]) => sum(rows, "reached"),
      sqlFigure: (rows) => sum(rows, "reached"),
    },
  },
  budget: {
    summary: {
      sql: `SELECT sum(realised) AS realised FROM (${LINE_SUMS}) l`,
      appFigure: (result: BudgetSummary) => Number(result.total.realised),
      sqlFigure: (rows) => first(rows, "realised"),
    },
    byOpd: {
      sql: `SELECT "opdId", sum(realised) AS realised FROM (${LINE_SUMS}) l GROUP BY 1`,
      appFigure: (rows: { realised: bigint }[]) => sum(rows, "realised"),
      sqlFigure: (rows) => sum(rows, "realised"),
    },
    byProgramme: {
      sql: `SELECT "programmeId", sum(realised) AS realised FROM (${LINE_SUMS}) l GROUP BY 1`,
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
  fundRollup: {
    byKelurahan: {
      sql: `SELECT "kelurahanId", sum(principal) AS disbursed, count(*) AS loans FROM (${LENT}) l GROUP BY 1`,
      appFigure: (rows: { disbursed: bigint }[]) => sum(rows, "disbursed"),
      sqlFigure: (rows) => sum(rows, "disbursed"),
    },
    totals: {
      sql: `SELECT sum(principal - "principalRepaid") FILTER (WHERE status = 'DISBURSED') AS outstanding FROM (${LENT}) l`,
      appFigure: (result: FundRollupTotals) => Number(result.outstanding),
      sqlFigure: (rows) => first(rows, "outstanding"),
    },
    ageing: {
      sql: `SELECT CASE WHEN "nextDueDate" IS NULL OR "nextDueDate" >= current_date THEN 0
                        WHEN current_date - "nextDueDate" <= 30 THEN 1 WHEN current_date - "nextDueDate" <= 60 THEN 2
                        WHEN current_date - "nextDueDate" <= 90 THEN 3 ELSE 4 END AS bucket,
                   count(*) AS loans, sum(principal - "principalRepaid") AS outstanding
              FROM (${LENT}) l WHERE status = 'DISBURSED' GROUP BY 1`,
      appFigure: (rows: { outstanding: bigint }[]) => sum(rows, "outstanding"),
      sqlFigure: (rows) => sum(rows, "outstanding"),
    },
  },
};
