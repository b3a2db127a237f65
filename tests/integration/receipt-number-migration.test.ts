// A database with receipts recorded twice before the rule (one receipt number once per loan)
// keeps every repayment: the second and later copies get " (GANDA n)", and the rule holds after.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";

const RULE = "20261206092246_submissions_and_receipt_numbers";
let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A migrations folder with the migrations up to, not including, `before`. */
async function migrationsBefore(before: string): Promise<string> {
  tmp = await mkdtemp(path.join(os.tmpdir(), "entas-receipts-"));
  for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= before) continue;
    await cp(path.join(defaultMigrationsDir, entry.name), path.join(tmp, entry.name), { recursive: true });
  }
  return tmp;
}

it("keeps receipts recorded twice, marks the later copies, and then refuses a third", async () => {
  const db = new PGlite();
  const run = (sql: string) => db.exec(sql);
  try {
    await applyMigrations(db, { migrationsDir: await migrationsBefore(RULE) });
    await run(`
      INSERT INTO "Tenant" ("id", "slug", "name", "kemendagriCode", "provinceName") VALUES ('t1', 'uji', 'Kota Uji', '99.01', 'Uji');
      INSERT INTO "Area" ("tenantId", "id", "code", "name", "level") VALUES ('t1', 'kel', '99.01.01.1001', 'Kelurahan Uji', 'KELURAHAN');
      INSERT INTO "RevolvingFund" ("tenantId", "id", "kelurahanId", "year", "maxLoan", "maxTenorMonths") VALUES ('t1', 'f1', 'kel', 2026, 10000000, 12);
      INSERT INTO "Loan" ("tenantId", "id", "fundId", "borrowerNik", "borrowerName", "businessType", "purpose", "principal", "tenorMonths")
        VALUES ('t1', 'l1', 'f1', '9901015705000001', 'Peminjam', 'Kios', 'Modal', 1000000, 10),
               ('t1', 'l2', 'f1', '9901015705000002', 'Peminjam Dua', 'Kios', 'Modal', 1000000, 10);
      INSERT INTO "Repayment" ("tenantId", "id", "loanId", "paidAt", "amount", "principalPart", "receiptNo", "createdAt") VALUES
        ('t1', 'r1', 'l1', '2026-02-01', 100000, 100000, 'KW/001', '2026-02-01 08:00'),
        ('t1', 'r2', 'l1', '2026-02-01', 100000, 100000, 'kw/001 ', '2026-02-01 08:01'),
        ('t1', 'r3', 'l1', '2026-02-02', 100000, 100000, 'KW/001', '2026-02-02 08:00'),
        ('t1', 'r4', 'l2', '2026-02-01', 100000, 100000, 'KW/001', '2026-02-01 08:00'),
        ('t1', 'r5', 'l1', '2026-02-03', 100000, 100000, NULL, '2026-02-03 08:00'),
        ('t1', 'r6', 'l1', '2026-02-03', 100000, 100000, NULL, '2026-02-03 08:01');
    `);

    expect(await applyMigrations(db)).toContain(RULE);

    const rows = await db.query<{ id: string; receiptNo: string | null }>(`SELECT "id", "receiptNo" FROM "Repayment" ORDER BY "id"`);
    expect(rows.rows).toEqual([
      { id: "r1", receiptNo: "KW/001" },
      { id: "r2", receiptNo: "kw/001 (GANDA 2)" },
      { id: "r3", receiptNo: "KW/001 (GANDA 3)" },
      { id: "r4", receiptNo: "KW/001" },
      { id: "r5", receiptNo: null },
      { id: "r6", receiptNo: null },
    ]);
    await expect(
      run(
        `INSERT INTO "Repayment" ("tenantId", "id", "loanId", "paidAt", "amount", "principalPart", "receiptNo") VALUES ('t1', 'r7', 'l1', '2026-02-04', 1, 1, ' KW/001')`,
      ),
    ).rejects.toThrow(/Repayment_tenantId_loanId_receiptKey_key/);
  } finally {
    await db.close();
  }
}, 180_000);
