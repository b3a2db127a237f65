// The city-scale benchmark: dashboard queries against hand-tuned SQL, the data
// each dashboard page and the registry search load, the registry import against COPY,
// concurrent data entry through the server actions, and first-load JavaScript.
// `npm run bench` runs it on the generated city; tests/integration/bench-smoke.test.ts runs
// it small.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createDistributionDefinition, verifyDistributionsDefinition } from "@/features/aid/action-definitions";
import { createRealisationDefinition } from "@/features/budget/action-definitions";
import { COMMITTED, COMMITTED_TOTALS, LINE_ENTRIES, LINE_TOTALS } from "@/features/budget/line-entries";
import { runAction, type ActionDeps } from "@/lib/actions/run";
import { SUBMISSION_KEY_FIELD } from "@/lib/actions/submission-key";
import { lookupHouseholdByNumber } from "@/features/registry/search/lookup-number";
import type { SessionUser } from "@/lib/auth/session-user";
import { budgetDashboardQueries } from "@/features/dashboards/budget/queries";
import { budgetDashboardData } from "@/features/dashboards/budget/tables";
import { currentYearMonth } from "@/lib/calendar/months";
import { dashboardFilterOptions } from "@/features/dashboards/filter-options";
import { cityFiscalYears } from "@/lib/calendar/city-fiscal-year";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { revolvingFundsDashboardQueries } from "@/features/dashboards/revolving-funds/queries";
import { mayorDashboardContext } from "@/features/dashboards/mayor-context";
import { povertyDashboardQueries } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries } from "@/features/dashboards/results/queries";
import { resultsDashboardData } from "@/features/dashboards/results/tables";
import type { Db, ScopedClient, Tx } from "@/lib/db";
import type { scopesFor } from "@/lib/db/tenant-scope";
import { listAreaChoices } from "@/features/areas/choices";
import { checkRegistryImport, commitRegistryImport } from "@/features/registry/import/run-import";
import { parseRegistrySearchParams } from "@/features/registry/search/schema";
import { searchHouseholds } from "@/features/registry/search/search-households";
import { chunked, createImportTenant, extractRows, toCsv, toXlsxStreamed, type ExtractRow } from "@/features/registry/tests/fixtures/extract";
import type { TestDb } from "@/tests/helpers/db";
import { handTuned } from "./hand-tuned";
import type { ImportPhase, ImportRun } from "./import-run";
import { measure, measureInTurns, summarise, type Timing } from "./measure";
import { roleHomePages } from "./role-homes";
import type { Sql } from "./sql";
import { WORKER_NODE_FLAGS } from "../worker-command.mjs";

export type BenchEnv = {
  /** The app's client (row-level security role, tenant-scoped) and its scopes. */
  app: ScopedClient;
  scopes: ReturnType<typeof scopesFor>;
  /** The owner's Prisma client (fixtures) and raw SQL (the yardstick, COPY). */
  owner: Db;
  sql: Sql;
  tenantId: string;
  tenantSlug: string;
  year: number;
  /** The bench database on PostgreSQL, for the processes the bench starts (the import's); none on PGlite. */
  databaseUrl?: string;
};

export const TARGETS = {
  queryP95Ms: 150,
  queryRatio: 2,
  searchP95Ms: 200,
  pageP95Ms: 400,
  importRowsPerSecond: 15_000,
  writesPerSecond: 150,
  writeP95Ms: 250,
  firstLoadKb: 200,
};

// ─────────────────────────── dashboard queries ───────────────────────────

/**
 * `sql`: the yardstick alone on an owner connection. `scoped`: the same statement the way
 * the app must run any statement — in a tenant scope (a transaction that sets the tenant,
 * as `entas_app` under row-level security). The ratio is app over scoped, so it measures
 * the query's shape; the scope's own cost (a few round trips) shows as scoped over sql.
 */
export type QueryResult = {
  dashboard: string;
  query: string;
  app: Timing;
  sql: Timing;
  scoped: Timing;
  ratio: number;
  appFigure: number;
  sqlFigure: number;
  same: boolean;
};

type DashboardQuery = (tx: Tx, filters: DashboardFilters) => Promise<unknown>;

/** The budget queries measure against a month (the page passes the city's); the sums compared do not depend on it. */
const budgetQueriesThisMonth: Record<string, DashboardQuery> = Object.fromEntries(
  Object.entries(budgetDashboardQueries).map(([name, query]) => [
    name,
    (tx: Tx, filters: DashboardFilters) => query(tx, filters, currentYearMonth("Asia/Jakarta")),
  ]),
);

const MODULES: Record<string, Record<string, DashboardQuery>> = {
  poverty: povertyDashboardQueries,
  results: resultsDashboardQueries,
  budget: budgetQueriesThisMonth,
  revolvingFunds: revolvingFundsDashboardQueries,
};

/** Every query of every dashboard module, by "module.query": what the bench must cover. */
export function dashboardQueryFunctions(): Record<string, DashboardQuery> {
  return Object.fromEntries(Object.entries(MODULES).flatMap(([dashboard, queries]) => Object.entries(queries).map(([q, fn]) => [`${dashboard}.${q}`, fn])));
}

export function dashboardQueryNames(): string[] {
  return Object.keys(dashboardQueryFunctions());
}

