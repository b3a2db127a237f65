// The tenant that raw SQL binds as a parameter is the one withTenant set, and there is none
// outside a city's scope: a statement built there fails instead of naming no city.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeTenantId } from "@/lib/db/scope-tenant";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  [city, other] = await Promise.all([createTestTenant(t.db, t.withTenant), createTestTenant(t.db, t.withTenant)]);
});

afterAll(async () => {
  await t?.close();
});

describe("the scope's tenant for raw SQL", () => {
  it("is the city withTenant opened, in each of two scopes running at once", async () => {
    const read = (tenant: TestTenant) =>
      t.withTenant(tenant.id, async (tx) => {
        const [row] = await tx.$queryRaw<{ setting: string }[]>`SELECT current_setting('app.tenant_id') AS setting`;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { bound: scopeTenantId(), setting: row?.setting };
      });
    expect(await Promise.all([read(city), read(other)])).toEqual([
      { bound: city.id, setting: city.id },
      { bound: other.id, setting: other.id },
    ]);
  });

  it("is refused outside any scope and in the platform's", async () => {
    expect(() => scopeTenantId()).toThrow(/outside withTenant/);
    await expect(t.withPlatform(async () => scopeTenantId())).rejects.toThrow(/outside withTenant/);
  });
});
