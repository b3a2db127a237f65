// BudgetLineTotal (prisma/sql/summaries/budget-line-totals.sql) against a recount from the
// entries themselves (LINE_ENTRIES), after random multi-row statements on realisations and aid:
// inserted, verified, revalued, moved to another month or line (or off any line), deleted, and
// lines changing aidMode; and BudgetLineSum, kept from BudgetLineTotal, against the same recount per
// line, source and status. The pool read through LINE_TOTALS must match the entries' pool too.
// The same statements hold AidDistributionTotal (prisma/sql/summaries/aid-totals.sql), the aid
// list's totals per programme, kind and status, equal to its recount and to the list's own count.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AidFilter } from "@/features/aid/filters";
import { distributionTotals, distributionWhere } from "@/features/aid/queries";
import { LINE_ENTRIES, LINE_REALISED, LINE_SUMS, LINE_TOTALS } from "@/features/budget/line-entries";
import { lineTotals } from "@/features/budget/totals";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { attempt, entryStatus, index, indices, inDiscardedWorld, pick, picks, runs, type World } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const kept = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT "budgetLineId", source, status::text, month, adds, entries, amount FROM "BudgetLineTotal" ORDER BY 1, 2, 3, 4, 5`;
const recount = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT e."budgetLineId", e.source, e.status::text, e.month, e.amount > 0 AS adds, count(*)::int AS entries, sum(e.amount)::bigint AS amount
      FROM ${LINE_ENTRIES} e GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

/** BudgetLineSum as kept, and recounted from the entries: per line, source and status. */
const keptSums = (tx: Tx) => tx.$queryRaw<unknown[]>`SELECT "budgetLineId", source, status::text, entries, amount FROM "BudgetLineSum" ORDER BY 1, 2, 3`;
const recountSums = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT e."budgetLineId", e.source, e.status::text, count(*)::int AS entries, sum(e.amount)::bigint AS amount
      FROM ${LINE_ENTRIES} e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

/** Per line and pool: the same sums through LINE_TOTALS (pool from the line's mode now) and over the entries. */
const pooledKept = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT e."budgetLineId", e.pool, e.status::text, e.adds, sum(e.entries)::int AS entries, sum(e.amount)::bigint AS amount
      FROM ${LINE_TOTALS} e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const pooledRecount = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT e."budgetLineId", e.pool, e.status::text, e.amount > 0 AS adds, count(*)::int AS entries, sum(e.amount)::bigint AS amount
      FROM ${LINE_ENTRIES} e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

/** What the budget pages show per line, and the same sums counted over every entry. */
const byLine = <T extends { budgetLineId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.budgetLineId < b.budgetLineId ? -1 : 1));
const pageSums = (tx: Tx, tenantId: string) => lineTotals(tx, { tenantId }).then(byLine);
const entrySums = (tx: Tx) =>
  tx.$queryRaw<{ budgetLineId: string }[]>`
    SELECT bl.id AS "budgetLineId",
           COALESCE(SUM(e.amount) FILTER (WHERE e.pool = 'SPENDING' AND e.status = 'VERIFIED'), 0)::bigint AS "realised",
           (COUNT(e.id) FILTER (WHERE e.pool = 'SPENDING' AND e.status = 'DRAFT'))::int AS "pendingCount",
           COALESCE(SUM(e.amount) FILTER (WHERE e.pool = 'SPENDING' AND e.status = 'DRAFT'), 0)::bigint AS "pendingAmount",
           COALESCE(SUM(e.amount) FILTER (WHERE e.source = 'AID' AND e.status = 'VERIFIED'), 0)::bigint AS "aidVerified",
           (COUNT(e.id) FILTER (WHERE e.source = 'AID' AND e.status = 'DRAFT'))::int AS "aidPendingCount",
           COALESCE(SUM(e.amount) FILTER (WHERE e.source = 'AID' AND e.status = 'DRAFT'), 0)::bigint AS "aidPendingAmount"
      FROM "BudgetLine" bl LEFT JOIN ${LINE_ENTRIES} e ON e."tenantId" = bl."tenantId" AND e."budgetLineId" = bl.id
     GROUP BY bl.id`.then(byLine);

const keptAid = (tx: Tx) =>
  tx.$queryRaw<
    unknown[]
  >`SELECT "programmeId", kind::text, status::text, returned, unproven, entries, amount FROM "AidDistributionTotal" ORDER BY 1, 2, 3, 4, 5`;
const recountAid = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT "programmeId", kind::text, status::text, "returnedAt" IS NOT NULL AS returned, ("proofRef" IS NULL AND "reversesId" IS NULL) AS unproven,
           count(*)::int AS entries, sum(value)::bigint AS amount
      FROM "AidDistribution" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

/** The aid list's totals read from the summary, and counted over the rows the list holds, for each of its filters. */
async function expectAidListTotals(tx: Tx, w: World) {
  const options = { scope: { kind: "city" as const }, fiscalYear: 2024 };
  const filters: AidFilter[] = [
    {},
    { status: "VERIFIED" },
    { jenis: "CAPITAL" },
    { program: w.programmes[1] as string },
    { kembali: "1" },
    { kembali: "0" },
    { bukti: "tanpa" },
    { kembali: "1", bukti: "tanpa", jenis: "EQUIPMENT" },
    { kembali: "0", status: "VERIFIED" },
  ];
  for (const filter of filters) {
    const kept = await distributionTotals(tx, filter, options);
    const counted = await tx.aidDistribution.groupBy({
      by: ["status"],
      where: distributionWhere(filter, options),
      _count: { _all: true },
      _sum: { value: true },
    });
    expect(kept, JSON.stringify(filter)).toEqual({
      count: counted.reduce((sum, g) => sum + g._count._all, 0),
      value: counted.reduce((sum, g) => sum + (g._sum.value ?? 0n), 0n),
      verifiedValue: counted.find((g) => g.status === "VERIFIED")?._sum.value ?? 0n,
    });
  }
  const ownOpd = await distributionTotals(tx, {}, { scope: { kind: "opd", opdId: w.opds[1] as string }, fiscalYear: 2024 });
  const [own] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "AidDistribution" a JOIN "Programme" p ON p.id = a."programmeId"
     WHERE p."fiscalYear" = 2024 AND p."opdId" = ${w.opds[1]}`;
  expect(ownOpd.count).toBe(own?.count);
}