/** `only`: names or prefixes (`revolvingFunds`, `poverty.coverage`) to run a part while working on it. */
export async function benchDashboardQueries(
  env: BenchEnv,
  iterations: number,
  log: (line: string) => void = () => {},
  only: string[] = [],
): Promise<QueryResult[]> {
  const filters: DashboardFilters = { year: env.year, kecamatanId: null, opdId: null, programmeId: null };
  const results: QueryResult[] = [];
  const wanted = (name: string) => only.length === 0 || only.some((part) => name === part || name.startsWith(`${part}.`));
  for (const [dashboard, queries] of Object.entries(MODULES)) {
    for (const [query, fn] of Object.entries(queries)) {
      if (!wanted(`${dashboard}.${query}`)) continue;
      const yardstick = handTuned[dashboard]?.[query];
      if (!yardstick) throw new Error(`No hand-tuned SQL for ${dashboard}.${query}`);
      const params = [env.tenantId, env.year].slice(0, yardstick.sql.includes("$2") ? 2 : 1);
      let turns: Awaited<ReturnType<typeof measureInTurns<"app" | "sql" | "scoped">>>;
      try {
        turns = await measureInTurns(
          {
            app: () => env.scopes.withTenant(env.tenantId, (tx) => fn(tx, filters)),
            sql: () => env.sql.query(yardstick.sql, params),
            scoped: () => env.scopes.withTenant(env.tenantId, (tx) => tx.$queryRawUnsafe(yardstick.sql, ...params)),
          },
          iterations,
        );
      } catch (error) {
        // At city scale a query can outlast the scope's transaction timeout: that is a result too.
        const failed = summarise([Number.POSITIVE_INFINITY]);
        log(
          `  ${`${dashboard}.${query}`.padEnd(34)} FAILED: ${String((error as Error).message)
            .split("\n")[0]!
            .slice(0, 160)}`,
        );
        results.push({
          dashboard,
          query,
          app: failed,
          sql: failed,
          scoped: failed,
          ratio: Number.POSITIVE_INFINITY,
          appFigure: Number.NaN,
          sqlFigure: Number.NaN,
          same: false,
        });
        continue;
      }
      const { app, sql, scoped } = turns;
      const appFigure = yardstick.appFigure(app.result as never);
      const sqlFigure = yardstick.sqlFigure(sql.result as never);
      const row = {
        dashboard,
        query,
        app: app.timing,
        sql: sql.timing,
        scoped: scoped.timing,
        ratio: ratio(app.timing.p95, scoped.timing.p95),
        appFigure,
        sqlFigure,
        same: appFigure === sqlFigure,
      };
      log(
        `  ${`${dashboard}.${query}`.padEnd(34)} app p50 ${fmt(row.app.p50)} p95 ${fmt(row.app.p95)} | sql p95 ${fmt(row.sql.p95)} | in scope p50 ${fmt(row.scoped.p50)} p95 ${fmt(row.scoped.p95)} | ratio ${row.ratio.toFixed(2)}${row.same ? "" : `  FIGURES DIFFER ${appFigure} ≠ ${sqlFigure}`}`,
      );
      results.push(row);
    }
  }
  return results;
}

/** p95 over p95; the yardstick's floor is 1 ms so that sub-millisecond noise does not make ratios of 10. */
function ratio(app: number, sql: number): number {
  return Math.round((app / Math.max(sql, 1)) * 100) / 100;
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

// ─────────────────────────── pages and search ───────────────────────────

export type NamedTiming = { name: string; timing: Timing; note?: string };

/**
 * The server-side data of each dashboard page and the registry page: the same calls, in
 * the same order and tenant scope, as the page's server component (app/[tenant]/…/page.tsx),
 * without rendering React. Rendering adds a few milliseconds of CPU that is not measured.
 */
/** The data of the pages, each as its page loads it; `names` keeps those whose name contains one of them. */
export async function benchPages(env: BenchEnv, iterations: number, log: (line: string) => void = () => {}, names: string[] = []): Promise<NamedTiming[]> {
  const { scopes, tenantId } = env;
  const query = { tahun: String(env.year) };
  const filters: DashboardFilters = { year: env.year, kecamatanId: null, opdId: null, programmeId: null };
  const pages: Record<string, () => Promise<unknown>> = {
    "dasbor/kemiskinan": () =>
      scopes.withTenant(tenantId, async (tx) => {
        await dashboardFilterOptions(tx, filters, await cityFiscalYears(tx, tenantId));
        const q = povertyDashboardQueries;
        for (const fn of [
          q.registryByKecamatan,
          q.registryByKelurahan,
          q.desilDistribution,
          q.coverage,
          q.coverageByKelurahan,
          q.overlapByOpd,
          q.overlapDepth,
          q.targeting,
          q.targetingByOpd,
          q.graduationsByMonth,
          q.targetProgress,
        ]) {
          await fn(tx, filters);
        }
        return q.unreachedHouseholds(tx, filters, { limit: 50 });
      }),
    "dasbor/hasil": () => scopes.withTenant(tenantId, async (tx) => resultsDashboardData(tx, (await mayorDashboardContext(tx, tenantId, query)).filters)),
    "dasbor/anggaran": () =>
      scopes.withTenant(tenantId, async (tx) => budgetDashboardData(tx, tenantId, (await mayorDashboardContext(tx, tenantId, query)).filters)),
    "dasbor/dana-pem": () =>
      scopes.withTenant(tenantId, async (tx) => {
        await Promise.all([
          tx.revolvingFund.groupBy({ by: ["year"], orderBy: { year: "desc" } }),
          tx.area.findMany({ where: { level: "KECAMATAN" }, select: { id: true, name: true }, orderBy: { code: "asc" } }),
        ]);
        return Promise.all([
          revolvingFundsDashboardQueries.totals(tx, filters),
          revolvingFundsDashboardQueries.byKelurahan(tx, filters),
          revolvingFundsDashboardQueries.ageing(tx, filters),
        ]);
      }),
    registri: () =>
      scopes.withTenant(tenantId, (tx) =>
        Promise.all([
          tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } }),
          listAreaChoices(tx),
          searchHouseholds(tx, parseRegistrySearchParams({}), { tenantId, scope: { kelurahanId: null, nothing: false } }),
        ]),
      ),
    ...roleHomePages(env),
  };
  const results: NamedTiming[] = [];
  for (const [name, load] of Object.entries(pages)) {
    if (names.length > 0 && !names.some((part) => name.includes(part))) continue;
    try {
      const { timing } = await measure(load, iterations);
      log(`  ${name.padEnd(34)} p50 ${fmt(timing.p50)} p95 ${fmt(timing.p95)}`);
      results.push({ name, timing });
    } catch (error) {
      const note = `failed: ${String((error as Error).message)
        .split("\n")[0]!
        .slice(0, 160)}`;
      log(`  ${name.padEnd(34)} ${note}`);
      results.push({ name, timing: summarise([Number.POSITIVE_INFINITY]), note });
    }
  }
  return results;
}

