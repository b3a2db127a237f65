// 100,000 member rows, generated at run time: dry run, commit, then a re-import that
// changes nothing. Times are printed for the record (docs/import-format.md).
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkRegistryImport, commitRegistryImport, type ImportOutcome } from "@/features/registry/import/run-import";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { chunked, createImportTenant, extractRows, toCsv, toXlsxStreamed, type ImportTenant } from "@/features/registry/tests/fixtures/extract";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

const ROWS = 100_000;
const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

async function run(tenant: ImportTenant, bytes: Uint8Array, fileName: string, mode: { kind: "dry-run" } | { kind: "commit"; jobId: string }) {
  const started = Date.now();
  const common = { withTenant: t.withTenant, tenantId: tenant.id, userId: null };
  const outcome: ImportOutcome =
    mode.kind === "commit"
      ? await commitRegistryImport({ ...common, jobId: mode.jobId })
      : await checkRegistryImport({ ...common, body: chunked(bytes), fileName, source: "DTSEN" });
  return { outcome, seconds: (Date.now() - started) / 1000 };
}

it(`imports ${ROWS.toLocaleString("en")} rows (CSV) on ${database}, and re-imports them unchanged`, { timeout: 600_000 }, async () => {
  const tenant = await createImportTenant(t);
  // About 3 members per household: ~33,000 households, cut to exactly ROWS rows. Rows come
  // head first, so the household cut at the end keeps its head.
  const rows = extractRows(tenant, Math.ceil(ROWS / 2.5)).slice(0, ROWS);
  expect(rows).toHaveLength(ROWS);
  const bytes = new TextEncoder().encode(toCsv(rows));

  const dry = await run(tenant, bytes, "dtsen-100k.csv", { kind: "dry-run" });
  expect(dry.outcome.status, dry.outcome.error).toBe("DRY_RUN");
  expect(dry.outcome.totalRows).toBe(ROWS);
  expect(dry.outcome.rejectedRows).toBe(0);
  const households = dry.outcome.counts!.households.new;
  expect(dry.outcome.counts!.members.new).toBe(ROWS);

  const commit = await run(tenant, bytes, "dtsen-100k.csv", { kind: "commit", jobId: dry.outcome.jobId });
  expect(commit.outcome.status).toBe("COMMITTED");
  const counts = await t.withTenant(tenant.id, async (tx) => ({ households: await tx.household.count(), members: await tx.member.count() }));
  expect(counts).toEqual({ households, members: ROWS });

  const again = await run(tenant, bytes, "dtsen-100k.csv", { kind: "dry-run" });
  expect(again.outcome.counts!.rows).toEqual({ new: 0, changed: 0, unchanged: ROWS });
  console.info(
    `[registry import, ${database}] ${ROWS} rows (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB CSV, ${households} households): ` +
      `dry run ${dry.seconds.toFixed(1)} s, commit ${commit.seconds.toFixed(1)} s, re-import dry run ${again.seconds.toFixed(1)} s`,
  );
});

// exceljs reads about 5,000 rows a second: the full 100,000-row .xlsx runs against
// PostgreSQL (CI); on PGlite a 20,000-row one keeps the suite quick.
const XLSX_ROWS = process.env.DATABASE_URL ? ROWS : 20_000;

it(`reads a ${XLSX_ROWS.toLocaleString("en")}-row .xlsx as a stream`, { timeout: 600_000 }, async () => {
  const tenant = await createImportTenant(t);
  const rows = extractRows(tenant, Math.ceil(XLSX_ROWS / 2.5)).slice(0, XLSX_ROWS);
  const bytes = await toXlsxStreamed(rows);
  const dry = await run(tenant, bytes, "dtsen-100k.xlsx", { kind: "dry-run" });
  expect(dry.outcome.status, dry.outcome.error).toBe("DRY_RUN");
  expect(dry.outcome.rejectedRows).toBe(0);
  expect(dry.outcome.counts!.members.new).toBe(rows.length);
  console.info(
    `[registry import, ${database}] ${rows.length} rows (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB xlsx): dry run ${dry.seconds.toFixed(1)} s`,
  );
});
