// BPJS premiums recorded before cover had a period: the migration starts their cover in the
// month of the hand-over and spreads the value over the months where it divides into whole
// Rupiah; after it, a premium whose value is not premium × months is refused.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";

const RULE = "20261206181500_bpjs_cover";
let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A migrations folder with the migrations up to, not including, `before`. */
async function migrationsBefore(before: string): Promise<string> {
  tmp = await mkdtemp(path.join(os.tmpdir(), "entas-bpjs-"));
  for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= before) continue;
    await cp(path.join(defaultMigrationsDir, entry.name), path.join(tmp, entry.name), { recursive: true });
  }
  return tmp;
}

it("derives the cover of earlier premiums, and the premium where the value divides into whole Rupiah", async () => {
  const db = new PGlite();
  const run = (sql: string) => db.exec(sql);
  try {
    await applyMigrations(db, { migrationsDir: await migrationsBefore(RULE) });
    await run(`
      INSERT INTO "Tenant" ("id", "slug", "name", "kemendagriCode", "provinceName") VALUES ('t1', 'uji', 'Kota Uji', '99.01', 'Uji');
      INSERT INTO "Area" ("tenantId", "id", "code", "name", "level") VALUES ('t1', 'kec', '99.01.01', 'Kecamatan Uji', 'KECAMATAN');
      INSERT INTO "Area" ("tenantId", "id", "code", "name", "level", "parentId") VALUES ('t1', 'kel', '99.01.01.1001', 'Kelurahan Uji', 'KELURAHAN', 'kec');
      INSERT INTO "Household" ("tenantId", "id", "noKk", "address", "kecamatanId", "kelurahanId", "desil", "updatedAt")
        VALUES ('t1', 'h1', '9901010101010001', 'Jl. Uji', 'kec', 'kel', 1, now());
      INSERT INTO "Member" ("tenantId", "id", "householdId", "nik", "name", "sex", "birthDate", "relation", "updatedAt")
        VALUES ('t1', 'm1', 'h1', '9901015705800001', 'Warga', 'MALE', '1980-05-17', 'HEAD', now());
      INSERT INTO "Opd" ("tenantId", "id", "code", "name", "shortName") VALUES ('t1', 'o1', '2.07', 'Dinas Tenaga Kerja', 'Disnaker');
      INSERT INTO "Programme" ("tenantId", "id", "opdId", "fiscalYear", "name", "kind", "updatedAt") VALUES ('t1', 'p1', 'o1', 2025, 'Iuran BPJS', 'INSURANCE_PREMIUM', now());
      INSERT INTO "AidDistribution" ("tenantId", "id", "programmeId", "opdId", "householdId", "memberId", "kind", "items", "value", "distributedAt", "monthsCovered", "reversesId") VALUES
        ('t1', 'a1', 'p1', 'o1', 'h1', 'm1', 'INSURANCE_PREMIUM', 'Iuran', 100800, '2025-03-17', 6, NULL),
        ('t1', 'a2', 'p1', 'o1', 'h1', 'm1', 'INSURANCE_PREMIUM', 'Iuran', 101000, '2025-04-30', 6, NULL),
        ('t1', 'a3', 'p1', 'o1', 'h1', 'm1', 'INSURANCE_PREMIUM', 'Iuran', -100800, '2025-03-17', 6, 'a1'),
        ('t1', 'a4', 'p1', 'o1', 'h1', 'm1', 'EQUIPMENT', 'Mesin jahit', 1500000, '2025-03-17', NULL, NULL);
    `);

    expect(await applyMigrations(db)).toContain(RULE);

    const rows = await db.query<{ id: string; start: string | null; end: string | null; premium: string | null }>(
      `SELECT "id", "coverageStart"::text AS "start", "coverageEnd"::text AS "end", "premiumPerMonth"::text AS "premium" FROM "AidDistribution" ORDER BY "id"`,
    );
    expect(rows.rows).toEqual([
      { id: "a1", start: "2025-03-01", end: "2025-08-01", premium: "16800" },
      { id: "a2", start: "2025-04-01", end: "2025-09-01", premium: null },
      { id: "a3", start: "2025-03-01", end: "2025-08-01", premium: "16800" },
      { id: "a4", start: null, end: null, premium: null },
    ]);
    await expect(run(`UPDATE "AidDistribution" SET "premiumPerMonth" = 16800 WHERE "id" = 'a2'`)).rejects.toThrow(/AidDistribution_premium_check/);
    await expect(run(`UPDATE "AidDistribution" SET "coverageStart" = '2025-04-02' WHERE "id" = 'a2'`)).rejects.toThrow(
      /AidDistribution_coverageStart_month_check/,
    );
  } finally {
    await db.close();
  }
}, 180_000);
