// HouseholdReach (prisma/sql/summaries/household-reach.sql) and everything derived from it
// (reach-counts.sql: HouseholdYearReach and the four count tables) against a recount from the
// entries, after random multi-row statements: the training commands, aid handed over several
// at a time (several to one household), verified, reversed (reversals verified together with
// their originals or later), drafts edited and deleted, programmes moved to another year or
// OPD or changing kind (capital and tool aid equip), status events and households changing
// area, desil, flag or status; then the results dashboard's figures under every filter equal
// distinct counts over HouseholdReach, and the summaries follow one last statement that turns
// every programme's kind. And when each household became reached
// (HouseholdYearReach."firstReachedAt"): the command that reached it, kept by every later one
// while it stays reached, and by a recount.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { runTrainingCommand, trainingCommand, type TrainingCommand } from "./training-commands";
import { attempt, inDiscardedWorld, entryStatus, index, indices, pick, picks, type World, runs } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

// "Reached", by its definition: a live verified intervention under a programme of the year.
const reach = `
  entries AS (
    SELECT p."householdId" h, tr."programmeId" pr, tr."opdId" o, 1 n
      FROM "TrainingParticipant" p JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
     WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND tr.status = 'VERIFIED' AND tr."cancelledAt" IS NULL
    UNION ALL
    SELECT coalesce(orig."householdId", a."householdId"), coalesce(orig."programmeId", a."programmeId"), coalesce(orig."opdId", a."opdId"),
           CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END
      FROM "AidDistribution" a LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
     WHERE a.status = 'VERIFIED'),
  reach AS (
    SELECT pg."fiscalYear" y, e.pr, e.o, e.h, hh."kecamatanId" kec, hh."kelurahanId" kel, hh.desil, hh."isExtremePoor" ext,
           hh.status = 'ACTIVE' AS active, sum(e.n)::int AS entries
      FROM entries e JOIN "Programme" pg ON pg.id = e.pr JOIN "Household" hh ON hh.id = e.h
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(e.n) > 0),
  years AS (
    SELECT r.y, r.h, min(r.kec) kec, min(r.kel) kel, min(r.desil) desil, bool_or(r.ext) ext, bool_or(r.active) active,
           array_agg(DISTINCT r.o ORDER BY r.o) opds, array_agg(DISTINCT r.pr ORDER BY r.pr) progs,
           array_agg(DISTINCT pg."opdId" ORDER BY pg."opdId") owners,
           EXISTS (SELECT 1 FROM "HouseholdStatusEvent" ev WHERE ev."householdId" = r.h AND ev."toStatus" = 'GRADUATED'
                     AND ev."effectiveDate" >= make_date(r.y, 1, 1) AND ev."effectiveDate" < make_date(r.y + 1, 1, 1)) AS graduated,
           coalesce(array_agg(DISTINCT r.pr ORDER BY r.pr) FILTER (WHERE pg.kind IN ('CAPITAL_AID', 'EQUIPMENT_AID')), '{}') AS eprogs,
           coalesce(array_agg(DISTINCT pg."opdId" ORDER BY pg."opdId") FILTER (WHERE pg.kind IN ('CAPITAL_AID', 'EQUIPMENT_AID')), '{}') AS eowners
      FROM reach r JOIN "Programme" pg ON pg.id = r.pr GROUP BY 1, 2)`;

