// A budget line's page lists its newest aid only: a food line of a large city holds thousands
// of hand-overs, and the page must stay small; the aid list has them all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINE_AID_SHOWN, lineAid } from "@/features/budget/queries";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

describe("a budget line's aid on its page", () => {
  it("reads the newest entries and one more, to say there are more", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const entries = LINE_AID_SHOWN + 7;
    const lineId = await t.withTenant(city.id, async (tx) => {
      const opd = await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } });
      const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2025, name: "Bantuan Pangan", kind: "FOOD_AID" } });
      const line = await tx.budgetLine.create({
        data: { tenantId: city.id, programmeId: programme.id, description: "Paket sembako", pagu: 1_000_000_000n, fundingSource: "APBD" },
      });
      const h = await createTestHousehold(tx, city);
      await tx.aidDistribution.createMany({
        data: Array.from({ length: entries }, (_, i) => ({
          tenantId: city.id,
          programmeId: programme.id,
          opdId: opd.id,
          budgetLineId: line.id,
          householdId: h.id,
          kind: "FOOD" as const,
          items: `Paket ${i}`,
          value: 100_000n,
          distributedAt: new Date(Date.UTC(2025, 0, 1 + i)),
        })),
      });
      return line.id;
    });
    const shown = await t.withTenant(city.id, (tx) => lineAid(tx, lineId));
    expect(shown).toHaveLength(LINE_AID_SHOWN + 1);
    expect(shown[0]?.items).toBe(`Paket ${entries - 1}`);
    expect(shown.map((row) => row.distributedAt.getTime())).toEqual([...shown.map((row) => row.distributedAt.getTime())].sort((a, b) => b - a));
  });
});
