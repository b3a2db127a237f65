// With DATABASE_REPLICA_URL set, dashboards read from a streaming replica: a primary and its
// hot standby, made afresh for this file (scripts/replica/pair.mjs), as an operator would run
// them. Writes, and whatever must read its own writes, stay on the primary.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { povertyDashboardQueries as q } from "@/features/dashboards/poverty/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { startReplicaPair } from "@/scripts/replica/pair.mjs";

type Pair = ReturnType<typeof startReplicaPair>;
let pair: Pair;
let lib: typeof import("@/lib/db");
let city: TestTenant;
const filters: DashboardFilters = { year: 2024, kecamatanId: null, opdId: null, programmeId: null };

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp() {
  const psql = (url: string, sql: string) => execFileSync("psql", [url, "-Atc", sql], { encoding: "utf8" }).trim();
  const written = psql(pair.primaryUrl, "SELECT pg_current_wal_lsn()");
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (psql(pair.replicaUrl, `SELECT pg_last_wal_replay_lsn() >= '${written}'::pg_lsn`) === "t") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the replica did not catch up within 20 s");
}

beforeAll(async () => {
  pair = startReplicaPair({ primaryPort: 5462, replicaPort: 5463 });
  await applyMigrations({ kind: "postgres", url: pair.primaryUrl });
  // As a server configured so: the app's client on the primary, reports on the replica.
  process.env.DATABASE_URL = pair.primaryUrl;
  process.env.DATABASE_REPLICA_URL = pair.replicaUrl;
  lib = await import("@/lib/db");
  city = await createTestTenant(lib.db, lib.withTenant);
  await lib.withTenant(city.id, async (tx) => {
    await createTestHousehold(tx, city, { desil: 1, isExtremePoor: true });
    await createTestHousehold(tx, city, { desil: 3 });
  });
  await replicaCaughtUp();
}, 180_000);

afterAll(async () => {
  await lib?.closeDb();
  pair?.stop();
});

describe("reports on a streaming replica", () => {
  it("reads a dashboard's figures on the replica, and the same figures as the primary holds", async () => {
    const onReplica = await lib.withTenantReport(city.id, async (tx) => ({
      inRecovery: (await tx.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!.r,
      rows: await q.registryByKelurahan(tx, filters),
    }));
    const onPrimary = await lib.withTenant(city.id, async (tx) => ({
      inRecovery: (await tx.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!.r,
      rows: await q.registryByKelurahan(tx, filters),
    }));
    expect(onReplica.inRecovery).toBe(true);
    expect(onPrimary.inRecovery).toBe(false);
    expect(onReplica.rows.reduce((sum, row) => sum + row.households, 0)).toBe(2);
    expect(onReplica.rows).toEqual(onPrimary.rows);
  });

  it("keeps the tenant's row-level security on the replica: another city's reports see none of it", async () => {
    const other = await createTestTenant(lib.db, lib.withTenant);
    await replicaCaughtUp();
    const rows = await lib.withTenantReport(other.id, (tx) => tx.household.count());
    expect(rows).toBe(0);
  });

  it("refuses a write in a report's transaction", async () => {
    await expect(lib.withTenantReport(city.id, (tx) => createTestHousehold(tx, city))).rejects.toThrow(/read-only/);
  });
});

describe("a report's transaction on the primary", () => {
  let t: TestDb;
  let own: TestTenant;
  beforeAll(async () => {
    t = await openTestDb();
    own = await createTestTenant(t.db, t.withTenant);
  });
  afterAll(async () => t?.close());

  it("is read-only there too, so nothing that writes can be moved to a replica unnoticed", async () => {
    await expect(t.withTenant(own.id, (tx) => createTestHousehold(tx, own), { readOnly: true })).rejects.toThrow(/read-only/);
    expect(await t.withTenant(own.id, (tx) => tx.household.count(), { readOnly: true })).toBe(0);
  });
});