/** The registry search as the registry page runs it, for names (prefix and contains), numbers and filters. */
export async function benchSearch(env: BenchEnv, iterations: number, log: (line: string) => void = () => {}): Promise<NamedTiming[]> {
  const [sample] = await env.sql.query<{ nik: string; noKk: string; kelurahanId: string }>(
    `SELECT m.nik, h."noKk", h."kelurahanId" FROM "Member" m JOIN "Household" h ON h."tenantId" = m."tenantId" AND h.id = m."householdId"
      WHERE m."tenantId" = $1 ORDER BY m.id LIMIT 1 OFFSET 12345 % (SELECT greatest(count(*), 1) FROM "Area" WHERE "tenantId" = $1)`,
    [env.tenantId],
  );
  const cases: Record<string, Record<string, string>> = {
    "first page (desil order)": {},
    'name prefix "budi"': { q: "budi", match: "prefix" },
    'name prefix "sri wah"': { q: "sri wah", match: "prefix" },
    'name contains "wati"': { q: "wati", match: "contains" },
    'name contains "yanto"': { q: "yanto", match: "contains" },
    'name contains "rahma"': { q: "rahma", match: "contains" },
    "kelurahan + desil 1 + extreme": { kelurahan: sample?.kelurahanId ?? "", desil: "1", extreme: "1" },
  };
  const results: NamedTiming[] = [];
  // Whole numbers are looked up by POST (audited, limited per user): each run as another reader.
  for (const [name, number] of [
    ["NIK", sample?.nik ?? ""],
    ["No. KK", sample?.noKk ?? ""],
  ] as const) {
    let total = 0;
    const { timing } = await measure(async () => {
      const reader = { id: randomUUID(), role: "BAPEDA" as const, kelurahanId: null, opd: null };
      const outcome = await env.scopes.withTenant(env.tenantId, (tx) =>
        lookupHouseholdByNumber({ tx, tenantId: env.tenantId, user: reader as never, requestId: "bench" }, number),
      );
      total = outcome.kind === "found" ? 1 : 0;
    }, iterations);
    log(`  ${name.padEnd(34)} p50 ${fmt(timing.p50)} p95 ${fmt(timing.p95)}  (${total} found)`);
    results.push({ name, timing, note: `${total} found` });
  }
  for (const [name, params] of Object.entries(cases)) {
    let total = 0;
    const { timing } = await measure(async () => {
      const page = await env.scopes.withTenant(env.tenantId, (tx) =>
        searchHouseholds(tx, parseRegistrySearchParams(params), { tenantId: env.tenantId, scope: { kelurahanId: null, nothing: false } }),
      );
      total = page.total.count;
    }, iterations);
    log(`  ${name.padEnd(34)} p50 ${fmt(timing.p50)} p95 ${fmt(timing.p95)}  (${total} found)`);
    results.push({ name, timing, note: `${total} found` });
  }
  return results;
}

// ─────────────────────────── registry import ───────────────────────────

export type ImportResult = {
  households: number;
  rows: number;
  /** The CSV's check and commit, each in a process of its own (import-run.ts). */
  dryRunSeconds: number;
  commitSeconds: number;
  /** Member rows per second through the app's import, dry run plus commit. */
  rowsPerSecond: number;
  /** The same for each pass alone: the check, and the commit (which writes what the check kept). */
  dryRunRowsPerSecond: number;
  commitRowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  status: string;
  /** From "Periksa" to "Tersimpan": check plus commit, per format, with the importing process's peak memory. */
  endToEnd?: ImportEndToEnd[];
};

