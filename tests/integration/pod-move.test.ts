// Moving a city between pods (lib/db/pod-move): a generated city with its registry, programmes,
// budget, trainings, aid and Dana PEM loans goes from the main pod to a second database on the
// same server and back. Every table with a "tenantId" column must arrive row for row (count and
// md5 of the ordered rows), its summaries equal to a recount, the pod it left must hold nothing
// of it, another city must not change, writes are refused while it moves, and a move whose copy
// differs from the source leaves the source as it was and the target empty.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { defineAction } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import { openOwnerDb } from "@/lib/db";
import { readCityCatalog } from "@/lib/db/pod-move/catalog";
import { MoveRefusedError, moveCity } from "@/lib/db/pod-move/move-city";
import { SUMMARY_REBUILDS } from "@/lib/db/pod-move/summaries";
import { z } from "@/lib/validation/zod";
import { generateCity, type GeneratedCity } from "@/scripts/bench/generate-city";
import { postgresSql, type Sql } from "@/scripts/bench/sql";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "../helpers/factories";
import { createSecondPod } from "../helpers/second-pod";

const testUrl = inject("testDatabaseUrl");
const HOUSEHOLDS = 300;

type Table = { rows: number; md5: string };
type Snapshot = Record<string, Table>;

const renameOpd = defineAction({
  name: "test.podMoveRenameOpd",
  permission: "opd:manage",
  schema: z.object({ opdId: z.string().min(1), name: z.string().trim().min(3) }),
  run: ({ tx, tenantId }, input) => tx.opd.update({ where: { tenantId_id: { tenantId, id: input.opdId } }, data: { name: input.name } }),
});

let t: TestDb;
let sql: Sql;
let owner: ReturnType<typeof openOwnerDb>;
let pod2: { url: string; drop: () => Promise<void> };
let main: pg.Client;
let onPod2: pg.Client;
let env: Record<string, string>;
let city: GeneratedCity;
let other: TestTenant;
let adminId: string;

beforeAll(async () => {
  if (!testUrl) return;
  pod2 = await createSecondPod(testUrl, "move_target");
  env = { DATABASE_URL: testUrl, DATABASE_PODS: `pod2=${pod2.url}` };
  t = await openTestDb();
  sql = postgresSql(testUrl, 2);
  owner = openOwnerDb({ kind: "postgres", url: testUrl });
  const suffix = uniqueSuffix();
  city = await generateCity(owner.client, sql, { households: HOUSEHOLDS, slug: `pindah-${suffix}`, tenantCode: `P${suffix}`.slice(0, 20) });
  other = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(other.id, (tx) => createTestHousehold(tx, other));
  main = await connect(testUrl);
  onPod2 = await connect(pod2.url);
  // What the generator does not write: an audit row with its disclosure, a sign-in, a sign-in throttle.
  const admin = await main.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE "tenantId" = $1 AND role = 'CITY_ADMIN'`, [city.tenantId]);
  adminId = admin.rows[0]!.id;
  const audit = await main.query<{ id: string }>(
    `INSERT INTO "AuditLog" ("tenantId", "userId", action, entity, "entityId") VALUES ($1, $2, 'export', 'Household', NULL) RETURNING id`,
    [city.tenantId, adminId],
  );
  const household = await main.query<{ id: string }>(`SELECT id FROM "Household" WHERE "tenantId" = $1 LIMIT 1`, [city.tenantId]);
  await main.query(`INSERT INTO "PersonalDataDisclosure" ("tenantId", "auditLogId", "householdId") VALUES ($1, $2, $3)`, [
    city.tenantId,
    audit.rows[0]!.id,
    household.rows[0]!.id,
  ]);
  await main.query(`INSERT INTO "UserSession" (id, "tenantId", "userId", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`, [
    `s-${suffix}`,
    city.tenantId,
    adminId,
  ]);
  await main.query(`INSERT INTO "RateLimit" (key, count, "windowStart", "userId") VALUES ($1, 1, now(), $2)`, [`sign-in:${admin.rows[0]!.email}`, adminId]);
}, 300_000);

afterAll(async () => {
  await main?.end();
  await onPod2?.end();
  await sql?.close();
  await owner?.close();
  await t?.close();
  await pod2?.drop();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  return client;
}

/** Every table with a "tenantId" column, from information_schema (not the tool's own catalog). */
async function tenantTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.table_name AS name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

async function snapshot(client: pg.Client, tenantId: string): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const table of await tenantTables(client)) {
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM (SELECT * FROM "${table}" WHERE "tenantId" = $1) t`,
      [tenantId],
    );
    result[table] = rows[0]!;
  }
  return result;
}

