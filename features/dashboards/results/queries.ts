// The mayor's results dashboard: what the verified money bought — persons trained, households
// equipped, households reached, businesses opened, households graduated — and, for the results
// a kind of spending buys, the Rupiah per each, by OPD and by programme. Every count and sum is
// made by the database.
//
// Definitions (each over the programmes of the filtered fiscal year):
// - realised: the programmes' spending as the budget counts it (features/budget/line-entries.ts:
//   VERIFIED realisation, reversals subtract, aid on ON_TOP lines adds, itemised aid never
//   counts twice); drafts never count.
// - training spending: realised of the TRAINING programmes; capital and tool aid spending:
//   realised of the CAPITAL_AID and EQUIPMENT_AID programmes.
// - trained: VERIFIED participants who COMPLETED a verified, uncancelled training (a person
//   trained twice counts twice), as on the programme page.
// - equipped: distinct households reached by a CAPITAL_AID or EQUIPMENT_AID programme (the kinds
//   that equip: entas_programme_equips, prisma/sql/summaries/reach-counts.sql).
// - reached: distinct households reached by the programmes (lib/reach: a verified
//   intervention, as everywhere else).
// - businesses opened: verified participants with a follow-up BUSINESS_OPENED (once each).
// - graduates: reached households with a status event to GRADUATED dated within the fiscal
//   year (the event's date is the city's calendar date). Bapeda's poverty dashboard shows the
//   same figure under the same name beside its count over the whole registry.
// Rupiah per result: training spending ÷ trained, capital and tool aid spending ÷ equipped, all
// spending ÷ reached. Businesses and graduations are outcomes no one kind of spending buys, so
// no Rupiah per each is given.
// The kecamatan filter narrows the households (by where they live now); spending has no
// kecamatan, so with that filter the Rupiah-per-result figures are not given.
import { LINE_REALISED } from "@/features/budget/line-entries";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { divideRoundHalfUp, type Rupiah } from "@/lib/money";
import type { DashboardFilters } from "../filters";
import { sipdCondition, sipdGroupKey, type SipdLevel } from "../sipd";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/** Whether programme `g` equips a household to earn (capital and tool aid): one definition, in SQL. */
const EQUIPPING = Prisma.sql`entas_programme_equips(g."kind")`;

export type ResultFigures = {
  realised: Rupiah;
  trainingSpent: Rupiah;
  equipmentSpent: Rupiah;
  trained: number;
  equipped: number;
  reached: number;
  businesses: number;
  graduates: number;
  /** Rupiah per result, by the kind of spending that buys it; null without a count or under a kecamatan filter. */
  perTrained: Rupiah | null;
  perEquipped: Rupiah | null;
  perReached: Rupiah | null;
};

type Counts = Pick<ResultFigures, "realised" | "trainingSpent" | "equipmentSpent" | "trained" | "equipped" | "reached" | "businesses" | "graduates">;

const NO_COUNTS: Counts = { realised: 0n, trainingSpent: 0n, equipmentSpent: 0n, trained: 0, equipped: 0, reached: 0, businesses: 0, graduates: 0 };

const perResult = (realised: Rupiah, count: number, comparable: boolean) => (comparable && count > 0 ? divideRoundHalfUp(realised, BigInt(count)) : null);

function withCosts(counts: Counts, filters: DashboardFilters): ResultFigures {
  const comparable = !filters.kecamatanId;
  return {
    realised: counts.realised,
    trainingSpent: counts.trainingSpent,
    equipmentSpent: counts.equipmentSpent,
    trained: counts.trained,
    equipped: counts.equipped,
    reached: counts.reached,
    businesses: counts.businesses,
    graduates: counts.graduates,
    perTrained: perResult(counts.trainingSpent, counts.trained, comparable),
    perEquipped: perResult(counts.equipmentSpent, counts.equipped, comparable),
    perReached: perResult(counts.realised, counts.reached, comparable),
  };
}

type Grain = "programme" | "opd" | "city";

const GRAIN_KEY: Record<Grain, Prisma.Sql> = {
  programme: Prisma.sql`g."id"`,
  opd: Prisma.sql`g."opdId"`,
  city: Prisma.sql`'city'::text`,
};

