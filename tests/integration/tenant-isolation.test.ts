import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "../helpers/factories";

let t: TestDb;
let cityA: TestTenant;
let cityB: TestTenant;
let householdA: string;
let householdB: string;

beforeAll(async () => {
  t = await openTestDb();
  cityA = await createTestTenant(t.db, t.withTenant);
  cityB = await createTestTenant(t.db, t.withTenant);
  householdA = (await t.withTenant(cityA.id, (tx) => createTestHousehold(tx, cityA))).id;
  householdB = (await t.withTenant(cityB.id, (tx) => createTestHousehold(tx, cityB))).id;
});

afterAll(async () => {
  await t?.close();
});

describe("the application filter", () => {
  it("lists only the scope's tenant", async () => {
    const ids = await t.withTenant(cityA.id, (tx) => tx.household.findMany({ select: { id: true } }));
    expect(ids.map((row) => row.id)).toEqual([householdA]);
  });

  it("answers another tenant's record as not found, even when asked by its key", async () => {
    const found = await t.withTenant(cityA.id, (tx) => tx.household.findUnique({ where: { tenantId_id: { tenantId: cityB.id, id: householdB } } }));
    expect(found).toBeNull();
  });

  it("refuses to update or delete another tenant's record", async () => {
    const updated = await t.withTenant(cityA.id, (tx) => tx.household.updateMany({ where: { id: householdB }, data: { address: "diubah" } }));
    expect(updated.count).toBe(0);
    const still = await t.withTenant(cityB.id, (tx) => tx.household.findFirst({ where: { id: householdB } }));
    expect(still?.address).not.toBe("diubah");
  });

  it("refuses to create a row for another tenant", async () => {
    await expect(t.withTenant(cityA.id, (tx) => tx.opd.create({ data: { tenantId: cityB.id, code: "X", name: "X", shortName: "X" } }))).rejects.toThrow(
      /another tenant/,
    );
  });

  it("refuses a tenant-owned query outside any scope", async () => {
    await expect(t.db.household.findMany()).rejects.toThrow(/outside withTenant/);
  });
});

describe("row-level security underneath", () => {
  it("returns nothing of another tenant to raw SQL that forgets the filter", async () => {
    const rows = await t.withTenant(cityA.id, (tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Household"`);
    expect(rows.map((row) => row.id)).toEqual([householdA]);
  });

  it("returns nothing at all to raw SQL outside a tenant", async () => {
    const rows = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Household"`;
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it("rejects raw SQL writing into another tenant", async () => {
    await expect(
      t.withTenant(cityA.id, (tx) =>
        tx.$executeRaw`UPDATE "Household" SET address = 'diubah' WHERE id = ${householdB}`.then((count) => {
          if (count === 0) throw new Error("row-level security hid the row");
          return count;
        }),
      ),
    ).rejects.toThrow(/row-level security hid the row/);
    await expect(
      t.withTenant(cityA.id, (tx) => tx.$executeRaw`INSERT INTO "Opd" ("tenantId", id, code, name, "shortName") VALUES (${cityB.id}, 'x', 'X', 'X', 'X')`),
    ).rejects.toThrow(/row-level security/);
  });

  it("connects as a role that cannot bypass row-level security", async () => {
    const [role] = await t.db.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; owns: boolean }[]>`
      SELECT r.rolsuper, r.rolbypassrls,
             EXISTS (SELECT 1 FROM pg_tables WHERE tableowner = current_user AND schemaname = 'public') AS owns
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: false });
  });

  it("lets a filter on an enum (status, kind) be checked before the policy, so it can use an index", async () => {
    // Without LEAKPROOF enum equality (the baseline migration's last step) PostgreSQL checks a
    // status only after the policy, row by row: a city's drafts were found by reading all its aid.
    const flags = await t.db.$queryRaw<{ name: string; leakproof: boolean }[]>`
      SELECT proname AS name, proleakproof AS leakproof FROM pg_proc WHERE proname IN ('enum_eq', 'enum_ne') ORDER BY proname`;
    expect(flags).toEqual([
      { name: "enum_eq", leakproof: true },
      { name: "enum_ne", leakproof: true },
    ]);
  });

  it("protects every table that has a tenantId column", async () => {
    const unprotected = await t.db.$queryRaw<{ table: string }[]>`
      SELECT c.relname AS table
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
      WHERE c.relkind = 'r'
        AND (NOT c.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))`;
    expect(unprotected).toEqual([]);
  });
});

describe("platform events", () => {
  const insertEvent = (tx: Parameters<Parameters<TestDb["withPlatform"]>[0]>[0], entityId: string) =>
    tx.$executeRaw`INSERT INTO "PlatformEvent" (action, entity, "entityId") VALUES ('uji', 'Tenant', ${entityId})`;
  const countEvents = (tx: Parameters<Parameters<TestDb["withPlatform"]>[0]>[0], entityId: string) =>
    tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PlatformEvent" WHERE "entityId" = ${entityId}`.then((rows) => Number(rows[0]?.n));

  it("are read and written in the platform's scope only: no city sees, changes or adds one", async () => {
    const entityId = `peristiwa-${cityA.id}`;
    await t.withPlatform((tx) => insertEvent(tx, entityId));
    expect(await t.withPlatform((tx) => countEvents(tx, entityId))).toBe(1);

    expect(await t.withTenant(cityA.id, (tx) => countEvents(tx, entityId))).toBe(0);
    expect(await t.withTenant(cityA.id, (tx) => tx.platformEvent.count({ where: { entityId } }))).toBe(0);
    expect(await t.withTenant(cityA.id, (tx) => tx.$executeRaw`UPDATE "PlatformEvent" SET action = 'diubah' WHERE "entityId" = ${entityId}`)).toBe(0);
    expect(await t.withTenant(cityA.id, (tx) => tx.$executeRaw`DELETE FROM "PlatformEvent" WHERE "entityId" = ${entityId}`)).toBe(0);
    await expect(t.withTenant(cityA.id, (tx) => insertEvent(tx, `${entityId}-kota`))).rejects.toThrow(/row-level security/);
    expect(await t.withPlatform((tx) => tx.platformEvent.findMany({ where: { entityId }, select: { action: true } }))).toEqual([{ action: "uji" }]);
  });

  it("are under row-level security, which the app's role cannot bypass", async () => {
    const [table] = await t.db.$queryRaw<{ rls: boolean; policies: bigint }[]>`
      SELECT c.relrowsecurity AS rls, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c WHERE c.oid = '"PlatformEvent"'::regclass`;
    expect(table?.rls).toBe(true);
    expect(Number(table?.policies)).toBeGreaterThan(0);
  });
});
