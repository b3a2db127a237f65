// Every figure of the Bapeda poverty dashboard, computed by the database.
//
// Each function is `(tx, filters) => Promise<…>` and runs inside `withTenant`: raw SQL is
// not rewritten by the scoped client, so every statement names its tenant itself with
// `scopeTenantId()` bound as a parameter (the scope's tenant; row-level security
// checks the same underneath). A benchmark times each at 1,000,000 households, so they read
// the two summaries that database triggers keep current on every write (prisma/sql/summaries,
// map in docs/dashboards.md) rather than the registry and entry tables:
// - "HouseholdAreaCount": households per kelurahan × desil × extreme flag × status;
// - "HouseholdReach": households reached per fiscal year × programme × OPD — the one
//   definition of "reached", read through lib/reach (reachWhere) — and the distinct-household
//   counts that triggers on it derive (prisma/sql/summaries/reach-counts.sql: ReachAreaCount, ReachOpdCount,
//   ReachProgrammeCount; see reachCounts below), so no figure counts DISTINCT over 2.6M rows.
// Only the named list and the graduations read base tables, through tenant-led indexes.
//
// Registry figures count ACTIVE households. The fiscal year of an entry is its programme's.
import { loadKelurahanLabels } from "@/features/areas/labels";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { reachWhere } from "@/lib/reach/reached";
import { unreachedCount, unreachedPage, type UnreachedPageOptions } from "@/features/dashboards/poverty/unreached";
import { reachCounts } from "@/features/dashboards/poverty/reach-summaries";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/** Households that the dashboard calls "eligible": extreme-poor, or in desil 1–4 (P3KE). */
const ELIGIBLE = Prisma.sql`("isExtremePoor" OR desil BETWEEN 1 AND 4)`;

function countsWhere(filters: DashboardFilters, alias = "c"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const parts = [Prisma.sql`${a}."tenantId" = ${scopeTenantId()}`, Prisma.sql`${a}.status = 'ACTIVE'`];
  if (filters.kecamatanId) parts.push(Prisma.sql`${a}."kecamatanId" = ${filters.kecamatanId}`);
  return Prisma.join(parts, " AND ");
}

/** ReachOpdCount rows (alias `c`) of the year and kecamatan, narrowed to one OPD if chosen. */
function opdCountsWhere(filters: DashboardFilters): Prisma.Sql {
  const parts = [Prisma.sql`c."tenantId" = ${scopeTenantId()}`, Prisma.sql`c."fiscalYear" = ${filters.year}`];
  if (filters.kecamatanId) parts.push(Prisma.sql`c."kecamatanId" = ${filters.kecamatanId}`);
  if (filters.opdId) parts.push(Prisma.sql`c."opdId" = ${filters.opdId}`);
  return Prisma.join(parts, " AND ");
}

export type AreaRegistryRow = {
  areaId: string;
  name: string;
  kecamatanId: string;
  kecamatanName: string;
  households: number;
  extremePoor: number;
  desil1to4: number;
};

/** Active households, extreme-poor and desil 1–4 households per kelurahan (all kelurahan, even empty). */
async function registryByKelurahan(tx: Tx, filters: DashboardFilters): Promise<AreaRegistryRow[]> {
  const [rows, labels] = await Promise.all([kelurahanRegistryRows(tx, filters), loadKelurahanLabels(tx)]);
  return rows.map((row) => ({ ...row, name: labels.get(row.areaId) ?? row.name }));
}

function kelurahanRegistryRows(tx: Tx, filters: DashboardFilters): Promise<AreaRegistryRow[]> {
  return tx.$queryRaw<AreaRegistryRow[]>`
    SELECT l.id AS "areaId", l.name, k.id AS "kecamatanId", k.name AS "kecamatanName",
           coalesce(c.households, 0)::int AS households, coalesce(c."extremePoor", 0)::int AS "extremePoor",
           coalesce(c."desil1to4", 0)::int AS "desil1to4"
      FROM "Area" l
      JOIN "Area" k ON k."tenantId" = l."tenantId" AND k.id = l."parentId"
      LEFT JOIN (${activeCountsBy(Prisma.sql`"kelurahanId"`)}) c ON c."areaId" = l.id
     WHERE l."tenantId" = ${scopeTenantId()} AND l.level = 'KELURAHAN'
       ${filters.kecamatanId ? Prisma.sql`AND k.id = ${filters.kecamatanId}` : Prisma.empty}
     ORDER BY k.code, l.code`;
}

