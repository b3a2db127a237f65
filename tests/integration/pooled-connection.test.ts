// Behind PgBouncer in transaction mode a client's transactions may each run on another server
// connection, and the startup `options` with which the app's direct connections take the
// restricted role and the statement timeout are dropped (docs/scaling.md). A tenant scope must
// then still act as entas_app, under row-level security, with the app's statement timeout,
// and leave nothing on the session for the next client of that connection.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { APP_ROLE, pgliteAdapter } from "@/lib/db/adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { markOneStatementPerCall } from "@/lib/db/scope-settings";
import { scopesFor, tenantScoped } from "@/lib/db/tenant-scope";
import { openTestDb, openTestOwnerDb, type TestDb, type TestOwnerDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

const url = inject("testDatabaseUrl");
const LIMIT_MS = 4_321;

let t: TestDb;
let owner: TestOwnerDb;
let a: TestTenant;
let b: TestTenant;
let plain: PrismaClient;
let pool: pg.Pool | undefined;
let scopes: ReturnType<typeof scopesFor>;
let loginRole: string;
/** The statements sent on the PostgreSQL connection. */
const sent: string[] = [];

beforeAll(async () => {
  t = await openTestDb();
  owner = await openTestOwnerDb();
  a = await createTestTenant(t.db, t.withTenant);
  b = await createTestTenant(t.db, t.withTenant);
  // A connection as the pooler hands it over: the login role's own session, no startup
  // options; one connection, so every scope below shares it as pooled clients would.
  if (url) {
    pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      client.query = ((...args: unknown[]) => {
        const first = args[0] as string | { text?: string };
        sent.push(typeof first === "string" ? first : (first.text ?? ""));
        return query(...args);
      }) as typeof client.query;
    });
    plain = new PrismaClient({ adapter: new PrismaPg(pool) });
  } else {
    // The file's PGlite: its one session is back to its own user, as a fresh pooled one is.
    const pglite = t.target as PGlite;
    await pglite.exec("RESET ROLE");
    plain = new PrismaClient({ adapter: pgliteAdapter(pglite, "owner") });
  }
  const before = process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(LIMIT_MS);
  try {
    const scoped = tenantScoped(plain);
    scopes = scopesFor(url ? scoped : markOneStatementPerCall(scoped));
  } finally {
    if (before === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
    else process.env.DATABASE_STATEMENT_TIMEOUT_MS = before;
  }
  const [row] = await plain.$queryRaw<{ role: string }[]>`SELECT current_user::text AS role`;
  loginRole = row!.role;
});

afterAll(async () => {
  await plain?.$disconnect();
  await pool?.end();
  await t?.close();
  await owner?.close();
});

it("acts as the restricted role with the app's statement timeout inside a scope, on a connection without startup options", async () => {
  expect(loginRole).not.toBe(APP_ROLE);
  const inside = await scopes.withTenant(a.id, async (tx) => {
    const [row] = await tx.$queryRaw<{ role: string; timeout: string; tenant: string }[]>`
      SELECT current_user::text AS role, current_setting('statement_timeout') AS timeout, current_setting('app.tenant_id') AS tenant`;
    return row!;
  });
  expect(inside).toEqual({ role: APP_ROLE, timeout: `${LIMIT_MS}ms`, tenant: a.id });
  const longer = await scopes.withTenant(
    a.id,
    async (tx) => (await tx.$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`)[0]!,
    {
      timeout: 60_000,
    },
  );
  expect(longer.timeout).toBe("1min");
});

it("is held to its tenant by row-level security even in raw SQL, on such a connection", async () => {
  const [seen] = await plain.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Area" WHERE "tenantId" = ${b.id}`;
  expect(seen!.n).toBeGreaterThan(0);
  const [fromA] = await scopes.withTenant(a.id, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Area" WHERE "tenantId" = ${b.id}`);
  expect(fromA!.n).toBe(0);
});

it("leaves nothing on the session for the next transaction of that connection", async () => {
  await scopes.withTenant(a.id, (tx) => tx.$queryRaw`SELECT 1`);
  const [after] = await plain.$queryRaw<{ role: string; tenant: string | null }[]>`
    SELECT current_user::text AS role, current_setting('app.tenant_id', true) AS tenant`;
  expect(after!.role).toBe(loginRole);
  expect(after!.tenant ?? "").toBe("");
});

it("sets the role, the city and the timeout with SET LOCAL in one round trip on PostgreSQL", async () => {
  if (!url) return expect(sent).toEqual([]);
  sent.length = 0;
  await scopes.withTenant(a.id, (tx) => tx.$queryRaw`SELECT 1`);
  const settings = sent.filter((text) => text.includes("SET LOCAL"));
  expect(settings).toEqual([`SET LOCAL ROLE ${APP_ROLE}; SET LOCAL app.tenant_id = '${a.id}'; SET LOCAL statement_timeout = ${LIMIT_MS}`]);
  expect(sent.some((text) => text.includes("set_config"))).toBe(false);
});
