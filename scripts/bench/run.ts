// npm run bench -- [--database entas_bench] [--iterations 30] [--users 200] [--per-user 5] [--think-ms 1000] [--warm-up-users 100]
//                  [--import-households 100000] [--only queries,pages,http,search,import,import-http,during-import,writes,bundles]
//                  [--server-pid N] [--worker-pid N]
//                  [--idle-seconds 30] [--dashboard-runs 20] [--import-minutes 20]
//                  [--base-url http://127.0.0.1:3300] [--queries revolvingFunds,poverty.coverage]
//                  [--accounts bapeda,mayor] [--paths /registri,/bantuan]
//
// "http" times whole pages from a production server started on the same database
// (`next build`, then `DATABASE_URL=<that database> next start`), at --base-url.
//
// "import-http" (alone, with --base-url and --server-pid, and a worker: `npm run worker`) sends
// a DTSEN extract of --import-households households to the upload route as the import page
// does, waits for the check, commits, and reads the web server's memory throughout.
//
// "during-import" (alone: `npm run bench -- --only during-import`) times another user's pages
// while a worker process checks and commits --import-households households through the job
// queue, and the importing city's poverty dashboard right after; it exits non-zero on a miss.
//
// Runs on the city that `npm run bench:generate` made, and writes
// bench-results/bench-<time>.json and .md (bench-results/ is not committed).
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { openDb, openOwnerDb } from "@/lib/db";
import { scopesFor } from "@/lib/db/tenant-scope";
import { benchConcurrentWrites, benchDashboardQueries, benchImport, benchPages, benchSearch, firstLoadJs, type BenchEnv } from "./bench";
import { benchDatabaseUrl, flag } from "./cli";
import { benchDuringImport } from "./during-import";
import { benchHttpPages } from "./http-pages";
import { benchImportHttp } from "./import-http";
import { BENCH_YEAR } from "./generate-city";
import { formatReport, type BenchReport } from "./report";
import { postgresSql } from "./sql";

const iterations = Number(flag("iterations") ?? 30);
const users = Number(flag("users") ?? 200);
const perUser = Number(flag("per-user") ?? 5);
const thinkMs = Number(flag("think-ms") ?? 1000);
const warmUpUsers = Number(flag("warm-up-users") ?? 100);
const importHouseholds = Number(flag("import-households") ?? 100_000);
const idleSeconds = Number(flag("idle-seconds") ?? 30);
const dashboardRuns = Number(flag("dashboard-runs") ?? 20);
const importMinutes = Number(flag("import-minutes") ?? 20);
const baseUrl = flag("base-url");
const queryNames = flag("queries")?.split(",") ?? [];
const accounts = flag("accounts")?.split(",");
const paths = flag("paths")?.split(",");
const only = new Set((flag("only") ?? `queries,pages,${baseUrl ? "http," : ""}search,import,during-import,writes,bundles`).split(","));
const { url, database } = benchDatabaseUrl();

const app = openDb({ kind: "postgres", url });
const owner = openOwnerDb({ kind: "postgres", url });
const sql = postgresSql(url, 2);
try {
  const [tenant] = await sql.query<{ id: string; slug: string; households: number }>(
    `SELECT t.id, t.slug, (SELECT count(*)::int FROM "Household" h WHERE h."tenantId" = t.id) AS households
       FROM "Tenant" t WHERE t.slug = 'kota-besar'`,
  );
  if (!tenant) throw new Error(`No generated city in ${database}: run npm run bench:generate -- --households N first`);
  const env: BenchEnv = {
    app: app.client,
    scopes: scopesFor(app.client),
    owner: owner.client,
    sql,
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    year: BENCH_YEAR,
    databaseUrl: url,
  };
  const report: BenchReport = {
    at: new Date().toISOString(),
    database,
    tenantId: tenant.id,
    households: tenant.households,
    year: BENCH_YEAR,
    iterations,
    loadAverage: [os.loadavg()[0]!, 0],
    cores: os.cpus().length,
  };
  const log = (line: string) => console.log(line);
  console.log(`${database}: ${tenant.households.toLocaleString("en")} households; ${iterations} runs per figure`);
  if (only.has("queries"))
    console.log("\ndashboard queries (app function | hand-tuned SQL)"), (report.queries = await benchDashboardQueries(env, iterations, log, queryNames));
  if (only.has("pages")) console.log("\npage data"), (report.pages = await benchPages(env, iterations, log, paths));
  if (only.has("http")) {
    if (!baseUrl) throw new Error("--only http needs --base-url of a server running on this database");
    console.log(`\npages over HTTP (${baseUrl})`);
    report.http = await benchHttpPages(baseUrl, tenant.slug, BENCH_YEAR, { iterations, accounts, only: paths }, log);
  }
  if (only.has("import-http")) {
    const serverPid = Number(flag("server-pid"));
    if (!baseUrl || !serverPid)
      throw new Error("--only import-http needs --base-url and --server-pid of a server running on this database (and a worker: npm run worker)");
    const workerPid = flag("worker-pid") ? Number(flag("worker-pid")) : undefined;
    console.log("\nregistry import over HTTP");
    report.importHttp = await benchImportHttp(env, { baseUrl, households: importHouseholds, serverPid, workerPid }, log);
  }
  if (only.has("search")) console.log("\nregistry search"), (report.search = await benchSearch(env, iterations, log));
  if (only.has("import")) console.log("\nregistry import"), (report.import = await benchImport(env, importHouseholds, log));
  if (only.has("during-import")) {
    console.log(`\nanother city's pages during a registry import (${importHouseholds.toLocaleString("en")} households, job queue, worker process)`);
    report.duringImport = await benchDuringImport(
      env,
      { households: importHouseholds, idleSeconds, dashboardRuns, databaseUrl: url, maxMinutes: importMinutes },
      log,
    );
    if (!report.duringImport.ok) process.exitCode = 1;
  }
  if (only.has("writes")) console.log("\nconcurrent data entry"), (report.writes = await benchConcurrentWrites(env, users, perUser, log, thinkMs, warmUpUsers));
  if (only.has("bundles")) {
    report.bundles = await firstLoadJs();
    console.log(
      `\nfirst-load JavaScript: ${"skipped" in report.bundles ? `skipped — ${report.bundles.skipped}` : report.bundles.map((b) => `${b.route} ${b.kb} kB`).join(", ")}`,
    );
  }
  report.loadAverage[1] = os.loadavg()[0]!;
  await mkdir("bench-results", { recursive: true });
  const stamp = report.at.replace(/[:.]/g, "-");
  await writeFile(
    `bench-results/bench-${stamp}.json`,
    JSON.stringify(report, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2),
  );
  await writeFile(`bench-results/bench-${stamp}.md`, formatReport(report));
  console.log(`\nwritten bench-results/bench-${stamp}.{json,md}`);
  if (report.duringImport) console.log(report.duringImport.ok ? "during import: PASS" : "during import: FAIL");
} finally {
  await sql.close();
  await owner.close();
  await app.close();
}