const pairs: [string, string][] = [
  [
    `SELECT "fiscalYear", "programmeId", "opdId", "householdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries
       FROM "HouseholdReach" ORDER BY 1, 2, 3, 4`,
    `WITH ${reach} SELECT * FROM reach ORDER BY 1, 2, 3, 4`,
  ],
  [
    `SELECT "fiscalYear", "householdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated,
            "equippingProgrammeIds", "equippingOwnerOpdIds"
       FROM "HouseholdYearReach" ORDER BY 1, 2`,
    `WITH ${reach} SELECT * FROM years ORDER BY 1, 2`,
  ],
  [
    `SELECT "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households FROM "ReachAreaCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    `WITH ${reach} SELECT y, kec, kel, coalesce(desil, 0) AS d, ext, active, cardinality(opds) AS n, count(*)::int AS households FROM years GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
  ],
  [
    `SELECT "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households FROM "ReachOpdCount" ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
    `WITH ${reach} SELECT y, u.o, kec, kel, coalesce(desil, 0) AS d, ext, active, cardinality(opds) > 1 AS shared, count(*)::int AS households
       FROM years CROSS JOIN LATERAL unnest(opds) AS u(o) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  ],
  [
    `SELECT "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households FROM "ReachProgrammeCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    `WITH ${reach} SELECT y, u.p, kec, kel, coalesce(desil, 0) AS d, ext, active, count(*)::int AS households
       FROM years CROSS JOIN LATERAL unnest(progs) AS u(p) GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
  ],
  [
    `SELECT "fiscalYear", kind, key, "kecamatanId", reached, graduates, equipped FROM "ReachResultCount" ORDER BY 1, 2, 3, 4`,
    `WITH ${reach} SELECT y, u.kind, u.key, kec, count(*)::int AS reached, (count(*) FILTER (WHERE graduated))::int AS graduates,
            (count(*) FILTER (WHERE u.equips))::int AS equipped
       FROM years CROSS JOIN LATERAL (SELECT 'city'::text, ''::text, cardinality(eprogs) > 0
                                      UNION ALL SELECT 'owner', o, o = ANY(eowners) FROM unnest(owners) o
                                      UNION ALL SELECT 'programme', p, p = ANY(eprogs) FROM unnest(progs) p) AS u(kind, key, equips)
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  ],
  [
    `SELECT "fiscalYear", strategy, "isExtremePoor", active, households FROM "StrategyReachCount" ORDER BY 1, 2, 3, 4`,
    `WITH ${reach} SELECT y, s.strategy, ext, active, count(*)::int AS households
       FROM years CROSS JOIN LATERAL (SELECT DISTINCT CASE
                                        WHEN pg.kind IN ('FOOD_AID', 'INSURANCE_PREMIUM', 'SOCIAL_ASSISTANCE') THEN 'LOWER_SPENDING'
                                        WHEN pg.kind = 'HOUSING' THEN 'REDUCE_POCKETS'
                                        WHEN pg.kind = 'OTHER' THEN 'OTHER'
                                        ELSE 'RAISE_INCOME' END
                                        FROM unnest(progs) AS u(p) JOIN "Programme" pg ON pg.id = u.p) AS s(strategy)
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  ],
];

async function expectEqualToRecount(tx: Tx) {
  // Compared by position: the recount names its columns its own way.
  const rows = async (sql: string) => (await tx.$queryRawUnsafe<Record<string, unknown>[]>(sql)).map((r) => Object.values(r));
  for (const [kept, recount] of pairs) expect(await rows(kept), kept).toEqual(await rows(recount));
}

type Figures = { reached: number; graduates: number; equipped: number };
type ReachRow = { year: number; programmeYear: number; kec: string; owner: string; programme: string; household: string; equips: boolean; graduated: boolean };

/**
 * The results dashboard (from ReachResultCount) under every filter of the world, against its
 * figures by definition: distinct households over HouseholdReach of the filter's programmes,
 * those graduated in the year, and those reached by capital or tool aid.
 */