/**
 * Households reached, graduated and equipped per key, from ReachResultCount, which triggers
 * derive from HouseholdReach (prisma/sql/summaries/reach-counts.sql): per programme, per
 * programme-owning OPD, or for the city — or, narrowed to one programme or one OPD, that one's
 * row. Each count row counts distinct households, so sums never count a household twice for one key.
 */
function reachedSql(filters: DashboardFilters, grain: Grain): Prisma.Sql {
  if (filters.sipdCode && grain !== "programme" && !filters.programmeId) return reachedOfProgrammesSql(filters, grain);
  const base = [Prisma.sql`c."tenantId" = ${scopeTenantId()}`, Prisma.sql`c."fiscalYear" = ${filters.year}`];
  if (filters.kecamatanId) base.push(Prisma.sql`c."kecamatanId" = ${filters.kecamatanId}`);
  const where = Prisma.join(base, " AND ");
  const sums = Prisma.sql`SUM(c."reached") AS "reached", SUM(c."graduates") AS "graduates", SUM(c."equipped") AS "equipped"`;
  if (grain === "programme" || filters.programmeId) {
    return Prisma.sql`SELECT ${GRAIN_KEY[grain]} AS "key", ${sums}
        FROM g JOIN "ReachResultCount" c ON ${where} AND c.kind = 'programme' AND c.key = g."id" GROUP BY 1`;
  }
  if (grain === "opd" || filters.opdId) {
    return Prisma.sql`SELECT ${grain === "opd" ? Prisma.sql`c.key` : Prisma.sql`'city'::text`} AS "key", ${sums}
        FROM "ReachResultCount" c WHERE ${where} AND c.kind = 'owner' AND c.key IN (SELECT g."opdId" FROM g) GROUP BY 1`;
  }
  return Prisma.sql`SELECT 'city'::text AS "key", ${sums}
        FROM "ReachResultCount" c WHERE ${where} AND c.kind = 'city'`;
}

/**
 * The same counts for an OPD or the city when a SIPD code narrows the programmes: no summary
 * row holds the households of such a set, so they are counted distinct over the reach rows of
 * the set's programmes (HouseholdReach by its key's programme; its kecamatan is the household's,
 * as the summary takes it), a household graduated as the summary says (a status event to
 * GRADUATED dated within the year: prisma/sql/summaries/reach-counts.sql), equipped when an
 * equipping programme of the set (of the OPD) reached it. A code's programmes are few: this reads
 * their reach rows and the year's graduations only (0.6 s cold for 30 programmes reaching 76,000
 * households of the million-household city).
 */
function reachedOfProgrammesSql(filters: DashboardFilters, grain: "opd" | "city"): Prisma.Sql {
  const kecamatan = filters.kecamatanId ? Prisma.sql`AND r."kecamatanId" = ${filters.kecamatanId}` : Prisma.empty;
  return Prisma.sql`
    SELECT h."key", COUNT(*) AS "reached", COUNT(grad."householdId") AS "graduates", COUNT(*) FILTER (WHERE h."equips") AS "equipped"
      FROM (SELECT ${GRAIN_KEY[grain]} AS "key", r."householdId", bool_or(${EQUIPPING}) AS "equips"
              FROM g
              JOIN "HouseholdReach" r ON r."tenantId" = ${scopeTenantId()} AND r."fiscalYear" = ${filters.year} AND r."programmeId" = g."id" ${kecamatan}
             GROUP BY 1, 2) h
      LEFT JOIN (SELECT DISTINCT e."householdId" FROM "HouseholdStatusEvent" e
                  WHERE e."tenantId" = ${scopeTenantId()} AND e."toStatus" = 'GRADUATED'
                    AND e."effectiveDate" >= make_date(${filters.year}, 1, 1) AND e."effectiveDate" < make_date(${filters.year + 1}, 1, 1)) grad
        ON grad."householdId" = h."householdId"
     GROUP BY 1`;
}

/**
 * The result counts per programme, OPD or for the whole filter: one row per key. Households
 * are distinct per key (a household reached by two programmes of one OPD counts once for
 * it). The counts come from the summaries that triggers keep current (ReachResultCount,
 * derived from HouseholdReach; DashboardTrainingCount); the money from the lines' summary (LINE_REALISED), realised as features/budget/line-entries.ts counts it.
 */
