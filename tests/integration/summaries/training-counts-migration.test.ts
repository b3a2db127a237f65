// A database whose training counts missed businesses opened under the row-level triggers (both
// follow-ups of a participant saved in one statement) is recounted by the migration that
// replaces them, and counts right from then on.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";

const FIX = "20261206180226_training_counts_per_statement";
let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A migrations folder with the migrations up to, not including, `before`. */
async function migrationsBefore(before: string): Promise<string> {
  tmp = await mkdtemp(path.join(os.tmpdir(), "entas-training-counts-"));
  for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= before) continue;
    await cp(path.join(defaultMigrationsDir, entry.name), path.join(tmp, entry.name), { recursive: true });
  }
  return tmp;
}

it("recounts the businesses the old triggers missed, and keeps counting them", async () => {
  const db = new PGlite();
  const run = (sql: string) => db.exec(sql);
  const counts = async () =>
    (await db.query<{ trained: number; businesses: number }>(`SELECT trained, businesses FROM "DashboardTrainingCount" WHERE "tenantId" = 't1'`)).rows;
  try {
    await applyMigrations(db, { migrationsDir: await migrationsBefore(FIX) });
    await run(`
      INSERT INTO "Tenant" ("id", "slug", "name", "kemendagriCode", "provinceName") VALUES ('t1', 'uji', 'Kota Uji', '99.01', 'Uji');
      INSERT INTO "Area" ("tenantId", "id", "code", "name", "level") VALUES ('t1', 'kec', '99.01.01', 'Kecamatan Uji', 'KECAMATAN');
      INSERT INTO "Area" ("tenantId", "id", "code", "name", "level", "parentId") VALUES ('t1', 'kel', '99.01.01.1001', 'Kelurahan Uji', 'KELURAHAN', 'kec');
      INSERT INTO "Opd" ("tenantId", "id", "code", "name", "shortName") VALUES ('t1', 'opd', '1', 'Dinas Tenaga Kerja', 'Disnaker');
      INSERT INTO "Programme" ("tenantId", "id", "opdId", "fiscalYear", "name", "kind", "updatedAt") VALUES ('t1', 'p1', 'opd', 2024, 'Pelatihan Menjahit', 'TRAINING', now());
      INSERT INTO "Training" ("tenantId", "id", "programmeId", "opdId", "skill", "startDate", "endDate", "place", "capacity", "status")
        VALUES ('t1', 'tr1', 'p1', 'opd', 'Menjahit', '2024-03-01', '2024-03-20', 'BLK', 20, 'VERIFIED');
      INSERT INTO "Household" ("tenantId", "id", "noKk", "address", "kecamatanId", "kelurahanId", "updatedAt")
        VALUES ('t1', 'h1', '5271010101150001', 'Jl. Uji 1', 'kec', 'kel', now()), ('t1', 'h2', '5271010101150002', 'Jl. Uji 2', 'kec', 'kel', now());
      INSERT INTO "Member" ("tenantId", "id", "householdId", "nik", "name", "sex", "birthDate", "relation", "updatedAt")
        VALUES ('t1', 'm1', 'h1', '5271010101800001', 'Satu', 'FEMALE', '1980-01-01', 'HEAD', now()),
               ('t1', 'm2', 'h2', '5271010101800002', 'Dua', 'FEMALE', '1980-01-01', 'HEAD', now());
      INSERT INTO "TrainingParticipant" ("tenantId", "id", "trainingId", "householdId", "memberId", "completion", "status")
        VALUES ('t1', 'tp1', 'tr1', 'h1', 'm1', 'COMPLETED', 'VERIFIED'), ('t1', 'tp2', 'tr1', 'h2', 'm2', 'COMPLETED', 'VERIFIED');
      INSERT INTO "TrainingFollowUp" ("tenantId", "id", "participantId", "monthsAfter", "dueDate", "outcome")
        VALUES ('t1', 'f1', 'tp1', 3, '2024-06-20', 'BUSINESS_OPENED'), ('t1', 'f2', 'tp1', 6, '2024-09-20', 'BUSINESS_OPENED');
    `);
    // The old triggers: each row saw the other as already there, so neither counted.
    expect(await counts()).toEqual([{ trained: 2, businesses: 0 }]);

    expect(await applyMigrations(db)).toContain(FIX);
    expect(await counts()).toEqual([{ trained: 2, businesses: 1 }]);

    await run(`INSERT INTO "TrainingFollowUp" ("tenantId", "id", "participantId", "monthsAfter", "dueDate", "outcome")
                 VALUES ('t1', 'f3', 'tp2', 3, '2024-06-20', 'BUSINESS_OPENED'), ('t1', 'f4', 'tp2', 6, '2024-09-20', 'BUSINESS_OPENED')`);
    expect(await counts()).toEqual([{ trained: 2, businesses: 2 }]);
  } finally {
    await db.close();
  }
});