async function expectEqualToRecount(tx: Tx, tenantId: string, w?: World) {
  expect(await keptAid(tx)).toEqual(await recountAid(tx));
  if (w) await expectAidListTotals(tx, w);
  expect(await kept(tx)).toEqual(await recount(tx));
  expect(await keptSums(tx)).toEqual(await recountSums(tx));
  expect(await pooledKept(tx)).toEqual(await pooledRecount(tx));
  const page = (await pageSums(tx, tenantId)).map((row) => ({
    budgetLineId: row.budgetLineId,
    realised: row.realised,
    pendingCount: row.pendingCount,
    pendingAmount: row.pendingAmount,
    aidVerified: row.aidVerified,
    aidPendingCount: row.aidPendingCount,
    aidPendingAmount: row.aidPendingAmount,
  }));
  expect(page).toEqual(await entrySums(tx));
  // LINE_REALISED, what sums over many lines read, is each line's realised as the pages show it.
  const realisedPerLine = await tx.$queryRaw<{ budgetLineId: string; amount: bigint }[]>`
    SELECT e."budgetLineId", e.amount::bigint AS amount FROM ${LINE_REALISED} e`;
  const realisedOf = new Map(realisedPerLine.map((row) => [row.budgetLineId, row.amount]));
  expect(realisedOf.size).toBe(realisedPerLine.length);
  expect(page.map((row) => ({ budgetLineId: row.budgetLineId, realised: realisedOf.get(row.budgetLineId) ?? 0n }))).toEqual(
    page.map((row) => ({ budgetLineId: row.budgetLineId, realised: row.realised })),
  );
  expect([...realisedOf.keys()].every((id) => page.some((row) => row.budgetLineId === id))).toBe(true);
  // LINE_SUMS is the summary's fragment: over LINE_TOTALS it is what the pages read.
  const [one] = await tx.$queryRaw<{ realised: bigint }[]>`SELECT ${LINE_SUMS} FROM ${LINE_TOTALS} e`;
  expect(one?.realised).toBe(page.reduce((sum, row) => sum + row.realised, 0n));
}