async function expectResultsMatch(tx: Tx, w: World) {
  const rows = await tx.$queryRaw<ReachRow[]>`
    SELECT r."fiscalYear" AS year, p."fiscalYear" AS "programmeYear", r."kecamatanId" AS kec, p."opdId" AS owner,
           r."programmeId" AS programme, r."householdId" AS household, p.kind IN ('CAPITAL_AID', 'EQUIPMENT_AID') AS equips,
           EXISTS (SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = r."tenantId" AND e."householdId" = r."householdId"
                     AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(r."fiscalYear", 1, 1)
                     AND e."effectiveDate" < make_date(r."fiscalYear" + 1, 1, 1)) AS graduated
      FROM "HouseholdReach" r JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
     WHERE r."tenantId" = ${w.tenantId}`;
  const count = (selected: ReachRow[]): Figures => {
    const distinct = (keep: (row: ReachRow) => boolean) => new Set(selected.filter(keep).map((row) => row.household)).size;
    return { reached: distinct(() => true), graduates: distinct((row) => row.graduated), equipped: distinct((row) => row.equips) };
  };
  const figures = ({ reached, graduates, equipped }: Figures) => ({ reached, graduates, equipped });
  const keyed = (rows: (Figures & { key: string })[]) =>
    rows
      .filter((row) => row.reached > 0 || row.graduates > 0)
      .map((row) => ({ key: row.key, ...figures(row) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  const grouped = (selected: ReachRow[], key: (row: ReachRow) => string) =>
    keyed([...new Set(selected.map(key))].map((k) => ({ key: k, ...count(selected.filter((row) => key(row) === k)) })));
  for (const year of [2024, 2025]) {
    for (const kecamatanId of [null, ...w.areas.map((area) => area.kecamatanId)]) {
      const inScope = rows.filter((row) => row.year === year && row.programmeYear === year && (!kecamatanId || row.kec === kecamatanId));
      for (const opdId of [null, ...w.opds]) {
        for (const programmeId of [null, ...w.programmes]) {
          const filters: DashboardFilters = { year, kecamatanId, opdId, programmeId };
          const expected = count(inScope.filter((row) => (!opdId || row.owner === opdId) && (!programmeId || row.programme === programmeId)));
          expect(figures(await results.totals(tx, filters)), JSON.stringify(filters)).toEqual(expected);
        }
      }
      const filters: DashboardFilters = { year, kecamatanId, opdId: null, programmeId: null };
      const byOpd = (await results.byOpd(tx, filters)).map((row) => ({ key: row.opdId, ...row }));
      expect(keyed(byOpd), JSON.stringify(filters)).toEqual(grouped(inScope, (row) => row.owner));
      const byProgramme = (await results.byProgramme(tx, filters)).map((row) => ({ key: row.programmeId, ...row }));
      expect(keyed(byProgramme), JSON.stringify(filters)).toEqual(grouped(inScope, (row) => row.programme));
    }
  }
}

type FirstReached = Map<string, number>;

/** Each reached (year, household)'s "firstReachedAt", in milliseconds. */
async function firstReached(tx: Tx): Promise<FirstReached> {
  const rows = await tx.$queryRaw<{ key: string; at: Date }[]>`
    SELECT "fiscalYear" || ':' || "householdId" AS key, "firstReachedAt" AS at FROM "HouseholdYearReach"`;
  return new Map(rows.map((row) => [row.key, row.at.getTime()]));
}

const statementTime = async (tx: Tx) => (await tx.$queryRaw<{ at: Date }[]>`SELECT statement_timestamp() AS at`)[0]!.at.getTime();

/**
 * A (year, household) reached before and after a command keeps its time, or (no longer reached
 * within the command, then reached again) takes the command's; one newly reached takes the
 * command's: between its first statement and its end (the column keeps milliseconds, rounded).
 */
async function runTimed(tx: Tx, w: World, c: Command) {
  const before = await firstReached(tx);
  const start = await statementTime(tx);
  await run(tx, w, c);
  const end = await statementTime(tx);
  for (const [key, at] of await firstReached(tx)) {
    if (before.get(key) === at) continue;
    expect(at, `${key} reached during ${c.kind}`).toBeGreaterThanOrEqual(start - 1);
    expect(at, `${key} reached during ${c.kind}`).toBeLessThanOrEqual(end + 1);
  }
}

type ReachCommand =
  | { kind: "handOver"; rows: { household: number; programme: number; opd: number; status: string }[] }
  | { kind: "verifyAid"; aid: number[] }
  | { kind: "reverse"; aid: number[]; status: string }
  | { kind: "editDrafts"; aid: number[]; household: number; programme: number; opd: number }
  | { kind: "deleteDrafts"; aid: number[] }
  | { kind: "moveProgrammes"; programmes: number[]; year: number; opd: number }
  | { kind: "programmeKinds"; rows: { programme: number; kind: string }[] }
  | { kind: "statusEvents"; rows: { household: number; status: string; day: number }[] }
  | { kind: "deleteEvents"; households: number[] }
  | { kind: "households"; households: number[]; desil: number | null; extreme: boolean; status: string; move: boolean };

type Command = TrainingCommand | ReachCommand;
const reachKinds = new Set([
  "handOver",
  "verifyAid",
  "reverse",
  "editDrafts",
  "deleteDrafts",
  "moveProgrammes",
  "programmeKinds",
  "statusEvents",
  "deleteEvents",
  "households",
]);

/** Capital and tool aid equip; training and food aid do not. */
const programmeKind = fc.constantFrom("CAPITAL_AID", "EQUIPMENT_AID", "TRAINING", "FOOD_AID", "HOUSING");
const isReachCommand = (c: Command): c is ReachCommand => reachKinds.has(c.kind);

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: trainingCommand, weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant("handOver" as const),
      rows: fc.array(fc.record({ household: index, programme: index, opd: index, status: entryStatus }), { minLength: 1, maxLength: 6 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("verifyAid" as const), aid: indices }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("reverse" as const), aid: indices, status: entryStatus }), weight: 2 },
  fc.record({ kind: fc.constant("editDrafts" as const), aid: indices, household: index, programme: index, opd: index }),
  fc.record({ kind: fc.constant("deleteDrafts" as const), aid: indices }),
  fc.record({ kind: fc.constant("moveProgrammes" as const), programmes: indices, year: fc.constantFrom(2024, 2025), opd: index }),
  {
    arbitrary: fc.record({
      kind: fc.constant("programmeKinds" as const),
      rows: fc.array(fc.record({ programme: index, kind: programmeKind }), { minLength: 1, maxLength: 3 }),
    }),
    weight: 2,
  },
  fc.record({
    kind: fc.constant("statusEvents" as const),
    rows: fc.array(fc.record({ household: index, status: fc.constantFrom("GRADUATED", "ACTIVE"), day: fc.integer({ min: 0, max: 800 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ kind: fc.constant("deleteEvents" as const), households: indices }),
  fc.record({
    kind: fc.constant("households" as const),
    households: indices,
    desil: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    extreme: fc.boolean(),
    status: fc.constantFrom("ACTIVE", "GRADUATED", "MOVED"),
    move: fc.boolean(),
  }),
);

const aidIds = (tx: Tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM "AidDistribution" ORDER BY id`.then((r) => r.map((x) => x.id));

/**
 * Aid follows the application's rules: a verified entry is never edited or deleted, only
 * reversed, once; drafts are edited, verified or deleted.
 */
async function run(tx: Tx, w: World, command: Command) {
  if (!isReachCommand(command)) return runTrainingCommand(tx, w, command);
  const c: ReachCommand = command;
  await attempt(tx, async () => {
    switch (c.kind) {
      case "handOver":
        return tx.$executeRawUnsafe(
          `INSERT INTO "AidDistribution" ("tenantId", id, "programmeId", "opdId", "householdId", kind, items, value, "distributedAt", status)
             SELECT $1, gen_random_uuid()::text, p, o, h, 'EQUIPMENT', '1 mesin jahit', 1000000, DATE '2024-05-01', s::"EntryStatus"
               FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(p, o, h, s)`,
          w.tenantId,
          c.rows.map((r) => pick(w.programmes, r.programme)),
          c.rows.map((r) => pick(w.opds, r.opd)),
          c.rows.map((r) => pick(w.households, r.household)),
          c.rows.map((r) => r.status),
        );
      case "verifyAid":
        return tx.$executeRawUnsafe(
          `UPDATE "AidDistribution" SET status = 'VERIFIED' WHERE "tenantId" = $1 AND status = 'DRAFT' AND id = ANY($2::text[])`,
          w.tenantId,
          picks(await aidIds(tx), c.aid),
        );
      case "reverse":
        return tx.$executeRawUnsafe(
          `INSERT INTO "AidDistribution" ("tenantId", id, "programmeId", "opdId", "householdId", kind, items, value, "distributedAt", status, "reversesId")
             SELECT a."tenantId", gen_random_uuid()::text, a."programmeId", a."opdId", a."householdId", a.kind, a.items, -a.value, DATE '2024-06-01',
                    $2::"EntryStatus", a.id
               FROM "AidDistribution" a
              WHERE a."tenantId" = $1 AND a.id = ANY($3::text[]) AND a.status = 'VERIFIED' AND a."reversesId" IS NULL
                AND NOT EXISTS (SELECT 1 FROM "AidDistribution" r WHERE r."tenantId" = a."tenantId" AND r."reversesId" = a.id)`,
          w.tenantId,
          c.status,
          picks(await aidIds(tx), c.aid),
        );
      case "editDrafts":
        return tx.$executeRawUnsafe(
          `UPDATE "AidDistribution" SET "householdId" = $2, "programmeId" = $3, "opdId" = $4
              WHERE "tenantId" = $1 AND status = 'DRAFT' AND "reversesId" IS NULL AND id = ANY($5::text[])`,
          w.tenantId,
          pick(w.households, c.household),
          pick(w.programmes, c.programme),
          pick(w.opds, c.opd),
          picks(await aidIds(tx), c.aid),
        );
      case "deleteDrafts":
        return tx.$executeRawUnsafe(
          `DELETE FROM "AidDistribution" WHERE "tenantId" = $1 AND status = 'DRAFT' AND id = ANY($2::text[])`,
          w.tenantId,
          picks(await aidIds(tx), c.aid),
        );
      case "moveProgrammes":
        return tx.$executeRawUnsafe(
          `UPDATE "Programme" SET "fiscalYear" = $2, "opdId" = $3 WHERE "tenantId" = $1 AND id = ANY($4::text[])`,
          w.tenantId,
          c.year,
          pick(w.opds, c.opd),
          picks(w.programmes, c.programmes),
        );
      case "programmeKinds":
        // Several programmes in one statement, each to its own kind.
        return tx.$executeRawUnsafe(
          `UPDATE "Programme" p SET kind = x.kind::"ProgrammeKind"
             FROM (SELECT DISTINCT ON (id) id, kind FROM unnest($2::text[], $3::text[]) AS u(id, kind)) x
            WHERE p."tenantId" = $1 AND p.id = x.id`,
          w.tenantId,
          c.rows.map((r) => pick(w.programmes, r.programme)),
          c.rows.map((r) => r.kind),
        );
      case "statusEvents":
        return tx.$executeRawUnsafe(
          `INSERT INTO "HouseholdStatusEvent" ("tenantId", id, "householdId", "toStatus", "toExtremePoor", "effectiveDate", reason, source)
             SELECT $1, gen_random_uuid()::text, h, s::"HouseholdStatus", false, DATE '2023-06-01' + d, 'Uji', 'MANUAL'
               FROM unnest($2::text[], $3::text[], $4::int[]) AS x(h, s, d)`,
          w.tenantId,
          c.rows.map((r) => pick(w.households, r.household)),
          c.rows.map((r) => r.status),
          c.rows.map((r) => r.day),
        );
      case "deleteEvents":
        return tx.$executeRawUnsafe(
          `DELETE FROM "HouseholdStatusEvent" WHERE "tenantId" = $1 AND "householdId" = ANY($2::text[])`,
          w.tenantId,
          picks(w.households, c.households),
        );
      case "households": {
        const [a, b] = w.areas as [World["areas"][number], World["areas"][number]];
        return tx.$executeRawUnsafe(
          `UPDATE "Household" SET desil = $8::int, "isExtremePoor" = $9, status = $10::"HouseholdStatus",
                    "kecamatanId" = CASE WHEN NOT $7 THEN "kecamatanId" WHEN "kecamatanId" = $2 THEN $4 ELSE $2 END,
                    "kelurahanId" = CASE WHEN NOT $7 THEN "kelurahanId" WHEN "kecamatanId" = $2 THEN $5 ELSE $3 END
              WHERE "tenantId" = $1 AND id = ANY($6::text[])`,
          w.tenantId,
          a.kecamatanId,
          a.kelurahanId,
          b.kecamatanId,
          b.kelurahanId,
          picks(w.households, c.households),
          c.move,
          c.desil,
          c.extreme,
          c.status,
        );
      }
    }
  });
}

describe("the reach summaries", () => {
  it("stay equal to a recount from the entries after random multi-row statements", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 16 }), (commands) =>
        inDiscardedWorld(t, city, 4, async (tx, w) => {
          // The world's programmes are all training: the first gives tools and the last capital.
          await tx.$executeRaw`UPDATE "Programme" SET kind = CASE id WHEN ${w.programmes[0]} THEN 'EQUIPMENT_AID'::"ProgrammeKind"
                                 WHEN ${w.programmes[2]} THEN 'CAPITAL_AID'::"ProgrammeKind" ELSE kind END WHERE "tenantId" = ${w.tenantId}`;
          for (const c of commands) await runTimed(tx, w, c);
          await expectEqualToRecount(tx);
          await expectResultsMatch(tx, w);
          // Then one statement turns every programme: those that equip stop, the others start.
          await tx.$executeRaw`UPDATE "Programme" SET kind = CASE WHEN kind IN ('CAPITAL_AID', 'EQUIPMENT_AID') THEN 'FOOD_AID'
                                 ELSE 'EQUIPMENT_AID' END::"ProgrammeKind" WHERE "tenantId" = ${w.tenantId}`;
          await expectEqualToRecount(tx);
          // A recount from the entries changes no row's time: it cannot know them.
          const times = await firstReached(tx);
          await tx.$executeRaw`SELECT entas_dash_rebuild(${city.id})`;
          await expectEqualToRecount(tx);
          expect(await firstReached(tx)).toEqual(times);
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);
});
