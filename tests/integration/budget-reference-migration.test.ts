// A database with budget lines repeated before the rule (one line per source and description
// in a programme) keeps every line and its entries: the later copies get " (GANDA n)".
// Realisation entries made before references keep none, and the rule holds after.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";

const RULE = "20261206161615_budget_references";
let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A migrations folder with the migrations up to, not including, `before`. */
async function migrationsBefore(before: string): Promise<string> {
  tmp = await mkdtemp(path.join(os.tmpdir(), "entas-budget-refs-"));
  for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= before) continue;
    await cp(path.join(defaultMigrationsDir, entry.name), path.join(tmp, entry.name), { recursive: true });
  }
  return tmp;
}

it("keeps repeated lines and unreferenced entries, marks the later copies, and then refuses repeats", async () => {
  const db = new PGlite();
  const run = (sql: string) => db.exec(sql);
  try {
    await applyMigrations(db, { migrationsDir: await migrationsBefore(RULE) });
    await run(`
      INSERT INTO "Tenant" ("id", "slug", "name", "kemendagriCode", "provinceName") VALUES ('t1', 'uji', 'Kota Uji', '99.01', 'Uji');
      INSERT INTO "Opd" ("tenantId", "id", "code", "name", "shortName") VALUES ('t1', 'o1', '2.07', 'Dinas Tenaga Kerja', 'Disnaker');
      INSERT INTO "Programme" ("tenantId", "id", "opdId", "fiscalYear", "name", "kind", "updatedAt") VALUES
        ('t1', 'p1', 'o1', 2026, 'Pelatihan', 'TRAINING', now()),
        ('t1', 'p2', 'o1', 2026, 'Pelatihan Lain', 'TRAINING', now());
      INSERT INTO "BudgetLine" ("tenantId", "id", "programmeId", "fundingSource", "description", "pagu", "createdAt") VALUES
        ('t1', 'b1', 'p1', 'APBD', 'Belanja bahan', 1000000, '2026-01-01 08:00'),
        ('t1', 'b2', 'p1', 'APBD', 'belanja  BAHAN ', 2000000, '2026-01-01 08:01'),
        ('t1', 'b3', 'p1', 'DAK', 'Belanja bahan', 3000000, '2026-01-01 08:02'),
        ('t1', 'b4', 'p2', 'APBD', 'Belanja bahan', 4000000, '2026-01-01 08:03');
      INSERT INTO "BudgetRealisation" ("tenantId", "id", "budgetLineId", "month", "amount") VALUES
        ('t1', 'e1', 'b2', 1, 500000), ('t1', 'e2', 'b2', 1, 500000);
    `);

    expect(await applyMigrations(db)).toContain(RULE);

    const lines = await db.query<{ id: string; description: string }>(`SELECT "id", "description" FROM "BudgetLine" ORDER BY "id"`);
    expect(lines.rows).toEqual([
      { id: "b1", description: "Belanja bahan" },
      { id: "b2", description: "belanja  BAHAN (GANDA 2)" },
      { id: "b3", description: "Belanja bahan" },
      { id: "b4", description: "Belanja bahan" },
    ]);
    const entries = await db.query<{ id: string; referenceNo: string | null }>(`SELECT "id", "referenceNo" FROM "BudgetRealisation" ORDER BY "id"`);
    expect(entries.rows).toEqual([
      { id: "e1", referenceNo: null },
      { id: "e2", referenceNo: null },
    ]);
    await expect(
      run(
        `INSERT INTO "BudgetLine" ("tenantId", "id", "programmeId", "fundingSource", "description", "pagu") VALUES ('t1', 'b5', 'p1', 'APBD', ' BELANJA bahan', 1)`,
      ),
    ).rejects.toThrow(/BudgetLine_tenantId_programmeId_fundingSource_descriptionKe_key/);
    await run(`UPDATE "BudgetRealisation" SET "referenceNo" = '0001/SP2D/2026' WHERE "id" = 'e1'`);
    await expect(run(`UPDATE "BudgetRealisation" SET "referenceNo" = ' 0001/sp2d/2026' WHERE "id" = 'e2'`)).rejects.toThrow(
      /BudgetRealisation_tenantId_referenceKey_key/,
    );
  } finally {
    await db.close();
  }
}, 180_000);
