import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKecamatanBreakdown, getTenantOverview, sharePercent } from "@/features/home/queries";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createCountedHouseholds, createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

describe("the city's home page", () => {
  it("counts its areas and its active and extreme-poor households, in all and per kecamatan", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const otherCity = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(city.id, (tx) => createCountedHouseholds(tx, city));
    expect(await t.withTenant(city.id, getTenantOverview)).toEqual({ kecamatan: 1, kelurahan: 1, households: 3, extremePoorHouseholds: 2 });
    expect(await t.withTenant(city.id, getKecamatanBreakdown)).toEqual([
      { id: city.kecamatanId, code: expect.any(String), name: "Kecamatan Uji", kelurahan: 1, households: 3, extremePoorHouseholds: 2 },
    ]);
    // Another city's figures hold none of them.
    expect(await t.withTenant(otherCity.id, getTenantOverview)).toMatchObject({ households: 0, extremePoorHouseholds: 0 });
  });

  it("shows a share only where there is a whole", () => {
    expect(sharePercent(2, 3)).toBeCloseTo(66.667, 3);
    expect(sharePercent(0, 0)).toBeNull();
  });
});