/** The programmes of the filter, as the CTE `g` the counts start from. */
function programmesCte(filters: DashboardFilters): Prisma.Sql {
  const programme = [Prisma.sql`p."tenantId" = ${scopeTenantId()}`, Prisma.sql`p."fiscalYear" = ${filters.year}`];
  if (filters.opdId) programme.push(Prisma.sql`p."opdId" = ${filters.opdId}`);
  if (filters.programmeId) programme.push(Prisma.sql`p."id" = ${filters.programmeId}`);
  const sipd = sipdCondition(filters, "p");
  if (sipd) programme.push(sipd);
  return Prisma.sql`g AS (SELECT p."id", p."opdId", p."kind", p."sipdCode" FROM "Programme" p WHERE ${Prisma.join(programme, " AND ")})`;
}

function countsSql(filters: DashboardFilters, grain: Grain): Prisma.Sql {
  const key = GRAIN_KEY[grain];
  const kecamatan = filters.kecamatanId ? Prisma.sql`AND c."kecamatanId" = ${filters.kecamatanId}` : Prisma.empty;
  return Prisma.sql`
    WITH ${programmesCte(filters)},
    money AS (
      SELECT ${key} AS "key", SUM(e."amount") AS "realised",
             SUM(e."amount") FILTER (WHERE g."kind" = 'TRAINING') AS "trainingSpent",
             SUM(e."amount") FILTER (WHERE ${EQUIPPING}) AS "equipmentSpent"
        FROM g
        JOIN "BudgetLine" bl ON bl."tenantId" = ${scopeTenantId()} AND bl."programmeId" = g."id"
        JOIN ${LINE_REALISED} e ON e."tenantId" = bl."tenantId" AND e."budgetLineId" = bl."id"
       GROUP BY 1
    ),
    training AS (
      SELECT ${key} AS "key", SUM(c."trained") AS "trained", SUM(c."businesses") AS "businesses"
        FROM g
        JOIN "DashboardTrainingCount" c ON c."tenantId" = ${scopeTenantId()} AND c."programmeId" = g."id" ${kecamatan}
       GROUP BY 1
    ),
    reach AS (${reachedSql(filters, grain)}),
    keys AS (SELECT DISTINCT ${key} AS "key" FROM g)
    SELECT keys."key",
           COALESCE(money."realised", 0)::bigint AS "realised",
           COALESCE(money."trainingSpent", 0)::bigint AS "trainingSpent",
           COALESCE(money."equipmentSpent", 0)::bigint AS "equipmentSpent",
           COALESCE(training."trained", 0)::int AS "trained",
           COALESCE(reach."equipped", 0)::int AS "equipped",
           COALESCE(reach."reached", 0)::int AS "reached",
           COALESCE(training."businesses", 0)::int AS "businesses",
           COALESCE(reach."graduates", 0)::int AS "graduates"
      FROM keys
      LEFT JOIN money ON money."key" = keys."key"
      LEFT JOIN training ON training."key" = keys."key"
      LEFT JOIN reach ON reach."key" = keys."key"`;
}

type KeyedCounts = Counts & { key: string };

async function totals(tx: Tx, filters: DashboardFilters): Promise<ResultFigures> {
  const rows = await tx.$queryRaw<KeyedCounts[]>(countsSql(filters, "city"));
  return withCosts(rows[0] ?? NO_COUNTS, filters);
}

export type OpdResultRow = ResultFigures & { opdId: string; opdShortName: string; opdName: string };

async function byOpd(tx: Tx, filters: DashboardFilters): Promise<OpdResultRow[]> {
  const rows = await tx.$queryRaw<(KeyedCounts & { opdShortName: string; opdName: string })[]>`
    WITH c AS (${countsSql(filters, "opd")})
    SELECT c.*, o."shortName" AS "opdShortName", o."name" AS "opdName"
      FROM c JOIN "Opd" o ON o."tenantId" = ${scopeTenantId()} AND o."id" = c."key"
     ORDER BY o."code"`;
  return rows.map((row) => ({ ...withCosts(row, filters), opdId: row.key, opdShortName: row.opdShortName, opdName: row.opdName }));
}

export type ProgrammeResultRow = ResultFigures & { programmeId: string; programmeName: string; opdShortName: string };