/** The tables holding at least one row of the city. */
async function tablesHolding(client: pg.Client, tenantId: string): Promise<string[]> {
  const snap = await snapshot(client, tenantId);
  const holding = Object.entries(snap).flatMap(([table, { rows }]) => (rows > 0 ? [table] : []));
  const tenant = await client.query(`SELECT 1 FROM "Tenant" WHERE id = $1`, [tenantId]);
  return tenant.rowCount ? ["Tenant", ...holding] : holding;
}

/** The city's tables after every summary is recounted, in a transaction rolled back. */
async function recounted(client: pg.Client, tenantId: string): Promise<Snapshot> {
  await client.query("BEGIN");
  try {
    for (const rebuild of SUMMARY_REBUILDS) await client.query(`SELECT ${rebuild}($1)`, [tenantId]);
    return await snapshot(client, tenantId);
  } finally {
    await client.query("ROLLBACK");
  }
}

async function directoryRow(tenantId: string) {
  const { rows } = await main.query(`SELECT * FROM "Tenant" WHERE id = $1`, [tenantId]);
  return rows[0] as { pod: string; movingSince: Date | null } & Record<string, unknown>;
}

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (error: unknown) => error,
  );
  return error instanceof MoveRefusedError ? error.reason : `not refused: ${String(error)}`;
}

