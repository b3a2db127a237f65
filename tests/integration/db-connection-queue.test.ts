import { afterAll, beforeAll, expect, inject, it } from "vitest";
import pg from "pg";
import { parseRegistrySearchParams } from "@/features/registry/search/schema";
import { searchHouseholds } from "@/features/registry/search/search-households";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";

// Prisma loads a query's relations side by side; inside a tenant scope they share one
// connection. pg 8 queued such queries with a deprecation warning and pg 9 refuses them:
// lib/db/adapter.ts makes them wait for each other. This counts queries in flight per
// connection, as pg sees them.
const inFlight = new WeakMap<pg.Client, number>();
let most = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) {
    const now = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, now);
    most = Math.max(most, now);
    result.finally(() => inFlight.set(this, (inFlight.get(this) ?? 1) - 1)).catch(() => undefined);
  }
  return result;
} as typeof query;

let t: TestDb;
let city: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    for (let i = 0; i < 3; i++) await makeHousehold(tx, city, { members: [{ name: `Budi Antrian ${i}` }, { name: "Sri Antrian" }] });
  });
});

afterAll(async () => {
  await t?.close();
});

it("sends one query at a time on a connection, even when a page's query loads relations side by side", async () => {
  most = 0;
  const page = await t.withTenant(city.id, (tx) =>
    searchHouseholds(tx, parseRegistrySearchParams({ q: "budi antrian" }), { tenantId: city.id, scope: { kelurahanId: null, nothing: false } }),
  );
  expect(page.rows).toHaveLength(3);
  // PGlite (no test server) does not go through pg at all.
  expect(most).toBe(inject("testDatabaseUrl") ? 1 : 0);
});

it("keeps the transaction whole when one of the queries started together fails", async () => {
  const before = await t.withTenant(city.id, (tx) => tx.household.count());
  await expect(
    t.withTenant(city.id, (tx) => Promise.all([makeHousehold(tx, city, { members: [{ name: "Tidak Jadi" }] }), tx.$queryRaw`SELECT 1 / 0`])),
  ).rejects.toThrow();
  expect(await t.withTenant(city.id, (tx) => tx.household.count())).toBe(before);
});