/** Three lines: two on one programme, one on another; the first counts its aid on top. */
async function addLines(tx: Tx, w: World): Promise<string[]> {
  const lines = [];
  for (const [i, programme] of [0, 0, 2].entries()) {
    const line = await tx.budgetLine.create({
      data: {
        tenantId: w.tenantId,
        programmeId: w.programmes[programme] as string,
        fundingSource: "APBD",
        description: `Belanja ${i}`,
        pagu: 100_000_000n,
        aidMode: i === 0 ? "ON_TOP" : "AID_IS_REALISATION",
      },
    });
    lines.push(line.id);
  }
  return lines;
}

const amount = fc.constantFrom(1_000_000, 250_000, -500_000, 0);
const month = fc.integer({ min: 1, max: 12 });
/** A line by index; the last choice is no line (aid only). */
const lineChoice = fc.nat({ max: 3 });
const table = fc.constantFrom("BudgetRealisation" as const, "AidDistribution" as const);

type Command =
  | { kind: "insertAid"; rows: { line: number; household: number; status: string; value: number; month: number; programme: number; capital: boolean }[] }
  | { kind: "editAid"; rows: number[]; programme: number; capital: boolean }
  | { kind: "aidFlags"; rows: number[]; returned: boolean; proven: boolean }
  | { kind: "insertRealisations"; rows: { line: number; status: string; amount: number; month: number }[] }
  | { kind: "setStatus"; table: "BudgetRealisation" | "AidDistribution"; rows: number[]; status: string }
  | { kind: "setAmount"; table: "BudgetRealisation" | "AidDistribution"; rows: number[]; amount: number }
  | { kind: "setMonth"; table: "BudgetRealisation" | "AidDistribution"; rows: number[]; month: number }
  | { kind: "rotate"; table: "BudgetRealisation" | "AidDistribution"; rows: number[] }
  | { kind: "moveLine"; table: "BudgetRealisation" | "AidDistribution"; rows: number[]; line: number }
  | { kind: "delete"; table: "BudgetRealisation" | "AidDistribution"; rows: number[] }
  | { kind: "aidMode"; lines: number[]; onTop: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("insertAid" as const),
      rows: fc.array(fc.record({ line: lineChoice, household: index, status: entryStatus, value: amount, month, programme: index, capital: fc.boolean() }), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("insertRealisations" as const),
      rows: fc.array(fc.record({ line: lineChoice, status: entryStatus, amount, month }), { minLength: 1, maxLength: 5 }),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant("setStatus" as const), table, rows: indices, status: entryStatus }),
  fc.record({ kind: fc.constant("setAmount" as const), table, rows: indices, amount }),
  fc.record({ kind: fc.constant("setMonth" as const), table, rows: indices, month }),
  fc.record({ kind: fc.constant("rotate" as const), table, rows: indices }),
  fc.record({ kind: fc.constant("moveLine" as const), table, rows: indices, line: lineChoice }),
  fc.record({ kind: fc.constant("delete" as const), table, rows: indices }),
  fc.record({ kind: fc.constant("aidMode" as const), lines: indices, onTop: fc.boolean() }),
  fc.record({ kind: fc.constant("editAid" as const), rows: indices, programme: index, capital: fc.boolean() }),
  fc.record({ kind: fc.constant("aidFlags" as const), rows: indices, returned: fc.boolean(), proven: fc.boolean() }),
);

