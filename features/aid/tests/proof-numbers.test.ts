import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDistributionDefinition, reverseDistributionDefinition, verifyDistributionsDefinition } from "@/features/aid/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import type { SessionUser } from "@/lib/auth/session-user";
import { actionDeps, runSubmitted, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let staff: SessionUser;
let head: SessionUser;
let programmeId: string;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const opd = await read((tx) => tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }));
  staff = sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: opd.id });
  head = sessionUser(city, "OPD_HEAD", { id: `kepala-${city.slug}`, opdId: opd.id });
  programmeId = (
    await read((tx) => tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2024, name: "Bantuan Peralatan", kind: "EQUIPMENT_AID" } }))
  ).id;
});
afterAll(async () => {
  await t?.close();
});

function read<T>(fn: Parameters<typeof t.withTenant<T>>[1]) {
  return t.withTenant(city.id, fn);
}
const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) =>
  runSubmitted(actionDeps(t, user), definition, city.slug, input);
const newHousehold = () => read((tx) => createTestHousehold(tx, city)).then((household) => household.id);
const kit = (householdId: string, extra: Record<string, unknown> = {}) => ({
  programmeId,
  householdId,
  kind: "EQUIPMENT",
  items: "1 mesin jahit",
  quantity: "1",
  value: "Rp4,5 juta",
  distributedAt: "2024-08-12",
  proofRef: "BAST/027/2024",
  acknowledgeDuplicate: "on",
  ...extra,
});
async function recorded(input: Record<string, unknown>): Promise<string> {
  const result = await run(staff, createDistributionDefinition, input);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return (result.data as { distributionId: string }).distributionId;
}
const entries = (householdId: string) => read((tx) => tx.aidDistribution.count({ where: { householdId } }));

describe("proof numbers of aid handovers", () => {
  it("refuses a proof number the OPD already recorded for the household, kind and day, however it is cased", async () => {
    const householdId = await newHousehold();
    await recorded(kit(householdId));
    const again = await run(staff, createDistributionDefinition, kit(householdId, { proofRef: " bast/027/2024 " }));
    expect(again).toMatchObject({
      ok: false,
      code: "NUMBER_TAKEN",
      fieldErrors: { proofRef: [expect.stringContaining("Nomor bukti ini sudah tercatat")] },
    });
    expect(await entries(householdId)).toBe(1);
  });

  it("accepts the same proof for another household or another kind of aid, and entries without a proof", async () => {
    const [one, two] = [await newHousehold(), await newHousehold()];
    await recorded(kit(one, { proofRef: "BAST/100/2024" }));
    await recorded(kit(two, { proofRef: "BAST/100/2024" }));
    await recorded(kit(one, { proofRef: "BAST/100/2024", kind: "FOOD", items: "Paket sembako", value: "300.000" }));
    await recorded(kit(one, { proofRef: "" }));
    await recorded(kit(one, { proofRef: "" }));
    expect(await entries(one)).toBe(4);
  });

  it("lets a handover be recorded again with its proof once the wrong entry's reversal is verified, not before", async () => {
    const householdId = await newHousehold();
    const wrong = await recorded(kit(householdId, { proofRef: "BAST/200/2024", value: "Rp45 juta" }));
    expect(await run(head, verifyDistributionsDefinition, { ids: wrong })).toMatchObject({ ok: true });
    const reversal = await run(staff, reverseDistributionDefinition, { distributionId: wrong, note: "Nilai salah ketik" });
    expect(reversal).toMatchObject({ ok: true });

    const tooEarly = await run(staff, createDistributionDefinition, kit(householdId, { proofRef: "BAST/200/2024" }));
    expect(tooEarly).toMatchObject({ ok: false, code: "NUMBER_TAKEN" });

    const reversalId = (reversal as { data: { distributionId: string } }).data.distributionId;
    expect(await run(head, verifyDistributionsDefinition, { ids: reversalId })).toMatchObject({ ok: true });
    await recorded(kit(householdId, { proofRef: "BAST/200/2024" }));
  });

  it("records one entry when two clerks send the same proof at the same moment", async () => {
    const householdId = await newHousehold();
    const results = await Promise.all([run(staff, createDistributionDefinition, kit(householdId)), run(staff, createDistributionDefinition, kit(householdId))]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
    expect(await entries(householdId)).toBe(1);
  });
});
