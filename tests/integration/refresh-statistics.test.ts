// Bulk writers leave the planner fresh statistics of what they wrote: autovacuum is off on the
// test server (and late on a busy one), so only the writer's own ANALYZE can have set them.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importRealisationsDefinition } from "@/features/budget/realisation-import";
import { checkRegistryImport, commitRegistryImport } from "@/features/registry/import/run-import";
import { chunked, createImportTenant, extractRows, toCsv } from "@/features/registry/tests/fixtures/extract";
import { ANALYZED_TABLES, BULK_ROWS, type AnalyzedTable } from "@/lib/db/refresh-statistics";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant } from "../helpers/factories";
import { runTableImport } from "../helpers/table-imports";

const onPostgres = Boolean(inject("testDatabaseUrl"));

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

/** The database's clock, so a comparison with last_analyze needs no clock of our own. */
async function databaseNow(): Promise<Date> {
  const [row] = await t.db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  return row!.now;
}

/**
 * Whether each table was analysed since `since`, holding at least `rows` rows. PostgreSQL records
 * when (autovacuum being off, only an ANALYZE sets it); PGlite keeps no such record, but its
 * database is this file's own, where the planner's row count (pg_class.reltuples) stays -1 until
 * the first ANALYZE and then counts every row of a table this small.
 */
async function expectAnalysedSince(tables: Record<string, number>, since: Date) {
  const names = Object.keys(tables);
  const rows = await t.db.$queryRaw<{ relname: string; last_analyze: Date | null; reltuples: number }[]>`
    SELECT c.relname, s.last_analyze, c.reltuples::float8 AS reltuples
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.relname = ANY (${names}::text[])`;
  for (const [table, written] of Object.entries(tables)) {
    const row = rows.find((r) => r.relname === table);
    expect(row, table).toBeDefined();
    if (onPostgres) {
      expect(row!.last_analyze, `${table} analysed`).not.toBeNull();
      expect(row!.last_analyze!.getTime(), `${table} analysed after the import began`).toBeGreaterThanOrEqual(since.getTime());
    } else {
      expect(row!.reltuples, `${table}: the planner's row count`).toBeGreaterThanOrEqual(written);
    }
  }
}

describe("fresh planner statistics after bulk writes", () => {
  it("a registry import's commit analyses the registry and its household counts", { timeout: 180_000 }, async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 400);
    expect(rows.length).toBeGreaterThan(BULK_ROWS);
    const common = { withTenant: t.withTenant, tenantId: tenant.id, userId: null };
    const dry = await checkRegistryImport({ ...common, body: chunked(new TextEncoder().encode(toCsv(rows))), fileName: "dtsen.csv", source: "DTSEN" });
    expect(dry.status, dry.error).toBe("DRY_RUN");

    const started = await databaseNow();
    const commit = await commitRegistryImport({ ...common, jobId: dry.jobId });
    expect(commit.status).toBe("COMMITTED");
    await expectAnalysedSince({ Household: commit.counts!.households.new, Member: rows.length, HouseholdAreaCount: 1 }, started);
  });

  it("a table import's commit (budget realisation) analyses its table and the audit log", { timeout: 180_000 }, async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const lines = await t.withTenant(city.id, async (tx) => {
      const opd = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
      const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2024, name: "Pelatihan", kind: "TRAINING" } });
      const ids: string[] = [];
      for (let i = 0; i < 43; i++) {
        const line = await tx.budgetLine.create({
          data: { tenantId: city.id, programmeId: programme.id, fundingSource: "APBD", description: `Belanja ${i}`, pagu: 1_000_000_000n },
        });
        ids.push(line.id);
      }
      return { opdId: opd.id, ids };
    });
    const csv = [
      "ID POS ANGGARAN,BULAN,NO SP2D/SPJ,JUMLAH",
      ...lines.ids.flatMap((id) => Array.from({ length: 12 }, (_, m) => `${id},${m + 1},SP2D-${id}-${m + 1},1000000`)),
    ];
    const form = new FormData();
    form.set("file", new File([csv.join("\r\n")], "realisasi.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    const staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: lines.opdId });

    const started = await databaseNow();
    const result = await runTableImport(t, actionDeps(t, staff), importRealisationsDefinition, city.slug, form);
    expect(result.ok && (result.data as { accepted: number }).accepted).toBe(516);
    await expectAnalysedSince({ BudgetRealisation: 516, AuditLog: 516 }, started);
  });

  it("the app's role may analyse through entas_refresh_statistics only the tables bulk writers fill", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const call = (tables: string[]) =>
      t
        .withTenant(city.id, (tx) => tx.$executeRaw`SELECT entas_refresh_statistics(${tables}::text[])`)
        .then(
          () => "analysed",
          (error: unknown) => String(error),
        );
    expect(await call(["Household", "Member"])).toBe("analysed");
    expect(await call(["User"])).toMatch(/not a table bulk writers fill/);
    expect(await call(["Household", "Tenant"])).toMatch(/not a table bulk writers fill/);
    expect(await call(['Household"; DROP TABLE "Tenant'])).toMatch(/not a table bulk writers fill/);
    expect(await call(["pg_catalog.pg_class"])).toMatch(/not a table bulk writers fill/);
  });

  it("the function and lib/db/refresh-statistics.ts list the same tables", () => {
    const sql = readFileSync("prisma/sql/statistics.sql", "utf8");
    const listed = sql.match(/allowed constant text\[\] := ARRAY\[([\s\S]*?)\];/)?.[1] ?? "";
    const names = [...listed.matchAll(/'([^']+)'/g)].map((m) => m[1] as AnalyzedTable);
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual([...ANALYZED_TABLES].sort());
  });
});
