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