describe.runIf(testUrl)("moving a city to another pod", () => {
  it("copies every table with a tenantId column, each after the tables its keys point at", async () => {
    const catalog = await readCityCatalog(main);
    expect(catalog.tables.map((table) => table.name).sort()).toEqual(await tenantTables(main));
    const place = new Map(catalog.tables.map((table, at) => [table.name, at]));
    const { rows: keys } = await main.query<{ child: string; parent: string }>(
      `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid`,
    );
    const unquote = (name: string) => name.replaceAll('"', "");
    for (const key of keys.filter((key) => place.has(unquote(key.child)) && place.has(unquote(key.parent)))) {
      expect(place.get(unquote(key.parent))!, `${key.child} → ${key.parent}`).toBeLessThan(place.get(unquote(key.child))!);
    }
    expect(catalog.dependents.map((dependent) => dependent.table)).toContain("RateLimit");
  });

  it("refuses an unknown city or pod, the pod the city is on, a city already moving or with jobs running, and a target holding the city", async () => {
    const slug = city.slug;
    expect(await refusal(moveCity({ slug: "no-such-city", to: "pod2", env }))).toBe("unknown-city");
    expect(await refusal(moveCity({ slug, to: "pod9", env }))).toBe("unknown-pod");
    expect(await refusal(moveCity({ slug, to: "main", env }))).toBe("same-pod");

    await main.query(`UPDATE "Tenant" SET "movingSince" = now() WHERE id = $1`, [city.tenantId]);
    expect(await refusal(moveCity({ slug, to: "pod2", env }))).toBe("moving");
    await main.query(`UPDATE "Tenant" SET "movingSince" = NULL WHERE id = $1`, [city.tenantId]);

    const job = await main.query<{ id: string }>(
      `INSERT INTO "BackgroundJob" ("tenantId", id, kind, state) VALUES ($1, $2, 'test.job', 'RUNNING') RETURNING id`,
      [city.tenantId, `job-${uniqueSuffix()}`],
    );
    expect(await refusal(moveCity({ slug, to: "pod2", env }))).toBe("jobs-running");
    await main.query(`DELETE FROM "BackgroundJob" WHERE "tenantId" = $1 AND id = $2`, [city.tenantId, job.rows[0]!.id]);
    expect((await directoryRow(city.tenantId)).movingSince).toBeNull();

    await onPod2.query(`INSERT INTO "Tenant" (id, slug, name, "kemendagriCode", "provinceName") VALUES ($1, $2, 'Sisa', $3, 'Uji')`, [
      city.tenantId,
      slug,
      `X${uniqueSuffix()}`.slice(0, 20),
    ]);
    expect(await refusal(moveCity({ slug, to: "pod2", env }))).toBe("target-holds-city");
    await onPod2.query(`DELETE FROM "Tenant" WHERE id = $1`, [city.tenantId]);

    expect(await tablesHolding(onPod2, city.tenantId)).toEqual([]);
    expect(await directoryRow(city.tenantId)).toMatchObject({ pod: "main", movingSince: null });
  });

  it("leaves the source as it was and the target empty when the copy differs from the source", async () => {
    const before = await snapshot(main, city.tenantId);
    // A write that slipped past the guard once the rows were copied: the copy no longer equals the source.
    const slipped = () =>
      main.query(`INSERT INTO "AuditLog" ("tenantId", action, entity) VALUES ($1, 'update', 'Household')`, [city.tenantId]).then(() => undefined);
    const error = await moveCity({ slug: city.slug, to: "pod2", env, afterCopy: slipped }).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(MoveRefusedError);
    expect((error as MoveRefusedError).reason).toBe("mismatch");
    expect((error as MoveRefusedError).message).toMatch(/AuditLog: \d+ rows on the source, \d+ on the target/);

    expect(await tablesHolding(onPod2, city.tenantId)).toEqual([]);
    expect(await directoryRow(city.tenantId)).toMatchObject({ pod: "main", movingSince: null });
    await main.query(`DELETE FROM "AuditLog" WHERE "tenantId" = $1 AND "userId" IS NULL AND action = 'update'`, [city.tenantId]);
    expect(await snapshot(main, city.tenantId)).toEqual(before);
  });

  it("notices a row changed on the source as well as a row added", async () => {
    const before = await snapshot(main, city.tenantId);
    const household = await main.query<{ id: string; address: string }>(`SELECT id, address FROM "Household" WHERE "tenantId" = $1 ORDER BY id LIMIT 1`, [
      city.tenantId,
    ]);
    const { id, address } = household.rows[0]!;
    const changed = () =>
      main.query(`UPDATE "Household" SET address = address || ' (baru)' WHERE "tenantId" = $1 AND id = $2`, [city.tenantId, id]).then(() => undefined);
    const error = await moveCity({ slug: city.slug, to: "pod2", env, afterCopy: changed }).catch((error: unknown) => error);
    expect((error as MoveRefusedError).reason).toBe("mismatch");
    expect((error as MoveRefusedError).message).toMatch(/Household: the rows differ/);
    expect(await tablesHolding(onPod2, city.tenantId)).toEqual([]);
    await main.query(`UPDATE "Household" SET address = $3 WHERE "tenantId" = $1 AND id = $2`, [city.tenantId, id, address]);
    expect(await snapshot(main, city.tenantId)).toEqual(before);
  });

  it("moves the city to pod2 and back, every row equal, summaries equal to a recount, the pod it left empty, another city untouched", async () => {
    const before = await snapshot(main, city.tenantId);
    const tenantBefore = await directoryRow(city.tenantId);
    const otherBefore = await snapshot(main, other.id);
    expect(before.Household!.rows).toBe(HOUSEHOLDS);
    for (const table of [
      "Member",
      "Programme",
      "BudgetRealisation",
      "Training",
      "TrainingParticipant",
      "AidDistribution",
      "Loan",
      "Repayment",
      "HouseholdReach",
      "HouseholdYearReach",
      "AuditLog",
      "PersonalDataDisclosure",
      "UserSession",
    ]) {
      expect(before[table]!.rows, table).toBeGreaterThan(0);
    }
    expect(await recounted(main, city.tenantId)).toEqual(before);

    const opd = await main.query<{ id: string }>(`SELECT id FROM "Opd" WHERE "tenantId" = $1 LIMIT 1`, [city.tenantId]);
    const admin = sessionUser({ id: city.tenantId, slug: city.slug, kecamatanId: "", kelurahanId: "" }, "CITY_ADMIN", { id: adminId });
    // Tried once the copy is in, and once the directory names pod2: a process may still send the
    // city's work to the main pod until its remembered pod expires, so the city stays read-only.
    const refusals: string[] = [];
    const tryWrite = async () => {
      const result = await runAction(actionDeps(t, admin), renameOpd, city.slug, { opdId: opd.rows[0]!.id, name: "Dinas Dipindah" });
      refusals.push(result.ok ? "written" : result.code);
    };
    const there = await moveCity({ slug: city.slug, to: "pod2", env, afterCopy: tryWrite, afterFlip: tryWrite });
    expect(refusals).toEqual(["CITY_MOVING", "CITY_MOVING"]);
    expect(there).toMatchObject({ from: "main", to: "pod2" });
    expect(there.rows.Household).toBe(HOUSEHOLDS);
    expect(await snapshot(onPod2, city.tenantId)).toEqual(before);
    expect(await recounted(onPod2, city.tenantId)).toEqual(before);
    expect(await directoryRow(city.tenantId)).toMatchObject({ pod: "pod2", movingSince: null });
    const onPod2Tenant = await onPod2.query(`SELECT * FROM "Tenant" WHERE id = $1`, [city.tenantId]);
    expect(onPod2Tenant.rows[0]).toEqual({ ...tenantBefore, pod: "pod2", movingSince: null });
    // The main pod keeps the directory: the city's Tenant row, its users' sign-in entries and
    // their throttles, so its users still sign in and a lock still holds.
    expect(await tablesHolding(main, city.tenantId)).toEqual(["Tenant", "SignInDirectory"]);
    const signIn = await main.query(`SELECT "tenantId" FROM "SignInDirectory" WHERE "userId" = $1`, [adminId]);
    expect(signIn.rows).toEqual([{ tenantId: city.tenantId }]);
    const throttles = await main.query(`SELECT 1 FROM "RateLimit" WHERE "userId" = $1`, [adminId]);
    expect(throttles.rowCount).toBe(1);
    expect(await snapshot(main, other.id)).toEqual(otherBefore);
    // Its audit log grows on pod2 from past the copied ids.
    const added = await onPod2.query<{ id: string }>(`INSERT INTO "AuditLog" ("tenantId", action, entity) VALUES ($1, 'update', 'Opd') RETURNING id`, [
      city.tenantId,
    ]);
    expect(BigInt(added.rows[0]!.id)).toBeGreaterThan(BigInt(before.AuditLog!.rows));
    await onPod2.query(`DELETE FROM "AuditLog" WHERE id = $1`, [added.rows[0]!.id]);

    const back = await moveCity({ slug: city.slug, to: "main", env });
    expect(back).toMatchObject({ from: "pod2", to: "main" });
    expect(await snapshot(main, city.tenantId)).toEqual(before);
    expect(await recounted(main, city.tenantId)).toEqual(before);
    expect(await directoryRow(city.tenantId)).toEqual({ ...tenantBefore, pod: "main", movingSince: null });
    expect(await tablesHolding(onPod2, city.tenantId)).toEqual([]);
    expect(await snapshot(main, other.id)).toEqual(otherBefore);

    // Back home, it is written to again.
    const result = await runAction(actionDeps(t, admin), renameOpd, city.slug, { opdId: opd.rows[0]!.id, name: "Dinas Kembali" });
    expect(result.ok).toBe(true);
  });
});
