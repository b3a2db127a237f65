import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getScopeChoices } from "@/features/users/queries";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

describe("the scope picker of a kelurahan officer's account", () => {
  it("tells apart two kelurahan of the city that share a name by their kecamatan", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(city.id, async (tx) => {
      const other = await tx.area.create({ data: { tenantId: city.id, code: `${city.slug}.02`, name: "Sekarbela", level: "KECAMATAN" } });
      await tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: city.kelurahanId } }, data: { name: "Tanjung Karang" } });
      await tx.area.create({ data: { tenantId: city.id, code: `${city.slug}.02.1002`, name: "Tanjung Karang", level: "KELURAHAN", parentId: other.id } });
    });
    const { kecamatan } = await t.withTenant(city.id, getScopeChoices);
    expect(kecamatan.flatMap((group) => group.kelurahan.map((k) => k.name)).sort()).toEqual(["Tanjung Karang (Kecamatan Uji)", "Tanjung Karang (Sekarbela)"]);
  });
});
