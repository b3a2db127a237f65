import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestOwnerDb, type TestOwnerDb } from "../helpers/db";

// SQL that a distributed PostgreSQL (Citus) can route, kept so on the single server today.

let t: TestOwnerDb;

beforeAll(async () => {
  t = await openTestOwnerDb();
});

afterAll(async () => {
  await t?.close();
});

describe("foreign keys", () => {
  it("never cascade an update of a key: ids never change, and a cascade cannot cross shards", async () => {
    const keys = await t.db.$queryRaw<{ name: string; onUpdate: string }[]>`
      SELECT c.conrelid::regclass::text || '.' || c.conname AS name, c.confupdtype::text AS "onUpdate"
        FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
       WHERE c.contype = 'f' AND r.relnamespace = current_schema()::regnamespace
       ORDER BY 1`;
    expect(keys.length).toBeGreaterThan(0);
    // 'a' is NO ACTION; 'c' (CASCADE) is Prisma's default.
    expect(keys.filter((key) => key.onUpdate !== "a")).toEqual([]);
  });
});

describe("functions that triggers call", () => {
  // One expression with no table, inlined by the planner into each query that names it, so it
  // is never called as a function; in plpgsql it would be a call per row (prisma/sql/README.md).
  const inlinedHelpers = ["entas_programme_equips", "entas_programme_strategy"];

  it("are plpgsql, the trigger functions and everything they call: a distributed planner cannot plan a SQL body's parameters on shards", async () => {
    const called = await t.db.$queryRaw<{ name: string; language: string }[]>`
      WITH RECURSIVE fns AS (
        SELECT p.oid, p.proname, p.prosrc, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
         WHERE p.pronamespace = current_schema()::regnamespace
      ), called(oid) AS (
        SELECT t.tgfoid FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
        UNION
        SELECT g.oid FROM called c JOIN fns f ON f.oid = c.oid JOIN fns g ON f.prosrc ~ ('(^|[^a-z0-9_])' || g.proname || '[[:space:]]*[(]')
      )
      SELECT f.proname AS name, f.lanname AS language FROM called JOIN fns f USING (oid) ORDER BY 1`;
    // The walk reaches the summaries' helpers, not only the trigger functions themselves.
    expect(called.map((f) => f.name)).toEqual(expect.arrayContaining(["entas_dash_opened", "entas_loan_round_add", "entas_training_counts_sync"]));
    expect(called.filter((f) => f.language !== "plpgsql" && !inlinedHelpers.includes(f.name))).toEqual([]);
  });

  it("leave SQL only to helpers the planner inlines: immutable, no table", async () => {
    const helpers = await t.db.$queryRaw<{ name: string; language: string; volatility: string }[]>`
      SELECT p.proname AS name, l.lanname AS language, p.provolatile::text AS volatility
        FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
       WHERE p.pronamespace = current_schema()::regnamespace AND p.proname = ANY(${inlinedHelpers})`;
    expect(helpers).toEqual(inlinedHelpers.map((name) => ({ name, language: "sql", volatility: "i" })));
  });
});

describe("tables of a city", () => {
  // Still holding the platform admin's rows, with a NULL tenant: their own change. The sign-in
  // directory is the platform's, keyed by email across every city and pod, never distributed.
  const platformHeld = ["User", "UserSession", "SignInDirectory"];

  const tenantColumns = () =>
    t.db.$queryRaw<{ table: string; notNull: boolean; key: string | null }[]>`
      SELECT c.relname AS table, a.attnotnull AS "notNull",
             (SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') AS key
        FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
       WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
       ORDER BY 1`;

  it("are keyed by the city first, with the city never empty: the distribution column of a distributed PostgreSQL", async () => {
    const tables = await tenantColumns();
    expect(tables.map((table) => table.table)).toContain("AuditLog");
    const misfits = tables.filter((table) => !platformHeld.includes(table.table) && !(table.notNull && table.key?.startsWith('PRIMARY KEY ("tenantId"')));
    expect(misfits).toEqual([]);
  });

  it("include the audit log, keyed (tenantId, id), whose platform events have a table of their own", async () => {
    const auditLog = (await tenantColumns()).find((table) => table.table === "AuditLog");
    expect(auditLog).toEqual({ table: "AuditLog", notNull: true, key: 'PRIMARY KEY ("tenantId", id)' });
    const [platformEvent] = await t.db.$queryRaw<{ key: string; tenantColumn: boolean }[]>`
      SELECT pg_get_constraintdef(k.oid) AS key,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attname = 'tenantId' AND NOT a.attisdropped) AS "tenantColumn"
        FROM pg_constraint k WHERE k.conrelid = '"PlatformEvent"'::regclass AND k.contype = 'p'`;
    expect(platformEvent).toEqual({ key: "PRIMARY KEY (id)", tenantColumn: false });
  });

  it("are indexed by the city first", async () => {
    // A trigram index serves a name search that row-level security then narrows to the city.
    const searchIndexes = ["Member_name_trgm_idx"];
    const indexes = await t.db.$queryRaw<{ table: string; index: string }[]>`
      SELECT c.relname AS table, i.indexrelid::regclass::text AS index
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
       WHERE c.relnamespace = current_schema()::regnamespace AND i.indkey[0] <> a.attnum`;
    expect(indexes.filter((index) => !platformHeld.includes(index.table) && !searchIndexes.includes(index.index.replaceAll('"', "")))).toEqual([]);
  });
});