const ids = (tx: Tx, name: "BudgetRealisation" | "AidDistribution") =>
  tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${Prisma.raw(`"${name}"`)} ORDER BY id`.then((r) => r.map((x) => x.id));

/** Each command is one SQL statement, so the triggers see every row of it at once. */
async function run(tx: Tx, w: World, lines: string[], c: Command) {
  // Realisations always have a line: "no line" picks the first.
  const lineOf = (i: number, nullable: boolean) => (i >= lines.length ? (nullable ? null : lines[0]) : lines[i]) ?? null;
  await attempt(tx, async () => {
    switch (c.kind) {
      case "insertAid":
        return tx.$executeRawUnsafe(
          `INSERT INTO "AidDistribution" ("tenantId", id, "programmeId", "opdId", "budgetLineId", "householdId", kind, items, value, "distributedAt", status)
             SELECT $1, gen_random_uuid()::text, p, $2, l, h, k::"AidKind", '1 mesin jahit', v, make_date(2024, m, 15), s::"EntryStatus"
               FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::int[], $8::text[], $9::text[]) AS x(p, l, h, v, m, s, k)`,
          w.tenantId,
          w.opds[0],
          c.rows.map((r) => pick(w.programmes, r.programme)),
          c.rows.map((r) => lineOf(r.line, true)),
          c.rows.map((r) => pick(w.households, r.household)),
          c.rows.map((r) => r.value),
          c.rows.map((r) => r.month),
          c.rows.map((r) => r.status),
          c.rows.map((r) => (r.capital ? "CAPITAL" : "EQUIPMENT")),
        );
      case "editAid":
        return tx.$executeRawUnsafe(
          `UPDATE "AidDistribution" SET "programmeId" = $2, kind = $3::"AidKind" WHERE "tenantId" = $1 AND id = ANY($4::text[])`,
          w.tenantId,
          pick(w.programmes, c.programme),
          c.capital ? "CAPITAL" : "EQUIPMENT",
          picks(await ids(tx, "AidDistribution"), c.rows),
        );
      case "aidFlags":
        return tx.$executeRawUnsafe(
          `UPDATE "AidDistribution" SET "returnedAt" = CASE WHEN $2 THEN now() END, "proofRef" = CASE WHEN $3 THEN 'BA-1' END
            WHERE "tenantId" = $1 AND id = ANY($4::text[])`,
          w.tenantId,
          c.returned,
          c.proven,
          picks(await ids(tx, "AidDistribution"), c.rows),
        );
      case "insertRealisations":
        return tx.$executeRawUnsafe(
          `INSERT INTO "BudgetRealisation" ("tenantId", id, "budgetLineId", month, amount, status)
             SELECT $1, gen_random_uuid()::text, l, m, a, s::"EntryStatus"
               FROM unnest($2::text[], $3::bigint[], $4::int[], $5::text[]) AS x(l, a, m, s)`,
          w.tenantId,
          c.rows.map((r) => lineOf(r.line, false)),
          c.rows.map((r) => r.amount),
          c.rows.map((r) => r.month),
          c.rows.map((r) => r.status),
        );
      case "aidMode":
        return tx.$executeRawUnsafe(
          `UPDATE "BudgetLine" SET "aidMode" = $2::"AidBudgetMode" WHERE "tenantId" = $1 AND id = ANY($3::text[])`,
          w.tenantId,
          c.onTop ? "ON_TOP" : "AID_IS_REALISATION",
          picks(lines, c.lines),
        );
      default: {
        const rows = picks(await ids(tx, c.table), c.rows);
        const aid = c.table === "AidDistribution";
        const amountColumn = aid ? "value" : "amount";
        const set = {
          setStatus: `status = $3::"EntryStatus"`,
          setAmount: `${amountColumn} = $3::bigint`,
          setMonth: aid ? `"distributedAt" = make_date(2024, $3::int, 15)` : `month = $3::int`,
          // Several rows to several months at once: each to the next month.
          rotate: aid ? `"distributedAt" = ("distributedAt" + interval '1 month')::date` : `month = month % 12 + 1`,
          moveLine: `"budgetLineId" = $3::text`,
          delete: "",
        }[c.kind];
        const value = {
          setStatus: "status" in c ? c.status : null,
          setAmount: "amount" in c ? c.amount : null,
          setMonth: "month" in c ? c.month : null,
          rotate: null,
          moveLine: "line" in c ? lineOf(c.line, aid) : null,
          delete: null,
        }[c.kind];
        const sql =
          c.kind === "delete"
            ? `DELETE FROM "${c.table}" WHERE "tenantId" = $1 AND id = ANY($2::text[])`
            : `UPDATE "${c.table}" SET ${set} WHERE "tenantId" = $1 AND id = ANY($2::text[])`;
        return set.includes("$3") ? tx.$executeRawUnsafe(sql, w.tenantId, rows, value) : tx.$executeRawUnsafe(sql, w.tenantId, rows);
      }
    }
  });
}

describe("the budget lines' totals", () => {
  it("follow an entry written, verified, moved and deleted, and a line changing its aid mode", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await inDiscardedWorld(t, city, 2, async (tx, w) => {
      const lines = await addLines(tx, w);
      const [onTop, itemised] = lines as [string, string];
      await run(tx, w, lines, {
        kind: "insertAid",
        rows: [{ line: 1, household: 0, status: "DRAFT", value: 1_000_000, month: 3, programme: 0, capital: false }],
      });
      await run(tx, w, lines, { kind: "insertRealisations", rows: [{ line: 1, status: "VERIFIED", amount: 250_000, month: 3 }] });
      const sums = async (line: string) => (await lineTotals(tx, { tenantId: w.tenantId, budgetLineId: line }))[0];
      expect(await sums(itemised)).toMatchObject({ realised: 250_000n, pendingCount: 0, aidPendingCount: 1, aidPendingAmount: 1_000_000n });
      await run(tx, w, lines, { kind: "setStatus", table: "AidDistribution", rows: [0], status: "VERIFIED" });
      expect(await sums(itemised)).toMatchObject({ realised: 250_000n, aidVerified: 1_000_000n, aidPendingCount: 0 });
      await run(tx, w, lines, { kind: "aidMode", lines: [1], onTop: true });
      expect(await sums(itemised)).toMatchObject({ realised: 1_250_000n });
      await run(tx, w, lines, { kind: "moveLine", table: "AidDistribution", rows: [0], line: 0 });
      expect(await sums(itemised)).toMatchObject({ realised: 250_000n, aidVerified: 0n });
      expect(await sums(onTop)).toMatchObject({ realised: 1_000_000n, aidVerified: 1_000_000n });
      await run(tx, w, lines, { kind: "delete", table: "AidDistribution", rows: [0] });
      expect(await sums(onTop)).toMatchObject({ realised: 0n, aidVerified: 0n });
      expect(await tx.budgetLineTotal.count({ where: { budgetLineId: onTop } })).toBe(0);
      expect(await tx.budgetLineSum.count({ where: { budgetLineId: onTop } })).toBe(0);
      await expectEqualToRecount(tx, w.tenantId, w);
    });
  });

  it("stay equal to a recount after random multi-row statements", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 16 }), (commands) =>
        inDiscardedWorld(t, city, 3, async (tx, w) => {
          const lines = await addLines(tx, w);
          for (const c of commands) await run(tx, w, lines, c);
          await expectEqualToRecount(tx, w.tenantId, w);
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it("are rebuilt whole equal to what the triggers kept", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 12 }), (commands) =>
        inDiscardedWorld(t, city, 3, async (tx, w) => {
          const lines = await addLines(tx, w);
          for (const c of commands) await run(tx, w, lines, c);
          const [before, beforeSums, beforeAid] = [await kept(tx), await keptSums(tx), await keptAid(tx)];
          await tx.$executeRawUnsafe(`SELECT entas_line_totals_rebuild($1)`, w.tenantId);
          await tx.$executeRawUnsafe(`SELECT entas_aid_totals_rebuild($1)`, w.tenantId);
          expect(await kept(tx)).toEqual(before);
          expect(await keptSums(tx)).toEqual(beforeSums);
          expect(await keptAid(tx)).toEqual(beforeAid);
        }),
      ),
      { numRuns: Math.max(5, Math.floor(runs / 3)) },
    );
  }, 240_000);
});