/** The same per kecamatan. */
function registryByKecamatan(tx: Tx, filters: DashboardFilters): Promise<AreaRegistryRow[]> {
  return tx.$queryRaw<AreaRegistryRow[]>`
    SELECT k.id AS "areaId", k.name, k.id AS "kecamatanId", k.name AS "kecamatanName",
           coalesce(c.households, 0)::int AS households, coalesce(c."extremePoor", 0)::int AS "extremePoor",
           coalesce(c."desil1to4", 0)::int AS "desil1to4"
      FROM "Area" k
      LEFT JOIN (${activeCountsBy(Prisma.sql`"kecamatanId"`)}) c ON c."areaId" = k.id
     WHERE k."tenantId" = ${scopeTenantId()} AND k.level = 'KECAMATAN'
       ${filters.kecamatanId ? Prisma.sql`AND k.id = ${filters.kecamatanId}` : Prisma.empty}
     ORDER BY k.code`;
}

/** Active households, extreme-poor and desil 1–4, per area column of HouseholdAreaCount: summed before any join. */
function activeCountsBy(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${column} AS "areaId", sum(households) AS households, sum(households) FILTER (WHERE "isExtremePoor") AS "extremePoor",
           sum(households) FILTER (WHERE desil BETWEEN 1 AND 4) AS "desil1to4"
      FROM "HouseholdAreaCount" WHERE "tenantId" = ${scopeTenantId()} AND status = 'ACTIVE' GROUP BY 1`;
}

export type DesilRow = { desil: number | null; households: number; extremePoor: number };

/** Active households per desil (null: no desil recorded), desil 1 first. */
async function desilDistribution(tx: Tx, filters: DashboardFilters): Promise<DesilRow[]> {
  const rows = await tx.$queryRaw<{ desil: number; households: number; extremePoor: number }[]>`
    SELECT c.desil, sum(c.households)::int AS households,
           coalesce(sum(c.households) FILTER (WHERE c."isExtremePoor"), 0)::int AS "extremePoor"
      FROM "HouseholdAreaCount" c
     WHERE ${countsWhere(filters)}
     GROUP BY c.desil
    HAVING sum(c.households) > 0
     ORDER BY c.desil = 0, c.desil`;
  return rows.map((row) => ({ ...row, desil: row.desil === 0 ? null : row.desil }));
}

/** Active extreme-poor households reached under the filters, as a scalar subquery. */
function reachedExtremeSql(filters: DashboardFilters): Prisma.Sql {
  const counts = reachCounts(filters);
  if (counts) {
    return Prisma.sql`(SELECT coalesce(sum(c.households), 0)::int FROM ${counts.from} WHERE ${counts.where} AND c."isExtremePoor" AND c.active)`;
  }
  return Prisma.sql`(SELECT count(DISTINCT r."householdId")::int FROM "HouseholdReach" r
             WHERE ${reachWhere(filters)} AND r."isExtremePoor" AND r.active)`;
}

export type Coverage = { extremePoor: number; reached: number; unreached: number };

/**
 * Coverage: active extreme-poor households reached this fiscal year by at least one verified
 * entry (of the chosen OPD / programme), over all active extreme-poor households.
 */
async function coverage(tx: Tx, filters: DashboardFilters): Promise<Coverage> {
  const [row] = await tx.$queryRaw<{ extremePoor: number; reached: number }[]>`
    SELECT (SELECT coalesce(sum(c.households), 0)::int FROM "HouseholdAreaCount" c
             WHERE ${countsWhere(filters)} AND c."isExtremePoor") AS "extremePoor",
           ${reachedExtremeSql(filters)} AS reached`;
  const extremePoor = row?.extremePoor ?? 0;
  const reached = row?.reached ?? 0;
  return { extremePoor, reached, unreached: extremePoor - reached };
}

export type KelurahanCoverageRow = {
  kelurahanId: string;
  name: string;
  kecamatanId: string;
  kecamatanName: string;
  extremePoor: number;
  reached: number;
  unreached: number;
};

function reachedExtremeByKelurahan(filters: DashboardFilters): Prisma.Sql {
  const counts = reachCounts(filters);
  if (counts) {
    return Prisma.sql`SELECT c."kelurahanId", sum(c.households)::int AS n FROM ${counts.from}
       WHERE ${counts.where} AND c."isExtremePoor" AND c.active GROUP BY c."kelurahanId"`;
  }
  return Prisma.sql`SELECT r."kelurahanId", count(DISTINCT r."householdId")::int AS n FROM "HouseholdReach" r
       WHERE ${reachWhere(filters)} AND r."isExtremePoor" AND r.active GROUP BY r."kelurahanId"`;
}

/** Per kelurahan: extreme-poor households, those reached, those nobody reached — most unreached first. */
async function coverageByKelurahan(tx: Tx, filters: DashboardFilters): Promise<KelurahanCoverageRow[]> {
  const [rows, labels] = await Promise.all([kelurahanCoverageRows(tx, filters), loadKelurahanLabels(tx)]);
  return rows.map((row) => ({ ...row, name: labels.get(row.kelurahanId) ?? row.name }));
}

function kelurahanCoverageRows(tx: Tx, filters: DashboardFilters): Promise<KelurahanCoverageRow[]> {
  return tx.$queryRaw<KelurahanCoverageRow[]>`
    WITH extreme AS (
      SELECT c."kelurahanId", sum(c.households)::int AS n FROM "HouseholdAreaCount" c
       WHERE ${countsWhere(filters)} AND c."isExtremePoor" GROUP BY c."kelurahanId"
    ), reached AS (
      ${reachedExtremeByKelurahan(filters)}
    )
    SELECT l.id AS "kelurahanId", l.name, k.id AS "kecamatanId", k.name AS "kecamatanName",
           e.n AS "extremePoor", coalesce(x.n, 0) AS reached, (e.n - coalesce(x.n, 0)) AS unreached
      FROM extreme e
      JOIN "Area" l ON l."tenantId" = ${scopeTenantId()} AND l.id = e."kelurahanId"
      JOIN "Area" k ON k."tenantId" = l."tenantId" AND k.id = l."parentId"
      LEFT JOIN reached x ON x."kelurahanId" = e."kelurahanId"
     WHERE e.n > 0
     ORDER BY unreached DESC, "extremePoor" DESC, l.name`;
}

export type { UnreachedHousehold } from "@/features/dashboards/poverty/unreached";
export type UnreachedListOptions = UnreachedPageOptions;

/**
 * Active extreme-poor households that no programme (of the chosen OPD / programme) reached
 * this fiscal year, poorest first: the work list's page (unreached.ts). Personal data: only
 * for roles with registry:read-personal.
 */
const unreachedHouseholds = unreachedPage;

export type OpdOverlapRow = { opdId: string; name: string; households: number; shared: number };

/** Per OPD: households it served this year, and how many of them another OPD served too. */
function overlapByOpd(tx: Tx, filters: DashboardFilters): Promise<OpdOverlapRow[]> {
  // The OPD filter narrows the rows shown, never which other OPDs count as "another".
  if (!filters.programmeId) {
    // ReachOpdCount's `shared`: another OPD reached the household this year too.
    return tx.$queryRaw<OpdOverlapRow[]>`
      SELECT c."opdId", o."shortName" AS name, sum(c.households)::int AS households,
             coalesce(sum(c.households) FILTER (WHERE c.shared), 0)::int AS shared
        FROM "ReachOpdCount" c
        JOIN "Opd" o ON o."tenantId" = ${scopeTenantId()} AND o.id = c."opdId"
       WHERE ${opdCountsWhere(filters)}
       GROUP BY c."opdId", o."shortName"
      HAVING sum(c.households) > 0
       ORDER BY households DESC, o."shortName"`;
  }
  // Within one programme "another OPD" means another OPD of that programme: counted here.
  const served = reachWhere({ ...filters, opdId: null });
  return tx.$queryRaw<OpdOverlapRow[]>`
    WITH served AS (
      SELECT DISTINCT r."opdId", r."householdId" FROM "HouseholdReach" r WHERE ${served}
    ), many AS (
      SELECT "householdId" FROM served GROUP BY "householdId" HAVING count(*) > 1
    )
    SELECT s."opdId", o."shortName" AS name, count(*)::int AS households,
           count(m."householdId")::int AS shared
      FROM served s
      JOIN "Opd" o ON o."tenantId" = ${scopeTenantId()} AND o.id = s."opdId"
      LEFT JOIN many m ON m."householdId" = s."householdId"
     ${filters.opdId ? Prisma.sql`WHERE s."opdId" = ${filters.opdId}` : Prisma.empty}
     GROUP BY s."opdId", o."shortName"
     ORDER BY households DESC, o."shortName"`;
}

export type OverlapDepthRow = { opds: number; households: number };

/** Households by the number of OPDs that served them this year (1, 2, 3 …). */
function overlapDepth(tx: Tx, filters: DashboardFilters): Promise<OverlapDepthRow[]> {
  const counts = reachCounts({ ...filters, opdId: null, programmeId: null });
  if (!counts) throw new Error("unreachable: no OPD or programme filter");
  return tx.$queryRaw<OverlapDepthRow[]>`
    SELECT c.opds, sum(c.households)::int AS households FROM ${counts.from}
     WHERE ${counts.where}
     GROUP BY c.opds HAVING sum(c.households) > 0 ORDER BY c.opds`;
}

export type Targeting = {
  /** Distinct households reached (beneficiaries). */
  beneficiaries: number;
  extremePoor: number;
  /** Desil 1–4, not extreme-poor. */
  desil1to4: number;
  /** Neither: the inclusion error. */
  outside: number;
  /** Active extreme-poor or desil 1–4 households. */
  eligible: number;
  eligibleReached: number;
  /** Eligible and not reached: the exclusion error. */
  eligibleUnreached: number;
};

/**
 * Targeting accuracy: of the households the programmes reached, how many were extreme-poor or
 * in desil 1–4 (the rest is the inclusion error); of the eligible, how many nobody reached
 * (the exclusion error). Beneficiaries are counted whatever their status now.
 */
async function targeting(tx: Tx, filters: DashboardFilters): Promise<Targeting> {
  const counts = reachCounts(filters);
  // Desil 0 in the count tables: none recorded.
  const [row] = counts
    ? await tx.$queryRaw<Omit<Targeting, "eligibleUnreached">[]>`
    SELECT coalesce(sum(c.households), 0)::int AS beneficiaries,
           coalesce(sum(c.households) FILTER (WHERE c."isExtremePoor"), 0)::int AS "extremePoor",
           coalesce(sum(c.households) FILTER (WHERE NOT c."isExtremePoor" AND c.desil BETWEEN 1 AND 4), 0)::int AS "desil1to4",
           coalesce(sum(c.households) FILTER (WHERE NOT c."isExtremePoor" AND (c.desil = 0 OR c.desil > 4)), 0)::int AS outside,
           coalesce(sum(c.households) FILTER (WHERE c.active AND (c."isExtremePoor" OR c.desil BETWEEN 1 AND 4)), 0)::int AS "eligibleReached",
           (SELECT coalesce(sum(c.households), 0)::int FROM "HouseholdAreaCount" c
             WHERE ${countsWhere(filters)} AND ${ELIGIBLE}) AS eligible
      FROM ${counts.from} WHERE ${counts.where}`
    : await tx.$queryRaw<Omit<Targeting, "eligibleUnreached">[]>`
    WITH beneficiaries AS (
      SELECT r."householdId", bool_or(r."isExtremePoor") AS extreme, min(r.desil) AS desil, bool_or(r.active) AS active
        FROM "HouseholdReach" r WHERE ${reachWhere(filters)} GROUP BY r."householdId"
    )
    SELECT count(*)::int AS beneficiaries,
           count(*) FILTER (WHERE extreme)::int AS "extremePoor",
           count(*) FILTER (WHERE NOT extreme AND desil BETWEEN 1 AND 4)::int AS "desil1to4",
           count(*) FILTER (WHERE NOT extreme AND (desil IS NULL OR desil > 4))::int AS outside,
           count(*) FILTER (WHERE active AND (extreme OR desil BETWEEN 1 AND 4))::int AS "eligibleReached",
           (SELECT coalesce(sum(c.households), 0)::int FROM "HouseholdAreaCount" c
             WHERE ${countsWhere(filters)} AND ${ELIGIBLE}) AS eligible
      FROM beneficiaries`;
  const result = row ?? { beneficiaries: 0, extremePoor: 0, desil1to4: 0, outside: 0, eligible: 0, eligibleReached: 0 };
  return { ...result, eligibleUnreached: result.eligible - result.eligibleReached };
}

export type OpdTargetingRow = { opdId: string; name: string; beneficiaries: number; extremePoor: number; desil1to4: number; outside: number };

/** The same targeting split per OPD. */
function targetingByOpd(tx: Tx, filters: DashboardFilters): Promise<OpdTargetingRow[]> {
  if (!filters.programmeId) {
    return tx.$queryRaw<OpdTargetingRow[]>`
      SELECT c."opdId", o."shortName" AS name, sum(c.households)::int AS beneficiaries,
             coalesce(sum(c.households) FILTER (WHERE c."isExtremePoor"), 0)::int AS "extremePoor",
             coalesce(sum(c.households) FILTER (WHERE NOT c."isExtremePoor" AND c.desil BETWEEN 1 AND 4), 0)::int AS "desil1to4",
             coalesce(sum(c.households) FILTER (WHERE NOT c."isExtremePoor" AND (c.desil = 0 OR c.desil > 4)), 0)::int AS outside
        FROM "ReachOpdCount" c JOIN "Opd" o ON o."tenantId" = ${scopeTenantId()} AND o.id = c."opdId"
       WHERE ${opdCountsWhere(filters)}
       GROUP BY c."opdId", o."shortName"
      HAVING sum(c.households) > 0
       ORDER BY beneficiaries DESC, o."shortName"`;
  }
  // Narrowed to one programme: its slice of HouseholdReach.
  return tx.$queryRaw<OpdTargetingRow[]>`
    WITH per_opd AS (
      SELECT r."opdId", r."householdId", bool_or(r."isExtremePoor") AS extreme, min(r.desil) AS desil
        FROM "HouseholdReach" r WHERE ${reachWhere(filters)} GROUP BY r."opdId", r."householdId"
    )
    SELECT p."opdId", o."shortName" AS name, count(*)::int AS beneficiaries,
           count(*) FILTER (WHERE extreme)::int AS "extremePoor",
           count(*) FILTER (WHERE NOT extreme AND desil BETWEEN 1 AND 4)::int AS "desil1to4",
           count(*) FILTER (WHERE NOT extreme AND (desil IS NULL OR desil > 4))::int AS outside
      FROM per_opd p JOIN "Opd" o ON o."tenantId" = ${scopeTenantId()} AND o.id = p."opdId"
     GROUP BY p."opdId", o."shortName"
     ORDER BY beneficiaries DESC, o."shortName"`;
}

export type GraduationMonth = { month: number; exitedExtreme: number; graduated: number; graduatedReached: number };

/**
 * Per month of the year: households that left extreme poverty, households of the whole registry
 * that graduated out of poverty (HouseholdStatusEvent, by effective date), and of those the
 * households a programme of the year reached — the mayor's "graduates", counted once each in
 * the month of their first graduation of the year. The year runs 1 January to 31 December of
 * the city's calendar: an event's effective date is a date in the city, compared as a date.
 * All twelve months.
 */
function graduationsByMonth(tx: Tx, filters: DashboardFilters): Promise<GraduationMonth[]> {
  // The year's events counted per month; and the year's graduates among the reached, which the
  // trigger-kept year reach marks (a GRADUATED event dated within the year: its partial index
  // holds them alone), each with the month of its first such event. Starting from every
  // graduation of the year and looking each household up in the year reach took 280 ms at
  // 1,000,000 households (10,000 lookups), a second before that.
  const kecamatanOfEvent = filters.kecamatanId
    ? Prisma.sql`JOIN "Household" h ON h."tenantId" = ev."tenantId" AND h.id = ev."householdId" AND h."kecamatanId" = ${filters.kecamatanId}`
    : Prisma.empty;
  const kecamatanOfReach = filters.kecamatanId ? Prisma.sql`AND y."kecamatanId" = ${filters.kecamatanId}` : Prisma.empty;
  const inYear = Prisma.sql`ev."effectiveDate" >= make_date(${filters.year}::int, 1, 1) AND ev."effectiveDate" < make_date(${filters.year}::int + 1, 1, 1)`;
  return tx.$queryRaw<GraduationMonth[]>`
    SELECT m.month,
           coalesce(a."exitedExtreme", 0)::int AS "exitedExtreme",
           coalesce(a.graduated, 0)::int AS graduated,
           coalesce(g."graduatedReached", 0)::int AS "graduatedReached"
      FROM generate_series(1, 12) AS m(month)
      LEFT JOIN (
        SELECT extract(month FROM ev."effectiveDate")::int AS month,
               count(*) FILTER (WHERE ev."fromExtremePoor" AND NOT ev."toExtremePoor") AS "exitedExtreme",
               count(*) FILTER (WHERE ev."toStatus" = 'GRADUATED' AND ev."fromStatus" IS DISTINCT FROM 'GRADUATED') AS graduated
          FROM "HouseholdStatusEvent" ev ${kecamatanOfEvent}
         WHERE ev."tenantId" = ${scopeTenantId()} AND ${inYear}
         GROUP BY 1
      ) a ON a.month = m.month
      LEFT JOIN (
        SELECT extract(month FROM first."effectiveDate")::int AS month, count(*) AS "graduatedReached"
          FROM "HouseholdYearReach" y
          CROSS JOIN LATERAL (
            SELECT ev."effectiveDate" FROM "HouseholdStatusEvent" ev
             WHERE ev."tenantId" = y."tenantId" AND ev."householdId" = y."householdId" AND ev."toStatus" = 'GRADUATED' AND ${inYear}
             ORDER BY ev."effectiveDate", ev.id LIMIT 1
          ) first
         WHERE y."tenantId" = ${scopeTenantId()} AND y."fiscalYear" = ${filters.year} AND y."graduated" ${kecamatanOfReach}
         GROUP BY 1
      ) g ON g.month = m.month
     ORDER BY m.month`;
}

export type TargetProgress = {
  /** The nearest city-level target for extreme-poor households from the year on (else the latest). */
  target: { year: number; value: number; note: string | null } | null;
  /** Active extreme-poor households in the registry now (city, or the kecamatan). */
  current: number;
};

/** Progress to the city's target for extreme-poor households. */
async function targetProgress(tx: Tx, filters: DashboardFilters): Promise<TargetProgress> {
  const [row] = await tx.$queryRaw<{ year: number | null; value: number | null; note: string | null; current: number }[]>`
    SELECT t.year, t.value::float8 AS value, t.note,
           (SELECT coalesce(sum(c.households), 0)::int FROM "HouseholdAreaCount" c
             WHERE ${countsWhere(filters)} AND c."isExtremePoor") AS current
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (
        SELECT year, value, note FROM "Target"
         WHERE "tenantId" = ${scopeTenantId()} AND indicator = 'EXTREME_POOR_HOUSEHOLDS' AND "areaId" IS NULL
         ORDER BY year < ${filters.year}, CASE WHEN year >= ${filters.year} THEN year ELSE -year END
         LIMIT 1
      ) t ON true`;
  return {
    target: row && row.year !== null && row.value !== null ? { year: row.year, value: row.value, note: row.note } : null,
    current: row?.current ?? 0,
  };
}

/** Every query of the poverty dashboard, for the page, the exports and the benchmark. */
export const povertyDashboardQueries = {
  registryByKecamatan,
  registryByKelurahan,
  desilDistribution,
  coverage,
  coverageByKelurahan,
  unreachedHouseholds,
  unreachedCount,
  overlapByOpd,
  overlapDepth,
  targeting,
  targetingByOpd,
  graduationsByMonth,
  targetProgress,
} satisfies Record<string, (tx: Tx, filters: DashboardFilters) => Promise<unknown>>;
