import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { statementTimeoutMs } from "@/lib/db/adapter";
import { openTestDb, openTestOwnerDb, type TestDb, type TestOwnerDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

// The app's connections cancel a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS; a scope
// given a longer transaction timeout (imports, jobs) may run that long. PGlite has no timer to
// cancel a statement with, so there the sleep simply finishes.
const onPostgres = Boolean(inject("testDatabaseUrl"));
const LIMIT_MS = 400;

let t: TestDb;
let owner: TestOwnerDb;
let city: TestTenant;

beforeAll(async () => {
  const before = process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(LIMIT_MS);
  try {
    t = await openTestDb();
    owner = await openTestOwnerDb();
    city = await createTestTenant(t.db, t.withTenant);
  } finally {
    if (before === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
    else process.env.DATABASE_STATEMENT_TIMEOUT_MS = before;
  }
});

afterAll(async () => {
  await t?.close();
  await owner?.close();
});

async function outcome(run: () => Promise<unknown>): Promise<{ ok: boolean; message?: string; ms: number }> {
  const started = Date.now();
  try {
    await run();
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, message: String(error), ms: Date.now() - started };
  }
}

describe("the statement timeout of the app's connections", () => {
  it("reads DATABASE_STATEMENT_TIMEOUT_MS, with 15 s when unset or unreadable and 0 meaning none", () => {
    expect(statementTimeoutMs({})).toBe(15_000);
    expect(statementTimeoutMs({ DATABASE_STATEMENT_TIMEOUT_MS: "2500" })).toBe(2_500);
    expect(statementTimeoutMs({ DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toBe(0);
    expect(statementTimeoutMs({ DATABASE_STATEMENT_TIMEOUT_MS: "soon" })).toBe(15_000);
  });

  it("cancels a query of a page that runs past the limit, and the next query on the pool still works", async () => {
    const slow = await outcome(() => t.withTenant(city.id, (tx) => tx.$queryRaw`SELECT pg_sleep(1.5)::text AS slept`));
    if (onPostgres) {
      expect(slow.ok).toBe(false);
      expect(slow.message).toMatch(/statement timeout/);
      expect(slow.ms).toBeLessThan(1_400);
    } else {
      expect(slow.ok).toBe(true);
    }
    const next = await t.withTenant(city.id, (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
    expect(next).toEqual([{ one: 1 }]);
  });

  it("lets a scope given a longer timeout (an import, a job) run its statements that long, for its own transaction only", async () => {
    const long = await outcome(() => t.withTenant(city.id, (tx) => tx.$queryRaw`SELECT pg_sleep(0.8)::text AS slept`, { timeout: 5_000 }));
    expect(long.ok).toBe(true);
    const shown = await t.withTenant(city.id, (tx) => tx.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`, { timeout: 5_000 });
    if (onPostgres) expect(shown[0]?.statement_timeout).toBe("5s");
    const after = await t.withTenant(city.id, (tx) => tx.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`);
    if (onPostgres) expect(after[0]?.statement_timeout).toBe(`${LIMIT_MS}ms`);
  });

  it("leaves owner connections (migrations, the seed, the bench generator) without a limit", async () => {
    const slow = await outcome(() => owner.db.$queryRaw`SELECT pg_sleep(0.8)::text AS slept`);
    expect(slow.ok).toBe(true);
  });
});
