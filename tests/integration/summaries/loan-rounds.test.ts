// LoanRound (prisma/sql/summaries/loan-rounds.sql) and the loan's generated schedule start
// (loan-schedule.sql) against a recount from the loans, after random multi-row statements:
// several loans of one round proposed at once, status changes, loans moved between rounds and
// funds, disbursement dates and grace changed, deletions.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { attempt, inDiscardedWorld, index, indices, pick, picks, type World, runs } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const kept = (tx: Tx) => tx.$queryRaw<unknown[]>`SELECT "fundId", round, open, closed FROM "LoanRound" WHERE open <> 0 OR closed <> 0 ORDER BY 1, 2`;
const recount = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT "fundId", round,
                                 (count(*) FILTER (WHERE status IN ('PROPOSED', 'APPROVED', 'DISBURSED')))::int AS open,
                                 (count(*) FILTER (WHERE status IN ('REPAID', 'WRITTEN_OFF')))::int AS closed
                            FROM "Loan" WHERE status <> 'REJECTED' GROUP BY 1, 2 ORDER BY 1, 2`;
/** Loans whose generated schedule start differs from their disbursement date and grace. */
const scheduleOff = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT id FROM "Loan"
                           WHERE ("scheduleMonth", "scheduleDay") IS DISTINCT FROM
                                 ((extract(year FROM "disbursedAt") * 12 + extract(month FROM "disbursedAt") - 1)::int + "graceMonths",
                                  extract(day FROM "disbursedAt")::int)`;

const status = fc.constantFrom("PROPOSED", "APPROVED", "REJECTED", "DISBURSED", "REPAID", "WRITTEN_OFF");
const round = fc.integer({ min: 1, max: 3 });
const day = fc.option(fc.integer({ min: 0, max: 800 }), { nil: null });

type Command =
  | { kind: "propose"; rows: { fund: number; round: number; status: string; disbursed: number | null; grace: number }[] }
  | { kind: "setStatus"; loans: number[]; status: string }
  | { kind: "move"; loans: number[]; fund: number; round: number }
  | { kind: "schedule"; loans: number[]; disbursed: number | null; grace: number }
  | { kind: "delete"; loans: number[] };

const grace = fc.integer({ min: 0, max: 3 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("propose" as const),
      rows: fc.array(fc.record({ fund: index, round, status, disbursed: day, grace }), { minLength: 1, maxLength: 8 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("setStatus" as const), loans: indices, status }), weight: 3 },
  fc.record({ kind: fc.constant("move" as const), loans: indices, fund: index, round }),
  fc.record({ kind: fc.constant("schedule" as const), loans: indices, disbursed: day, grace }),
  fc.record({ kind: fc.constant("delete" as const), loans: indices }),
);

async function run(tx: Tx, w: World, c: Command) {
  await attempt(tx, async () => {
    const loans = (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Loan" ORDER BY id`).map((l) => l.id);
    switch (c.kind) {
      case "propose":
        return tx.$executeRawUnsafe(
          `INSERT INTO "Loan" ("tenantId", id, "fundId", round, "borrowerNik", "borrowerName", "businessType", purpose,
                                 principal, "tenorMonths", status, "disbursedAt", "graceMonths")
             SELECT $1, gen_random_uuid()::text, f, r, '5271010101900001', 'Peminjam Uji', 'Warung', 'Modal', 1000000, 10,
                    s::"LoanStatus", DATE '2024-01-01' + d, g
               FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::int[]) AS x(f, r, s, d, g)`,
          w.tenantId,
          c.rows.map((r) => pick(w.funds, r.fund)),
          c.rows.map((r) => r.round),
          c.rows.map((r) => r.status),
          c.rows.map((r) => r.disbursed),
          c.rows.map((r) => r.grace),
        );
      case "setStatus":
        return tx.$executeRawUnsafe(
          `UPDATE "Loan" SET status = $2::"LoanStatus" WHERE "tenantId" = $1 AND id = ANY($3::text[])`,
          w.tenantId,
          c.status,
          picks(loans, c.loans),
        );
      case "move":
        return tx.$executeRawUnsafe(
          `UPDATE "Loan" SET "fundId" = $2, round = $3 WHERE "tenantId" = $1 AND id = ANY($4::text[])`,
          w.tenantId,
          pick(w.funds, c.fund),
          c.round,
          picks(loans, c.loans),
        );
      case "schedule":
        return tx.$executeRawUnsafe(
          `UPDATE "Loan" SET "disbursedAt" = DATE '2024-01-01' + $2::int, "graceMonths" = $3 WHERE "tenantId" = $1 AND id = ANY($4::text[])`,
          w.tenantId,
          c.disbursed,
          c.grace,
          picks(loans, c.loans),
        );
      case "delete":
        return tx.$executeRawUnsafe(`DELETE FROM "Loan" WHERE "tenantId" = $1 AND id = ANY($2::text[])`, w.tenantId, picks(loans, c.loans));
    }
  });
}

describe("the lending rounds", () => {
  it("stay equal to a recount from the loans, and each loan's schedule start to its dates, after random multi-row statements", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 14 }), (commands) =>
        inDiscardedWorld(t, city, 0, async (tx, w) => {
          for (const c of commands) await run(tx, w, c);
          expect(await kept(tx)).toEqual(await recount(tx));
          expect(await scheduleOff(tx)).toEqual([]);
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);
});