async function byProgramme(tx: Tx, filters: DashboardFilters): Promise<ProgrammeResultRow[]> {
  const rows = await tx.$queryRaw<(KeyedCounts & { programmeName: string; opdShortName: string })[]>`
    WITH c AS (${countsSql(filters, "programme")})
    SELECT c.*, p."name" AS "programmeName", o."shortName" AS "opdShortName"
      FROM c
      JOIN "Programme" p ON p."tenantId" = ${scopeTenantId()} AND p."id" = c."key"
      JOIN "Opd" o ON o."tenantId" = p."tenantId" AND o."id" = p."opdId"
     ORDER BY o."code", p."name"`;
  return rows.map((row) => ({
    ...withCosts(row, filters),
    programmeId: row.key,
    programmeName: row.programmeName,
    opdShortName: row.opdShortName,
  }));
}

/**
 * The figures that add up over programmes, per SIPD group: spending, and the persons trained and
 * businesses opened (each participant is of one training of one programme). Households reached,
 * equipped or graduated do not: a household reached by two programmes of a group would count
 * twice (sipdTable in tables.ts).
 */
export type SipdResultRow = Pick<ResultFigures, "realised" | "trainingSpent" | "equipmentSpent" | "trained" | "businesses" | "perTrained"> & {
  /** The SIPD programme or kegiatan code; null: the programmes without a code. */
  code: string | null;
  programmes: number;
};

type SipdCounts = Omit<SipdResultRow, "perTrained">;

/**
 * Per SIPD programme or kegiatan, by code, the programmes without a code last: realised, training
 * and tool-and-capital spending (the lines' summary), persons trained and businesses opened
 * (DashboardTrainingCount, as the other groupings), and training spending per person trained.
 */
async function bySipd(tx: Tx, filters: DashboardFilters, level: SipdLevel): Promise<SipdResultRow[]> {
  const kecamatan = filters.kecamatanId ? Prisma.sql`AND c."kecamatanId" = ${filters.kecamatanId}` : Prisma.empty;
  const rows = await tx.$queryRaw<SipdCounts[]>`
    WITH ${programmesCte(filters)},
    money AS (
      SELECT bl."programmeId", SUM(e."amount") AS "realised"
        FROM g
        JOIN "BudgetLine" bl ON bl."tenantId" = ${scopeTenantId()} AND bl."programmeId" = g."id"
        JOIN ${LINE_REALISED} e ON e."tenantId" = bl."tenantId" AND e."budgetLineId" = bl."id"
       GROUP BY 1
    ),
    training AS (
      SELECT c."programmeId", SUM(c."trained") AS "trained", SUM(c."businesses") AS "businesses"
        FROM g
        JOIN "DashboardTrainingCount" c ON c."tenantId" = ${scopeTenantId()} AND c."programmeId" = g."id" ${kecamatan}
       GROUP BY 1
    )
    SELECT ${sipdGroupKey(level, "g")} AS "code", COUNT(*)::int AS "programmes",
           COALESCE(SUM(money."realised"), 0)::bigint AS "realised",
           COALESCE(SUM(money."realised") FILTER (WHERE g."kind" = 'TRAINING'), 0)::bigint AS "trainingSpent",
           COALESCE(SUM(money."realised") FILTER (WHERE ${EQUIPPING}), 0)::bigint AS "equipmentSpent",
           COALESCE(SUM(training."trained"), 0)::int AS "trained",
           COALESCE(SUM(training."businesses"), 0)::int AS "businesses"
      FROM g
      LEFT JOIN money ON money."programmeId" = g."id"
      LEFT JOIN training ON training."programmeId" = g."id"
     GROUP BY 1 ORDER BY 1 NULLS LAST`;
  const comparable = !filters.kecamatanId;
  return rows.map((row) => ({ ...row, perTrained: perResult(row.trainingSpent, row.trained, comparable) }));
}

/** The totals' households reached, alone (the home's headline): the same summary rows, without the other figures' reads. */
async function reached(tx: Tx, filters: DashboardFilters): Promise<number> {
  const [row] = await tx.$queryRaw<{ reached: number }[]>`
    WITH ${programmesCte(filters)}, reach AS (${reachedSql(filters, "city")})
    SELECT COALESCE(SUM(reach."reached"), 0)::int AS "reached" FROM reach`;
  return row?.reached ?? 0;
}

const bySipdProgramme = (tx: Tx, filters: DashboardFilters) => bySipd(tx, filters, "programme");
const bySipdKegiatan = (tx: Tx, filters: DashboardFilters) => bySipd(tx, filters, "kegiatan");

export const resultsDashboardQueries = { totals, reached, byOpd, byProgramme, bySipdProgramme, bySipdKegiatan };
