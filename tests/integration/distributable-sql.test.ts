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
