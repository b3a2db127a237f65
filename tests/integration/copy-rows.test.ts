// COPY into a table of the caller's transaction (lib/db/copy.ts), as the registry import
// stages its rows: on PostgreSQL every value arrives as written, tabs, backslashes and line
// breaks included, inside the transaction (gone with it); where the transaction's connection
// cannot be found (PGlite) nothing is written and the caller is told so.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { copyField, copyFields } from "@/lib/db/copy-text";
import { copyRows } from "@/lib/db/copy";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let tenantId: string;

beforeAll(async () => {
  t = await openTestDb();
  tenantId = (await createTestTenant(t.db, t.withTenant)).id;
});

afterAll(async () => {
  await t?.close();
});

const VALUES = ["plain", "tab\there", "back\\slash \\N", "line\nbreak\r\n", "Ünïcödé ✓ 𝔘", "", null, "\\", "\t"];

it("writes each field as COPY's text format says, and reads it back as it was", () => {
  for (const value of VALUES) expect(copyFields(copyField(value))).toEqual([value]);
  expect(copyFields(VALUES.map(copyField).join("\t"))).toEqual(VALUES);
});

it("copies rows into a temporary table of the transaction, every value as written", async () => {
  const onPostgres = !!inject("testDatabaseUrl");
  const read = await t.withTenant(tenantId, async (tx) => {
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE copy_test (n int NOT NULL, v text) ON COMMIT DROP`);
    const lines = VALUES.map((value, n) => `${n}\t${copyField(value)}\n`);
    const copied = await copyRows(tx, "copy_test", ["n", "v"], lines);
    expect(copied).toBe(onPostgres);
    return tx.$queryRawUnsafe<{ n: number; v: string | null }[]>(`SELECT n, v FROM copy_test ORDER BY n`);
  });
  expect(read).toEqual(onPostgres ? VALUES.map((v, n) => ({ n, v })) : []);
});

it("leaves nothing when the transaction fails after the copy", async () => {
  if (!inject("testDatabaseUrl")) return;
  await t
    .withTenant(tenantId, async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE copy_test2 (n int NOT NULL)`);
      await copyRows(tx, "copy_test2", ["n"], ["1\n", "2\n"]);
      throw new Error("stop");
    })
    .catch(() => undefined);
  const exists = await t.withTenant(tenantId, (tx) =>
    tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'copy_test2'`),
  );
  expect(exists[0]!.n).toBe(0);
});
