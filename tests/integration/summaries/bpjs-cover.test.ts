// BpjsDoubleCover and BpjsCoverEnd (prisma/sql/summaries/bpjs-cover.sql) against a recount by the
// self-join the cover page ran on every request before them, after random multi-row statements:
// premiums inserted (verified or draft, of either OPD, some not premiums or without a member),
// verified, sent back to draft, their periods edited, moved to another member, reversed (the
// reversal verified or not), deleted, and members renamed (ties included) or moved to another
// household. The lists read from the summaries (coveredTwice, coverEndingThisMonth) are walked
// page by page, for the city and each OPD, and must give the recount's rows in its order.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverEndingThisMonth, coveredTwice } from "@/features/aid/bpjs-cover";
import type { ProgrammeScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import type { KeyCursor, KeyPage } from "@/lib/paging/key-page";
import { openTestDb, openTestOwnerDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { attempt, buildWorld, entryStatus, index, indices, inDiscardedWorld, pick, picks, runs, type World } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

/** standing() of bpjs-cover.ts, as the lists read it before the summaries. */
const standing = (d: string) => `
  ${d}.kind = 'INSURANCE_PREMIUM' AND ${d}.status = 'VERIFIED' AND ${d}."reversesId" IS NULL AND ${d}."memberId" IS NOT NULL
  AND ${d}."coverageStart" IS NOT NULL AND ${d}."coverageEnd" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "AidDistribution" r WHERE r."tenantId" = ${d}."tenantId" AND r."reversesId" = ${d}.id AND r.status = 'VERIFIED')`;

/** The people covered twice and the OPDs of their overlapping periods, by the former list's self-join. */
const OVERLAPPING = `
  SELECT a."tenantId", a.id, a."opdId", a."memberId" FROM "AidDistribution" a
   WHERE ${standing("a")}
     AND EXISTS (SELECT 1 FROM "AidDistribution" b
                  WHERE ${standing("b")} AND b."memberId" = a."memberId" AND b.id <> a.id
                    AND b."coverageStart" <= a."coverageEnd" AND a."coverageStart" <= b."coverageEnd")`;
const twiceRecount = (tx: Tx) =>
  tx.$queryRawUnsafe<{ memberId: string; householdId: string; memberName: string; opdIds: string[] }[]>(`
    SELECT o."memberId", m."householdId", m.name AS "memberName", array_agg(DISTINCT o."opdId" ORDER BY o."opdId") AS "opdIds"
      FROM (${OVERLAPPING}) o JOIN "Member" m ON m."tenantId" = o."tenantId" AND m.id = o."memberId"
     GROUP BY 1, 2, 3 ORDER BY 1`);
const twiceKept = (tx: Tx) => tx.$queryRawUnsafe<unknown[]>(`SELECT "memberId", "householdId", "memberName", "opdIds" FROM "BpjsDoubleCover" ORDER BY 1`);

/** Standing cover not carried on (the former month's list, for every month at once). */
const ENDS = `
  SELECT c."tenantId", c.id, c."memberId", c."opdId", c."coverageEnd" FROM "AidDistribution" c
   WHERE ${standing("c")}
     AND NOT EXISTS (SELECT 1 FROM "AidDistribution" n
                      WHERE ${standing("n")} AND n."memberId" = c."memberId" AND n."coverageEnd" > c."coverageEnd"
                        AND n."coverageStart" <= (c."coverageEnd" + INTERVAL '1 month')::date)`;
const endsRecount = (tx: Tx) =>
  tx.$queryRawUnsafe<{ distributionId: string; memberId: string; memberName: string; opdId: string; coverageEnd: Date }[]>(`
    SELECT e.id AS "distributionId", e."memberId", m.name AS "memberName", e."opdId", e."coverageEnd"
      FROM (${ENDS}) e JOIN "Member" m ON m."tenantId" = e."tenantId" AND m.id = e."memberId"
     ORDER BY 1`);
const endsKept = (tx: Tx) =>
  tx.$queryRawUnsafe<unknown[]>(`SELECT "distributionId", "memberId", "memberName", "opdId", "coverageEnd" FROM "BpjsCoverEnd" ORDER BY 1`);

/** Every page of a list, following its cursors forwards, then back from the last. */
async function walk<Row>(read: (cursor: KeyCursor) => Promise<KeyPage<Row>>, key: (row: Row) => string): Promise<{ keys: string[]; totals: number[] }> {
  const keys: string[] = [];
  const totals: number[] = [];
  let page = await read({});
  for (;;) {
    keys.push(...page.rows.map(key));
    totals.push(page.total);
    if (!page.nextAfter) break;
    page = await read({ after: page.nextAfter });
  }
  const back: string[] = [];
  for (;;) {
    back.unshift(...page.rows.map(key));
    if (!page.prevBefore) break;
    page = await read({ before: page.prevBefore });
  }
  expect(back).toEqual(keys);
  return { keys, totals };
}

const SIZE = 2;

async function expectListsMatch(tx: Tx, w: World) {
  const scopes: { scope: ProgrammeScope; opdId: string | null }[] = [
    { scope: { kind: "city" }, opdId: null },
    ...w.opds.map((opdId) => ({ scope: { kind: "opd" as const, opdId }, opdId })),
  ];
  const [twice, ends] = [await twiceRecount(tx), await endsRecount(tx)];
  const order = await tx.$queryRawUnsafe<{ memberId: string }[]>(`SELECT "memberId" FROM "BpjsDoubleCover" ORDER BY "memberName", "memberId"`);
  for (const { scope, opdId } of scopes) {
    const expected = order.map((o) => o.memberId).filter((id) => !opdId || twice.find((r) => r.memberId === id)?.opdIds.includes(opdId));
    const got = await walk(
      (cursor) => coveredTwice(tx, { tenantId: w.tenantId, scope, cursor, pageSize: SIZE }),
      (row) => row.memberId,
    );
    expect(got.keys, `covered twice, ${opdId ?? "city"}`).toEqual(expected);
    for (const total of got.totals) expect(total).toBe(expected.length);
  }
  // The month of the first and of the last cover ending, as "this month".
  const months = [...new Set([ends[0], ends.at(-1)].filter((e) => e).map((e) => e!.coverageEnd.toISOString().slice(0, 7)))];
  for (const month of months) {
    const monthOrder = await tx.$queryRawUnsafe<{ distributionId: string; opdId: string }[]>(
      `SELECT e.id AS "distributionId", e."opdId" FROM (${ENDS}) e JOIN "Member" m ON m."tenantId" = e."tenantId" AND m.id = e."memberId"
        WHERE to_char(e."coverageEnd", 'YYYY-MM') = $1 ORDER BY m.name, e.id`,
      month,
    );
    for (const { scope, opdId } of scopes) {
      const expected = monthOrder.filter((e) => !opdId || e.opdId === opdId).map((e) => e.distributionId);
      const now = new Date(`${month}-15T05:00:00Z`);
      const got = await walk(
        (cursor) => coverEndingThisMonth(tx, { tenantId: w.tenantId, scope, cursor, pageSize: SIZE, now }),
        (row) => row.distributionId,
      );
      expect(got.keys, `ending ${month}, ${opdId ?? "city"}`).toEqual(expected);
      for (const total of got.totals) expect(total).toBe(expected.length);
    }
  }
}

async function expectEqualToRecount(tx: Tx, w?: World) {
  expect(await twiceKept(tx)).toEqual(await twiceRecount(tx));
  expect(await endsKept(tx)).toEqual(await endsRecount(tx));
  if (w) await expectListsMatch(tx, w);
}

const NAMES = ["Ani", "Budi", "Citra", "Dewi"];
/** A member by index; past the members, an entry without one. */
const memberChoice = fc.nat({ max: 14 });

type PremiumRow = { member: number; opd: number; start: number; months: number; status: string; premium: boolean };
type Command =
  | { kind: "insert"; rows: PremiumRow[] }
  | { kind: "reverse"; rows: { target: number; status: string }[] }
  | { kind: "setStatus"; rows: number[]; status: string }
  | { kind: "setPeriod"; rows: number[]; start: number; months: number }
  | { kind: "shift"; rows: number[] }
  | { kind: "setMember"; rows: number[]; member: number }
  | { kind: "setKind"; rows: number[]; premium: boolean }
  | { kind: "unlink"; rows: number[] }
  | { kind: "delete"; rows: number[] }
  | { kind: "rename"; members: number[]; name: number }
  | { kind: "moveMember"; members: number[]; household: number };

const premiumRow: fc.Arbitrary<PremiumRow> = fc.record({
  member: memberChoice,
  opd: fc.nat({ max: 1 }),
  start: fc.nat({ max: 15 }),
  months: fc.integer({ min: 1, max: 6 }),
  status: entryStatus,
  // Mostly premiums; now and then another kind of aid with a period, which is no cover.
  premium: fc.nat({ max: 4 }).map((n) => n > 0),
});

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("insert" as const), rows: fc.array(premiumRow, { minLength: 1, maxLength: 6 }) }), weight: 5 },
  {
    arbitrary: fc.record({
      kind: fc.constant("reverse" as const),
      rows: fc.array(fc.record({ target: index, status: entryStatus }), { minLength: 1, maxLength: 3 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("setStatus" as const), rows: indices, status: entryStatus }), weight: 2 },
  fc.record({ kind: fc.constant("setPeriod" as const), rows: indices, start: fc.nat({ max: 15 }), months: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant("shift" as const), rows: indices }),
  fc.record({ kind: fc.constant("setMember" as const), rows: indices, member: memberChoice }),
  fc.record({ kind: fc.constant("setKind" as const), rows: indices, premium: fc.boolean() }),
  fc.record({ kind: fc.constant("unlink" as const), rows: indices }),
  fc.record({ kind: fc.constant("delete" as const), rows: indices }),
  { arbitrary: fc.record({ kind: fc.constant("rename" as const), members: indices, name: fc.nat({ max: NAMES.length - 1 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("moveMember" as const), members: indices, household: index }), weight: 2 },
);

const entryIds = (tx: Tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM "AidDistribution" ORDER BY id`.then((r) => r.map((x) => x.id));
const memberOf = (w: World, i: number) => (i < w.members.length ? w.members[i] : undefined);

/** Each command is one SQL statement, so the triggers see every row of it at once. */
async function run(tx: Tx, w: World, c: Command) {
  await attempt(tx, async () => {
    switch (c.kind) {
      case "insert":
        return tx.$executeRawUnsafe(
          `INSERT INTO "AidDistribution" ("tenantId", id, "programmeId", "opdId", "householdId", "memberId", kind, items, value, "distributedAt",
                                          status, "monthsCovered", "coverageStart", "bpjsNumber")
             SELECT $1, gen_random_uuid()::text, $2, o, h, m, k::"AidKind", 'Iuran JKK JKM', 100000, make_date(2024, 1, 2), s::"EntryStatus",
                    n, (make_date(2024, 1, 1) + st * INTERVAL '1 month')::date, '12345678901'
               FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[]) AS x(o, h, m, k, s, n, st)`,
          w.tenantId,
          w.programmes[0],
          c.rows.map((r) => w.opds[r.opd]),
          c.rows.map((r) => memberOf(w, r.member)?.householdId ?? w.households[0]),
          c.rows.map((r) => memberOf(w, r.member)?.id ?? null),
          c.rows.map((r) => (r.premium ? "INSURANCE_PREMIUM" : "EQUIPMENT")),
          c.rows.map((r) => r.status),
          c.rows.map((r) => r.months),
          c.rows.map((r) => r.start),
        );
      case "reverse": {
        const ids = await entryIds(tx);
        return tx.$executeRawUnsafe(
          `INSERT INTO "AidDistribution" ("tenantId", id, "programmeId", "opdId", "householdId", "memberId", kind, items, value, "distributedAt",
                                          status, "monthsCovered", "coverageStart", "bpjsNumber", "reversesId")
             SELECT a."tenantId", gen_random_uuid()::text, a."programmeId", a."opdId", a."householdId", a."memberId", a.kind, a.items, -a.value,
                    a."distributedAt", x.s::"EntryStatus", a."monthsCovered", a."coverageStart", a."bpjsNumber", a.id
               FROM unnest($1::text[], $2::text[]) AS x(target, s) JOIN "AidDistribution" a ON a.id = x.target`,
          c.rows.map((r) => pick(ids, r.target)),
          c.rows.map((r) => r.status),
        );
      }
      case "rename":
        return tx.$executeRawUnsafe(
          `UPDATE "Member" SET name = $1 WHERE "tenantId" = $2 AND id = ANY($3::text[])`,
          NAMES[c.name],
          w.tenantId,
          picks(
            w.members.map((m) => m.id),
            c.members,
          ),
        );
      case "moveMember":
        return tx.$executeRawUnsafe(
          `UPDATE "Member" SET "householdId" = $1 WHERE "tenantId" = $2 AND id = ANY($3::text[])`,
          pick(w.households, c.household),
          w.tenantId,
          picks(
            w.members.map((m) => m.id),
            c.members,
          ),
        );
      default: {
        const rows = picks(await entryIds(tx), c.rows);
        const member = "member" in c ? (memberOf(w, c.member)?.id ?? null) : null;
        const statement = {
          setStatus: [`status = $3::"EntryStatus"`, "status" in c ? c.status : null],
          setPeriod: [
            `"coverageStart" = (make_date(2024, 1, 1) + $3::int * INTERVAL '1 month')::date, "monthsCovered" = $4::int`,
            "start" in c ? c.start : null,
          ],
          // Several rows to several periods at once: each a month later.
          shift: [`"coverageStart" = ("coverageStart" + INTERVAL '1 month')::date`, null],
          setMember: [`"memberId" = $3::text`, member],
          setKind: [`kind = $3::"AidKind"`, "premium" in c ? (c.premium ? "INSURANCE_PREMIUM" : "EQUIPMENT") : null],
          unlink: [`"reversesId" = NULL`, null],
          delete: ["", null],
        }[c.kind];
        const [set, value] = statement as [string, unknown];
        const sql =
          c.kind === "delete"
            ? `DELETE FROM "AidDistribution" WHERE "tenantId" = $1 AND id = ANY($2::text[])`
            : `UPDATE "AidDistribution" SET ${set} WHERE "tenantId" = $1 AND id = ANY($2::text[])`;
        if (c.kind === "setPeriod") return tx.$executeRawUnsafe(sql, w.tenantId, rows, c.start, c.months);
        return set.includes("$3") ? tx.$executeRawUnsafe(sql, w.tenantId, rows, value) : tx.$executeRawUnsafe(sql, w.tenantId, rows);
      }
    }
  });
}

/** Row i of the world's members by name: the lists' order needs names that tie. */
async function nameMembers(tx: Tx, w: World) {
  for (const [i, m] of w.members.entries()) {
    await tx.$executeRawUnsafe(`UPDATE "Member" SET name = $1 WHERE "tenantId" = $2 AND id = $3`, NAMES[i % NAMES.length], w.tenantId, m.id);
  }
}

describe("the BPJS cover summaries", () => {
  it("follow cover written, verified, reversed, edited and deleted, and a member renamed", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await inDiscardedWorld(t, city, 3, async (tx, w) => {
      await nameMembers(tx, w);
      const ids = async () => entryIds(tx);
      // Member 0: two overlapping verified covers of OPDs 0 and 1; member 1: back to back.
      await run(tx, w, {
        kind: "insert",
        rows: [
          { member: 0, opd: 0, start: 0, months: 6, status: "VERIFIED", premium: true },
          { member: 0, opd: 1, start: 3, months: 6, status: "VERIFIED", premium: true },
          { member: 1, opd: 0, start: 0, months: 3, status: "VERIFIED", premium: true },
          { member: 1, opd: 0, start: 3, months: 3, status: "DRAFT", premium: true },
        ],
      });
      const kept = () => tx.bpjsDoubleCover.findMany({ orderBy: { memberId: "asc" } });
      expect(await kept()).toEqual([expect.objectContaining({ memberId: w.members[0]!.id, opdIds: [...w.opds].sort() })]);
      await expectEqualToRecount(tx, w);
      // The draft verified: member 1's second period carries the first on; no overlap.
      const draft = (await tx.aidDistribution.findFirstOrThrow({ where: { status: "DRAFT" } })).id;
      const ends = async () => (await tx.bpjsCoverEnd.findMany({ where: { memberId: w.members[1]!.id } })).map((e) => e.distributionId);
      expect(await ends()).not.toContain(draft);
      await run(tx, w, { kind: "setStatus", rows: [(await ids()).indexOf(draft)], status: "VERIFIED" });
      expect(await ends()).toEqual([draft]);
      await expectEqualToRecount(tx, w);
      // Member 0's second period reversed, and the reversal verified: covered once.
      const second = (await tx.aidDistribution.findFirstOrThrow({ where: { memberId: w.members[0]!.id, opdId: w.opds[1] } })).id;
      await run(tx, w, { kind: "reverse", rows: [{ target: (await ids()).indexOf(second), status: "DRAFT" }] });
      expect(await kept()).toHaveLength(1);
      await tx.aidDistribution.updateMany({ where: { reversesId: second }, data: { status: "VERIFIED" } });
      expect(await kept()).toEqual([]);
      await expectEqualToRecount(tx, w);
      // The reversal deleted: the cover stands again; then the member renamed.
      await tx.aidDistribution.deleteMany({ where: { reversesId: second } });
      expect(await kept()).toHaveLength(1);
      await run(tx, w, { kind: "rename", members: [0], name: 3 });
      expect((await kept())[0]?.memberName).toBe("Dewi");
      await expectEqualToRecount(tx, w);
    });
  });

  it("stay equal to a recount after random multi-row statements, and the lists page through them", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 16 }), (commands) =>
        inDiscardedWorld(t, city, 4, async (tx, w) => {
          await nameMembers(tx, w);
          for (const c of commands) await run(tx, w, c);
          await expectEqualToRecount(tx, w);
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it("are rebuilt whole equal to what the triggers kept", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 12 }), (commands) =>
        inDiscardedWorld(t, city, 4, async (tx, w) => {
          await nameMembers(tx, w);
          for (const c of commands) await run(tx, w, c);
          const before = [await twiceKept(tx), await endsKept(tx)];
          await tx.$executeRawUnsafe(`SELECT entas_bpjs_cover_rebuild($1)`, w.tenantId);
          expect([await twiceKept(tx), await endsKept(tx)]).toEqual(before);
        }),
      ),
      { numRuns: Math.max(5, Math.floor(runs / 3)) },
    );
  }, 240_000);

  it("count a member covered twice by two transactions that each add one cover at once", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const { members, programmes, opds } = await t.withTenant(city.id, (tx) => buildWorld(tx, city, 1));
    const member = members[0]!;
    // Programmes of two years, so the two writers share no reach row (whose lock would order them anyway).
    const premium = (tx: Tx, programmeId: string, opdId: string, start: number) =>
      tx.$executeRawUnsafe(
        `INSERT INTO "AidDistribution" ("tenantId", id, "programmeId", "opdId", "householdId", "memberId", kind, items, value, "distributedAt",
                                        status, "monthsCovered", "coverageStart")
         VALUES ($1, gen_random_uuid()::text, $2, $3, $4, $5, 'INSURANCE_PREMIUM', 'Iuran', 100000, make_date(2024, 1, 2), 'VERIFIED', 6,
                 make_date(2024, $6::int, 1))`,
        city.id,
        programmeId,
        opdId,
        member.householdId,
        member.id,
        start,
      );
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    await Promise.all([
      t.withTenant(city.id, async (tx) => {
        await premium(tx, programmes[0]!, opds[0]!, 1);
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 400));
      }),
      firstInserted.then(() => t.withTenant(city.id, (tx) => premium(tx, programmes[2]!, opds[1]!, 3))),
    ]);
    await t.withTenant(city.id, async (tx) => {
      expect(await tx.bpjsDoubleCover.findMany({ select: { memberId: true, opdIds: true } })).toEqual([{ memberId: member.id, opdIds: [...opds].sort() }]);
      await expectEqualToRecount(tx);
    });
  });

  it("go with a deleted city", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(city.id, async (tx) => {
      const w = await buildWorld(tx, city, 1);
      await run(tx, w, {
        kind: "insert",
        rows: [
          { member: 0, opd: 0, start: 0, months: 6, status: "VERIFIED", premium: true },
          { member: 0, opd: 1, start: 2, months: 6, status: "VERIFIED", premium: true },
        ],
      });
      expect(await tx.bpjsDoubleCover.count()).toBe(1);
    });
    const owner = await openTestOwnerDb();
    try {
      await owner.db.$executeRaw`DELETE FROM "Tenant" WHERE id = ${city.id}`;
      const [row] = await owner.db.$queryRaw<{ n: number }[]>`
        SELECT ((SELECT count(*) FROM "BpjsDoubleCover" WHERE "tenantId" = ${city.id}) + (SELECT count(*) FROM "BpjsCoverEnd" WHERE "tenantId" = ${city.id}))::int AS n`;
      expect(row?.n).toBe(0);
    } finally {
      await owner.close();
    }
  });
});