export type ImportEndToEnd = {
  format: "csv" | "xlsx";
  megabytes: number;
  checkSeconds: number;
  commitSeconds: number;
  totalSeconds: number;
  /** Resident memory of the importing process before it read the file, and its peak (VmHWM). */
  rssStartMb: number;
  peakRssMb: number;
  status: string;
  /** Wall clock, CPU seconds of the importing process and of the database, and peak memory, per part. */
  phases: ImportPhase[];
};

/** Seconds from "Periksa" to "Tersimpan" for 100,000 households, and the importing process's memory. */
export const IMPORT_TARGETS = { endToEndSeconds: 30, peakRssMb: 512 };

/**
 * `households` households (about 3 members each) as a DTSEN CSV and .xlsx, each through the
 * app's import (check, then commit) into a city of its own, in a process of its own
 * (import-run.ts) whose peak memory is measured; then the same rows by COPY.
 */
export async function benchImport(env: BenchEnv, households: number, log: (line: string) => void = () => {}): Promise<ImportResult> {
  const fixtureDb = { db: env.owner, withTenant: env.scopes.withTenant } as unknown as TestDb;
  const dir = await mkdtemp(path.join(os.tmpdir(), "entas-bench-import-"));
  const endToEnd: ImportEndToEnd[] = [];
  let rows: ExtractRow[] = [];
  try {
    for (const format of ["csv", "xlsx"] as const) {
      const tenant = await createImportTenant(fixtureDb);
      rows = extractRows(tenant, households);
      const file = path.join(dir, `bench.${format}`);
      await writeFile(file, format === "csv" ? toCsv(rows) : await toXlsxStreamed(rows));
      const megabytes = Math.round(((await stat(file)).size / 1024 / 1024) * 10) / 10;
      const run = env.databaseUrl ? await runImportProcess(file, tenant.id, env.databaseUrl) : await runImportHere(env, file, tenant.id);
      const result: ImportEndToEnd = {
        format,
        megabytes,
        checkSeconds: round1(run.checkSeconds),
        commitSeconds: round1(run.commitSeconds),
        totalSeconds: round1(run.checkSeconds + run.commitSeconds),
        rssStartMb: run.rssStartMb,
        peakRssMb: run.peakRssMb,
        status: run.status,
        phases: run.phases,
      };
      endToEnd.push(result);
      log(
        `  import ${rows.length} rows (${households} households, ${megabytes} MB ${format}): check ${result.checkSeconds} s + commit ${result.commitSeconds} s = ${result.totalSeconds} s → ${run.status}${run.error ? ` (${run.error})` : ""}; peak RSS ${run.peakRssMb} MB (${run.rssStartMb} MB at start)`,
      );
      for (const phase of run.phases) {
        log(
          `    ${phase.name.padEnd(15)} ${phase.seconds.toFixed(2).padStart(6)} s; CPU: node ${phase.nodeCpuSeconds.toFixed(2)} s, database ${phase.databaseCpuSeconds?.toFixed(2) ?? "—"} s; peak RSS ${phase.peakRssMb} MB`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const csv = endToEnd[0]!;
  const dryRunSeconds = csv.checkSeconds;
  const commitSeconds = csv.commitSeconds;
  const commit = { status: csv.status };

  // The same households and members by COPY, into a tenant of their own.
  const copyTenant = await createImportTenant(fixtureDb);
  const areaByName = new Map(
    copyTenant.kecamatan.flatMap((k) => k.kelurahan.map((l) => [`${k.name.toUpperCase()}/${l.name.toUpperCase()}`, { kec: k.id, kel: l.id }])),
  );
  const started = performance.now();
  const session = await env.sql.session();
  const householdSink = await session.copy("Household", [
    "tenantId",
    "id",
    "noKk",
    "registrySource",
    "registryId",
    "address",
    "rt",
    "rw",
    "kecamatanId",
    "kelurahanId",
    "desil",
    "isExtremePoor",
    "createdAt",
    "updatedAt",
  ]);
  const now = new Date().toISOString();
  let last = "";
  let h = 0;
  const memberRows: unknown[][] = [];
  for (const row of rows) {
    if (row["NO KK"] !== last) {
      last = row["NO KK"];
      h++;
      const area = areaByName.get(`${row.KECAMATAN}/${row.KELURAHAN}`)!;
      await householdSink.row([
        copyTenant.id,
        `ci${h}`,
        row["NO KK"],
        "DTSEN",
        row["ID DTSEN"],
        row.ALAMAT,
        row.RT,
        row.RW,
        area.kec,
        area.kel,
        Number(row.DESIL),
        row["MISKIN EKSTREM"] === "YA",
        now,
        now,
      ]);
    }
    const [d, m, y] = row["TGL LAHIR"].split("-");
    memberRows.push([
      copyTenant.id,
      `cm${memberRows.length}`,
      `ci${h}`,
      row.NIK,
      row.NAMA,
      row["JENIS KELAMIN"] === "L" ? "MALE" : "FEMALE",
      row["TEMPAT LAHIR"],
      `${y}-${m}-${d}`,
      row["HUB KELUARGA"] === "KEPALA KELUARGA" ? "HEAD" : row["HUB KELUARGA"] === "ISTRI" ? "SPOUSE" : "CHILD",
      now,
      now,
    ]);
  }
  await householdSink.end();
  const memberSink = await session.copy("Member", [
    "tenantId",
    "id",
    "householdId",
    "nik",
    "name",
    "sex",
    "birthPlace",
    "birthDate",
    "relation",
    "createdAt",
    "updatedAt",
  ]);
  for (const row of memberRows) await memberSink.row(row);
  await memberSink.end();
  await session.release();
  const copySeconds = (performance.now() - started) / 1000;
  log(`  COPY of the same ${rows.length} rows (${h} households): ${copySeconds.toFixed(1)} s`);

  const appSeconds = dryRunSeconds + commitSeconds;
  return {
    households: h,
    rows: rows.length,
    dryRunSeconds: round1(dryRunSeconds),
    commitSeconds: round1(commitSeconds),
    rowsPerSecond: Math.round(rows.length / appSeconds),
    dryRunRowsPerSecond: Math.round(rows.length / dryRunSeconds),
    commitRowsPerSecond: Math.round(rows.length / commitSeconds),
    copySeconds: round1(copySeconds),
    copyRowsPerSecond: Math.round(rows.length / copySeconds),
    status: commit.status,
    endToEnd,
  };
}

/** On PGlite (one process holds the database): the import in this process, its memory not measured. */
async function runImportHere(env: BenchEnv, file: string, tenantId: string): Promise<ImportRun> {
  const bytes = await readFile(file);
  const common = { withTenant: env.scopes.withTenant, tenantId, userId: null };
  let started = performance.now();
  const check = await checkRegistryImport({ ...common, body: chunked(bytes), fileName: path.basename(file), source: "DTSEN" });
  const checkSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const commit = check.status === "DRY_RUN" ? await commitRegistryImport({ ...common, jobId: check.jobId }) : check;
  const commitSeconds = (performance.now() - started) / 1000;
  return {
    status: commit.status,
    error: commit.error,
    rejectedRows: check.rejectedRows,
    checkSeconds,
    commitSeconds,
    rssStartMb: 0,
    peakRssMb: 0,
    phases: [],
  };
}

/** import-run.ts in a child process on the bench database. */
async function runImportProcess(file: string, tenantId: string, databaseUrl: string): Promise<ImportRun> {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, "scripts/bench/import-run.ts", file, tenantId], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  const line = output.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !line.startsWith("{")) throw new Error(`import-run.ts ended with ${code}:\n${output}`);
  return JSON.parse(line) as ImportRun;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

// ─────────────────────────── concurrent data entry ───────────────────────────

export type WritesResult = {
  users: number;
  /** Mean pause before each write, ms (0: back to back). */
  thinkMs: number;
  writes: number;
  failed: number;
  errors: Record<string, number>;
  seconds: number;
  writesPerSecond: number;
  /**
   * Writes per second while every user is at work: from the moment the last user starts to
   * the moment the first one is done. Over the whole run the figure also counts the start,
   * when users are still arriving, and the end, when a few slow ones finish alone.
   */
  writesPerSecondAllActive: number;
  /** Users who entered one write of each kind before the clock started. */
  warmUpUsers: number;
  latency: Timing;
  /** The same per kind of write: aid drafts, the shared-line realisation, the head's verification. */
  latencyByKind: Record<WriteKind, Timing>;
  poolSize: number;
  /** Every acknowledged write is there, the summaries match the entries, no line exceeds its pagu. */
  lostUpdates: { missingDrafts: number; summaryMismatches: number; linesOverPagu: number; ok: boolean };
};

type Staff = { user: SessionUser; head: SessionUser };

type WriteKind = "aidDraft" | "realisation" | "verification";

/** The lines among `lineIds` whose committed entries of one pool pass their pagu. */
async function linesOverPagu(sql: Sql, tenantId: string, lineIds: string[]): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT bl.id FROM "BudgetLine" bl
      WHERE bl."tenantId" = $1 AND bl.id = ANY($2)
        AND bl.pagu < (SELECT coalesce(max(p.committed), 0) FROM (
              SELECT sum(e.amount) AS committed FROM ${LINE_ENTRIES.sql} e
               WHERE e."tenantId" = $1 AND e."budgetLineId" = bl.id AND ${COMMITTED.sql} GROUP BY e.pool) p)`,
    [tenantId, lineIds],
  );
  return rows.map((row) => row.id);
}

/**
 * `users` virtual users at once, each a clerk of an OPD: `perUser` aid hand-overs recorded
 * as drafts, one budget realisation on one of a few lines every clerk shares, then their
 * OPD head verifies the clerk's drafts (which moves the dashboard summaries by trigger).
 * Every write goes through the server-action pipeline (session, permission, zod, domain
 * function, audit) on the app's pool.
 *
 * The clock starts after a warm-up: `warmUpUsers` users enter one write of each kind, with a
 * note of their own (outside the figures and the lost-update check). A running server has its
 * pool's connections open and its code compiled by the JIT; a server just started has
 * neither, and its first seconds are slower.
 *
 * A person at a form pauses between submissions, so each user waits a think time before
 * every write: uniformly 0.5–1.5 × `thinkMs` (the first wait spreads the users' starts). With
 * `thinkMs` 0 every user submits back to back, which measures saturation, not latency: 200
 * users in flight at once then wait in line for the pool whatever the speed of one write.
 */
export async function benchConcurrentWrites(
  env: BenchEnv,
  users: number,
  perUser: number,
  log: (line: string) => void = () => {},
  thinkMs = 0,
  warmUpUsers = 100,
): Promise<WritesResult> {
  const { tenantId, tenantSlug, sql } = env;
  const marker = `bench-${Date.now().toString(36)}`;
  const programmes = await sql.query<{ id: string; opdId: string; kind: string; lineId: string; pagu: string }>(
    `SELECT p.id, p."opdId", p.kind, bl.id AS "lineId", bl.pagu::text AS pagu FROM "Programme" p
       JOIN LATERAL (SELECT id, pagu FROM "BudgetLine" WHERE "tenantId" = p."tenantId" AND "programmeId" = p.id ORDER BY id LIMIT 1) bl ON true
      WHERE p."tenantId" = $1 AND p."fiscalYear" = $2 AND p.kind IN ('FOOD_AID', 'CAPITAL_AID', 'SEEDLINGS', 'EQUIPMENT_AID', 'SOCIAL_ASSISTANCE')
        AND bl.pagu - (SELECT coalesce(max(t.committed), 0) FROM (
              SELECT sum(e.amount) AS committed FROM ${LINE_TOTALS.sql} e
               WHERE e."tenantId" = $1 AND e."budgetLineId" = bl.id AND ${COMMITTED_TOTALS.sql} GROUP BY e.pool) t) >= $3
      ORDER BY p.id`,
    // Lines the generated city has already spent are left out: a clerk there is refused, and the
    // bench is of writes that land. Room for every clerk of a programme's five hand-overs is plenty.
    [tenantId, env.year, 100 * perUser * 250_000],
  );
  const staffRows = await sql.query<{ id: string; role: string; opdId: string; email: string; name: string }>(
    `SELECT id, role, "opdId", email, name FROM "User" WHERE "tenantId" = $1 AND role IN ('OPD_STAFF', 'OPD_HEAD')`,
    [tenantId],
  );
  const households = await sql.query<{ id: string }>(`SELECT id FROM "Household" WHERE "tenantId" = $1 AND status = 'ACTIVE' ORDER BY id LIMIT $2`, [
    tenantId,
    users * perUser + warmUpUsers,
  ]);
  const session = (row: (typeof staffRows)[number]): SessionUser => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as SessionUser["role"],
    tenantId,
    tenantSlug,
    opdId: row.opdId,
    opd: { decidesRegistryChanges: false } as SessionUser["opd"],
    kelurahanId: null,
  });
  const staffByOpd = new Map<string, Staff>();
  for (const row of staffRows) {
    const entry = staffByOpd.get(row.opdId) ?? ({} as Staff);
    if (row.role === "OPD_STAFF") entry.user = session(row);
    else entry.head = session(row);
    staffByOpd.set(row.opdId, entry);
  }
  const usable = programmes.filter((p) => staffByOpd.get(p.opdId)?.user && staffByOpd.get(p.opdId)?.head);
  if (usable.length === 0 || households.length === 0) throw new Error("No aid programme or household to write to");
  const sharedLines = usable.slice(0, 5);
  // The generated city's own entries may already pass a line's pagu: only a line the writes below
  // push over it is a lost update.
  const overBefore = await linesOverPagu(
    sql,
    tenantId,
    sharedLines.map((l) => l.lineId),
  );
  const deps = (user: SessionUser): ActionDeps => ({
    currentUser: async () => user,
    withTenant: env.scopes.withTenant,
    withPlatform: env.scopes.withPlatform,
    revalidatePath: () => {},
    requestMeta: async () => ({ requestId: marker, ip: "127.0.0.1" }),
  });

  const warmHouseholds = households.slice(users * perUser);
  await Promise.all(
    warmHouseholds.map(async (household, u) => {
      const programme = usable[u % usable.length]!;
      const staff = staffByOpd.get(programme.opdId)!;
      const created = await runAction(deps(staff.user), createDistributionDefinition, tenantSlug, {
        [SUBMISSION_KEY_FIELD]: randomUUID(),
        programmeId: programme.id,
        budgetLineId: programme.lineId,
        householdId: household.id,
        kind: aidKind(programme.kind),
        items: "Paket bantuan (pemanasan)",
        quantity: "1",
        value: "250000",
        distributedAt: `${env.year}-12-15`,
        note: `${marker}-warm-up`,
        acknowledgeDuplicate: "1",
      });
      await runAction(deps(staff.user), createRealisationDefinition, tenantSlug, {
        [SUBMISSION_KEY_FIELD]: randomUUID(),
        budgetLineId: programme.lineId,
        month: "12",
        amount: "1000",
        referenceNo: `SP2D/${marker}/${randomUUID()}`,
        note: `${marker}-warm-up`,
      });
      if (created.ok)
        await runAction(deps(staff.head), verifyDistributionsDefinition, tenantSlug, { ids: [(created.data as { distributionId: string }).distributionId] });
    }),
  );

  const latencies: number[] = [];
  const firstStart: number[] = [];
  const lastEnd: number[] = [];
  const ends: number[] = [];
  const byKind: Record<WriteKind, number[]> = { aidDraft: [], realisation: [], verification: [] };
  const errors: Record<string, number> = {};
  let failed = 0;
  const acknowledged: string[] = [];
  let seed = 8;
  const think = () => {
    if (thinkMs <= 0) return Promise.resolve();
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + seed / 2 ** 31)));
  };
  const timed = async <T>(user: number, kind: WriteKind, write: () => Promise<{ ok: boolean; code?: string; data?: T }>): Promise<T | null> => {
    await think();
    const started = performance.now();
    firstStart[user] ??= started;
    const result = (await write()) as { ok: boolean; code?: string; message?: string; data?: T };
    const ended = performance.now();
    const took = ended - started;
    lastEnd[user] = ended;
    ends.push(ended);
    latencies.push(took);
    byKind[kind].push(took);
    if (!result.ok) {
      failed++;
      const key = `${result.code}: ${result.message ?? ""}`.slice(0, 120);
      errors[key] = (errors[key] ?? 0) + 1;
      return null;
    }
    return result.data ?? null;
  };

  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const programme = usable[u % usable.length]!;
      const staff = staffByOpd.get(programme.opdId)!;
      const mine: string[] = [];
      for (let k = 0; k < perUser; k++) {
        const household = households[(u * perUser + k) % households.length]!;
        const created = await timed<{ distributionId: string }>(u, "aidDraft", () =>
          runAction(deps(staff.user), createDistributionDefinition, tenantSlug, {
            [SUBMISSION_KEY_FIELD]: randomUUID(),
            programmeId: programme.id,
            budgetLineId: programme.lineId,
            householdId: household.id,
            kind: aidKind(programme.kind),
            items: "Paket bantuan (uji beban)",
            quantity: "1",
            value: "250000",
            distributedAt: `${env.year}-12-15`,
            note: marker,
            acknowledgeDuplicate: "1",
          }),
        );
        if (created) mine.push(created.distributionId);
      }
      const line = sharedLines[u % sharedLines.length]!;
      const lineStaff = staffByOpd.get(line.opdId)!;
      await timed(u, "realisation", () =>
        runAction(deps(lineStaff.user), createRealisationDefinition, tenantSlug, {
          [SUBMISSION_KEY_FIELD]: randomUUID(),
          budgetLineId: line.lineId,
          month: "12",
          amount: "1000",
          referenceNo: `SP2D/${marker}/${randomUUID()}`,
          note: marker,
        }),
      );
      if (mine.length > 0) {
        const verified = await timed(u, "verification", () => runAction(deps(staff.head), verifyDistributionsDefinition, tenantSlug, { ids: mine }));
        if (verified) acknowledged.push(...mine);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const writes = latencies.length - failed;

  const [{ missing }] = (await sql.query<{ missing: string }>(
    `SELECT ($2::int - count(*))::text AS missing FROM "AidDistribution" WHERE "tenantId" = $1 AND note = $3 AND status = 'VERIFIED'`,
    [tenantId, acknowledged.length, marker],
  )) as [{ missing: string }];
  // The summary of every programme × household touched, against the entries themselves.
  const [{ mismatches }] = (await sql.query<{ mismatches: string }>(
    `WITH touched AS (SELECT DISTINCT "programmeId", "householdId" FROM "AidDistribution" WHERE "tenantId" = $1 AND note = $2),
     live AS (
       SELECT t."programmeId", t."householdId",
              (SELECT count(*) FROM "AidDistribution" a WHERE a."tenantId" = $1 AND a."programmeId" = t."programmeId" AND a."householdId" = t."householdId" AND a.status = 'VERIFIED' AND a."reversesId" IS NULL)
            - (SELECT count(*) FROM "AidDistribution" a WHERE a."tenantId" = $1 AND a."programmeId" = t."programmeId" AND a."householdId" = t."householdId" AND a.status = 'VERIFIED' AND a."reversesId" IS NOT NULL)
            + (SELECT count(*) FROM "TrainingParticipant" p JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
                WHERE p."tenantId" = $1 AND tr."programmeId" = t."programmeId" AND p."householdId" = t."householdId" AND p.status = 'VERIFIED'
                  AND p.completion <> 'DROPPED' AND tr.status = 'VERIFIED' AND tr."cancelledAt" IS NULL) AS n
         FROM touched t)
     SELECT count(*)::text AS mismatches FROM live l
       LEFT JOIN (SELECT "programmeId", "householdId", sum(entries) AS entries FROM "HouseholdReach" WHERE "tenantId" = $1 GROUP BY 1, 2) d
         ON d."programmeId" = l."programmeId" AND d."householdId" = l."householdId"
      WHERE coalesce(d.entries, 0) <> l.n`,
    [tenantId, marker],
  )) as [{ mismatches: string }];
  // The lines' totals kept by triggers, against their entries, on the lines every user wrote to.
  const [{ lineMismatches }] = (await sql.query<{ lineMismatches: string }>(
    `SELECT count(*)::text AS "lineMismatches" FROM (
       (SELECT e."budgetLineId", e.source, e.status, e.month, e.amount > 0 AS adds, count(*)::int AS entries, sum(e.amount)::bigint AS amount
          FROM ${LINE_ENTRIES.sql} e WHERE e."tenantId" = $1 AND e."budgetLineId" = ANY($2) GROUP BY 1, 2, 3, 4, 5
        EXCEPT
        SELECT "budgetLineId", source, status, month, adds, entries, amount FROM "BudgetLineTotal" WHERE "tenantId" = $1 AND "budgetLineId" = ANY($2))
       UNION ALL
       (SELECT "budgetLineId", source, status, month, adds, entries, amount FROM "BudgetLineTotal" WHERE "tenantId" = $1 AND "budgetLineId" = ANY($2)
        EXCEPT
        SELECT e."budgetLineId", e.source, e.status, e.month, e.amount > 0, count(*)::int, sum(e.amount)::bigint
          FROM ${LINE_ENTRIES.sql} e WHERE e."tenantId" = $1 AND e."budgetLineId" = ANY($2) GROUP BY 1, 2, 3, 4, 5)) d`,
    [tenantId, sharedLines.map((l) => l.lineId)],
  )) as [{ lineMismatches: string }];
  const over = (
    await linesOverPagu(
      sql,
      tenantId,
      sharedLines.map((l) => l.lineId),
    )
  ).filter((id) => !overBefore.includes(id)).length;
  const lostUpdates = {
    missingDrafts: Number(missing),
    summaryMismatches: Number(mismatches) + Number(lineMismatches),
    linesOverPagu: Number(over),
    ok: false,
  };
  lostUpdates.ok = lostUpdates.missingDrafts === 0 && lostUpdates.summaryMismatches === 0 && lostUpdates.linesOverPagu === 0;
  const result: WritesResult = {
    users,
    thinkMs,
    writes,
    failed,
    errors,
    seconds: round1(seconds),
    writesPerSecond: Math.round(writes / seconds),
    writesPerSecondAllActive: rateWhileAllActive(firstStart, lastEnd, ends),
    warmUpUsers: warmHouseholds.length,
    latency: summarise(latencies),
    latencyByKind: { aidDraft: summarise(byKind.aidDraft), realisation: summarise(byKind.realisation), verification: summarise(byKind.verification) },
    poolSize: Number(process.env.DATABASE_POOL_SIZE) || 10,
    lostUpdates,
  };
  log(
    `  ${users} users, think time ${thinkMs} ms: ${writes} writes (${failed} failed) in ${result.seconds} s → ${result.writesPerSecond} writes/s (${result.writesPerSecondAllActive} while all ${users} are at work), p50 ${fmt(result.latency.p50)} p95 ${fmt(result.latency.p95)}; lost updates: ${lostUpdates.ok ? "none" : JSON.stringify(lostUpdates)}`,
  );
  log(
    `  by kind (p50 / p95): ${Object.entries(result.latencyByKind)
      .map(([kind, t]) => `${kind} ${fmt(t.p50)} / ${fmt(t.p95)}`)
      .join(", ")}`,
  );
  return result;
}

/** Completed writes per second between the last user's first write and the first user's last. */
function rateWhileAllActive(firstStart: number[], lastEnd: number[], ends: number[]): number {
  const from = Math.max(...firstStart);
  const to = Math.min(...lastEnd);
  if (!(to > from)) return 0;
  return Math.round(ends.filter((end) => end >= from && end <= to).length / ((to - from) / 1000));
}

function aidKind(programmeKind: string): string {
  return (
    ({ FOOD_AID: "FOOD", CAPITAL_AID: "CAPITAL", SEEDLINGS: "SEEDLINGS", EQUIPMENT_AID: "EQUIPMENT", SOCIAL_ASSISTANCE: "CASH" } as Record<string, string>)[
      programmeKind
    ] ?? "OTHER"
  );
}

// ─────────────────────────── first-load JavaScript ───────────────────────────

export type BundleResult = { route: string; kb: number }[] | { skipped: string };

/** The data-entry pages whose first-load JavaScript is measured. */
export const DATA_ENTRY_ROUTES = [
  "/[tenant]/bantuan/baru",
  "/[tenant]/pelatihan/baru",
  "/[tenant]/anggaran/[budgetLineId]",
  "/[tenant]/dana-pem/pinjaman/baru",
  "/[tenant]/registri/impor",
  "/[tenant]/registri/[householdId]",
];

/**
 * gzip size of the JavaScript a data-entry page loads first, read from the `.next` build:
 * the route's client-reference manifest lists its chunks (plus the shared root chunks).
 */
export async function firstLoadJs(root = process.cwd()): Promise<BundleResult> {
  const dir = path.join(root, ".next");
  if (!existsSync(path.join(dir, "BUILD_ID"))) return { skipped: "no production build (.next/BUILD_ID): run `npm run build` first" };
  const results: { route: string; kb: number }[] = [];
  for (const route of DATA_ENTRY_ROUTES) {
    const manifest = path.join(dir, "server", "app", route.slice(1), "page_client-reference-manifest.js");
    if (!existsSync(manifest)) continue;
    const text = await readFile(manifest, "utf8");
    const chunks = new Set(
      [...text.matchAll(/"(\/?_next\/static\/chunks\/[^"]+?\.js)"|"(static\/chunks\/[^"]+?\.js)"/g)].map((m) => (m[1] ?? m[2]!).replace(/^\/?_next\//, "")),
    );
    for (const file of await rootChunks(dir)) chunks.add(file);
    let bytes = 0;
    for (const chunk of chunks) {
      const file = path.join(dir, chunk);
      if (existsSync(file)) bytes += gzipSync(await readFile(file)).byteLength;
    }
    results.push({ route, kb: Math.round(bytes / 102.4) / 10 });
  }
  if (results.length === 0) return { skipped: "the build has no client-reference manifests for the data-entry pages" };
  return results;
}

async function rootChunks(dir: string): Promise<string[]> {
  const manifest = path.join(dir, "build-manifest.json");
  if (!existsSync(manifest)) return [];
  const parsed = JSON.parse(await readFile(manifest, "utf8")) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  return [...(parsed.rootMainFiles ?? [])];
}
