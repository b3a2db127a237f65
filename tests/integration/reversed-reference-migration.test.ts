// A city whose entries were reversed before the rule: an entry whose reversal is verified
// frees its SP2D number (and keeps it on the record); one whose reversal waits still holds it.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";

const RULE = "20261206173217_reversed_references";
let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A migrations folder with the migrations up to, not including, `before`. */
async function migrationsBefore(before: string): Promise<string> {
  tmp = await mkdtemp(path.join(os.tmpdir(), "entas-reversed-refs-"));
  for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= before) continue;
    await cp(path.join(defaultMigrationsDir, entry.name), path.join(tmp, entry.name), { recursive: true });
  }
  return tmp;
}

it("frees the number of an entry whose reversal is verified, keeps it on the entry, and holds the rest", async () => {
  const db = new PGlite();
  const run = (sql: string) => db.exec(sql);
  try {
    await applyMigrations(db, { migrationsDir: await migrationsBefore(RULE) });
    await run(`
      INSERT INTO "Tenant" ("id", "slug", "name", "kemendagriCode", "provinceName") VALUES ('t1', 'uji', 'Kota Uji', '99.01', 'Uji');
      INSERT INTO "Opd" ("tenantId", "id", "code", "name", "shortName") VALUES ('t1', 'o1', '2.07', 'Dinas Tenaga Kerja', 'Disnaker');
      INSERT INTO "Programme" ("tenantId", "id", "opdId", "fiscalYear", "name", "kind", "updatedAt") VALUES ('t1', 'p1', 'o1', 2026, 'Pelatihan', 'TRAINING', now());
      INSERT INTO "BudgetLine" ("tenantId", "id", "programmeId", "fundingSource", "description", "pagu") VALUES ('t1', 'b1', 'p1', 'APBD', 'Belanja bahan', 100000000);
      INSERT INTO "BudgetRealisation" ("tenantId", "id", "budgetLineId", "month", "amount", "referenceNo", "status", "verifiedAt", "reversesId") VALUES
        ('t1', 'done', 'b1', 1, 5000000, '0001/SP2D/2026', 'VERIFIED', '2026-02-01', NULL),
        ('t1', 'done-r', 'b1', 1, -5000000, NULL, 'VERIFIED', '2026-02-03', 'done'),
        ('t1', 'waits', 'b1', 1, 6000000, '0002/SP2D/2026', 'VERIFIED', '2026-02-01', NULL),
        ('t1', 'waits-r', 'b1', 1, -6000000, NULL, 'DRAFT', NULL, 'waits');
    `);

    expect(await applyMigrations(db)).toContain(RULE);

    const rows = await db.query<{ id: string; referenceNo: string | null; referenceKey: string | null; reversedAt: Date | null }>(
      `SELECT "id", "referenceNo", "referenceKey", "reversedAt" FROM "BudgetRealisation" WHERE "reversesId" IS NULL ORDER BY "id"`,
    );
    expect(rows.rows).toEqual([
      { id: "done", referenceNo: "0001/SP2D/2026", referenceKey: null, reversedAt: new Date("2026-02-03T00:00:00Z") },
      { id: "waits", referenceNo: "0002/SP2D/2026", referenceKey: "0002/SP2D/2026", reversedAt: null },
    ]);
    await run(
      `INSERT INTO "BudgetRealisation" ("tenantId", "id", "budgetLineId", "month", "amount", "referenceNo") VALUES ('t1', 'fixed', 'b1', 1, 500000, '0001/sp2d/2026')`,
    );
    await expect(
      run(
        `INSERT INTO "BudgetRealisation" ("tenantId", "id", "budgetLineId", "month", "amount", "referenceNo") VALUES ('t1', 'again', 'b1', 1, 1, '0002/SP2D/2026')`,
      ),
    ).rejects.toThrow(/BudgetRealisation_tenantId_referenceKey_key/);
  } finally {
    await db.close();
  }
}, 180_000);
