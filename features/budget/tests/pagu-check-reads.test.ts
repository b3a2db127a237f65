// The pagu check runs under the line's lock, so every clerk of the line waits for it: it must
// read the line's totals (kept by trigger), not every entry of a line that holds thousands.
// Its answer must still be what a recount of the entries says, whatever the mix of entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { committedBeside, committedBesideSql } from "@/features/budget/line-entries";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type City = Awaited<ReturnType<typeof createTestTenant>>;

async function aidLine(tx: Tx, city: City, aidMode: "ON_TOP" | "AID_IS_REALISATION") {
  const opd = await tx.opd.create({ data: { tenantId: city.id, code: `1.06.${aidMode}`, name: "Dinas Sosial", shortName: "Dinsos" } });
  const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2025, name: "Bantuan Pangan", kind: "FOOD_AID" } });
  const line = await tx.budgetLine.create({
    data: { tenantId: city.id, programmeId: programme.id, description: "Paket sembako", pagu: 1_000_000_000n, fundingSource: "APBD", aidMode },
  });
  const household = await createTestHousehold(tx, city);
  return { opd, programme, line, household };
}

/** Rows each table gave the statement, by EXPLAIN ANALYZE. */
async function rowsReadBy(tx: Tx, statement: Prisma.Sql): Promise<Record<string, number>> {
  const [row] = await tx.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, ...statement.values);
  const rows: Record<string, number> = {};
  const walk = (node: PlanNode) => {
    if (node["Relation Name"]) rows[node["Relation Name"]] = (rows[node["Relation Name"]] ?? 0) + node["Actual Rows"] * node["Actual Loops"];
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(row!["QUERY PLAN"][0].Plan);
  return rows;
}

type PlanNode = { "Relation Name"?: string; "Actual Rows": number; "Actual Loops": number; Plans?: PlanNode[] };

/** What the entries themselves say the pool of `entryId` holds beside it. */
async function recount(tx: Tx, tenantId: string, lineId: string, entryId: string, pool: string) {
  const [row] = await tx.$queryRaw<{ committed: bigint }[]>`
    SELECT COALESCE(SUM(e.amount), 0)::bigint AS committed FROM (
      SELECT r.id, r.amount, r.status::text, 'SPENDING' AS pool FROM "BudgetRealisation" r WHERE r."tenantId" = ${tenantId} AND r."budgetLineId" = ${lineId}
      UNION ALL
      SELECT a.id, a.value, a.status::text, CASE bl."aidMode" WHEN 'ON_TOP' THEN 'SPENDING' ELSE 'ITEMISED_AID' END
        FROM "AidDistribution" a JOIN "BudgetLine" bl ON bl."tenantId" = a."tenantId" AND bl.id = a."budgetLineId"
       WHERE a."tenantId" = ${tenantId} AND a."budgetLineId" = ${lineId}) e
     WHERE e.pool = ${pool} AND e.id <> ${entryId} AND (e.status = 'VERIFIED' OR e.amount > 0)`;
  return row?.committed ?? 0n;
}

describe("the pagu check of a budget line", () => {
  it("reads the entry it checks and the line's totals, not the line's other entries", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(city.id, async (tx) => {
      const { opd, programme, line, household } = await aidLine(tx, city, "AID_IS_REALISATION");
      await tx.aidDistribution.createMany({
        data: Array.from({ length: 40 }, (_, i) => ({
          tenantId: city.id,
          programmeId: programme.id,
          opdId: opd.id,
          budgetLineId: line.id,
          householdId: household.id,
          kind: "FOOD" as const,
          items: `Paket ${i}`,
          value: 100_000n,
          distributedAt: new Date(Date.UTC(2025, 0, 1 + i)),
        })),
      });
      const [checked] = await tx.aidDistribution.findMany({ where: { budgetLineId: line.id }, take: 1, select: { id: true } });
      const { committed } = await committedBeside(tx, city.id, line.id, checked!.id);
      const read = await rowsReadBy(tx, committedBesideSql(city.id, line.id, checked!.id));
      expect(committed).toBe(39n * 100_000n);
      expect(read.AidDistribution).toBe(1);
    });
  });

  it("says what a recount of the entries says, for any mix of drafts, verified entries and reversals", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(city.id, async (tx) => {
      let seed = 11;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (const aidMode of ["ON_TOP", "AID_IS_REALISATION"] as const) {
        const { opd, programme, line, household } = await aidLine(tx, city, aidMode);
        const ids: { id: string; pool: string }[] = [];
        for (let i = 0; i < 30; i++) {
          const status = random(2) === 0 ? "VERIFIED" : "DRAFT";
          const amount = BigInt((random(9) - 2) * 50_000);
          if (random(2) === 0) {
            const r = await tx.budgetRealisation.create({
              data: { tenantId: city.id, budgetLineId: line.id, month: 1 + random(12), amount, referenceNo: `SP2D/${aidMode}/${i}`, status },
            });
            ids.push({ id: r.id, pool: "SPENDING" });
          } else {
            const a = await tx.aidDistribution.create({
              data: {
                tenantId: city.id,
                programmeId: programme.id,
                opdId: opd.id,
                budgetLineId: line.id,
                householdId: household.id,
                kind: "FOOD",
                items: `Paket ${i}`,
                value: amount,
                status,
                distributedAt: new Date(Date.UTC(2025, random(12), 1 + random(28))),
              },
            });
            ids.push({ id: a.id, pool: aidMode === "ON_TOP" ? "SPENDING" : "ITEMISED_AID" });
          }
        }
        for (const entry of ids) {
          const checked = await committedBeside(tx, city.id, line.id, entry.id);
          expect({ pool: checked.pool, committed: checked.committed }).toEqual({
            pool: entry.pool,
            committed: await recount(tx, city.id, line.id, entry.id, entry.pool),
          });
        }
      }
    });
  });
});
