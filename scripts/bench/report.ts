import type { BundleResult, ImportResult, NamedTiming, QueryResult, WritesResult } from "./bench";
import { IMPORT_TARGETS, TARGETS } from "./bench";
import type { DuringImportResult } from "./during-import";
import { DASHBOARD_P95_MS, DURING_IMPORT_MAX_RATIO } from "./during-import";
import { flagOf, HTTP_PAGE_LIMITS, type HttpPageTiming } from "./http-pages";
import { IMPORT_HTTP_TARGETS, type ImportHttpRun } from "./import-http";

export type BenchReport = {
  at: string;
  database: string;
  tenantId: string;
  households: number;
  year: number;
  iterations: number;
  /** 1-minute load average at the start and the end, and the cores: the machine is shared. */
  loadAverage: [number, number];
  cores: number;
  queries?: QueryResult[];
  pages?: NamedTiming[];
  /** Whole pages over HTTP from a running server (--base-url). */
  http?: HttpPageTiming[];
  search?: NamedTiming[];
  import?: ImportResult;
  duringImport?: DuringImportResult;
  /** The registry import over HTTP, with the web server's memory (--only import-http). */
  importHttp?: ImportHttpRun[];
  writes?: WritesResult;
  bundles?: BundleResult;
};

const mark = (ok: boolean) => (ok ? "✓" : "✗ miss");

/** The report as Markdown tables, each figure beside its target. */
export function formatReport(r: BenchReport): string {
  const out: string[] = [
    `# Benchmark ${r.at}`,
    "",
    `Database ${r.database}, ${r.households.toLocaleString("en")} households, fiscal year ${r.year}, ${r.iterations} timed runs per figure (after one warm-up). Load average ${r.loadAverage.map((x) => x.toFixed(1)).join(" → ")} on ${r.cores} cores (shared machine: timings are noisy).`,
    "",
  ];
  if (r.queries) {
    out.push(`## Dashboard queries (target p95 ≤ ${TARGETS.queryP95Ms} ms and ≤ ${TARGETS.queryRatio}× hand-tuned SQL)`, "");
    out.push(
      "| query | app p50 | app p95 | SQL p95 (bare) | SQL p50 (in scope) | SQL p95 (in scope) | ratio (p95, in scope) | same figure | target |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: |",
    );
    for (const q of r.queries) {
      const ok = q.app.p95 <= TARGETS.queryP95Ms && q.ratio <= TARGETS.queryRatio;
      out.push(
        `| ${q.dashboard}.${q.query} | ${q.app.p50} | ${q.app.p95} | ${q.sql.p95} | ${q.scoped.p50} | ${q.scoped.p95} | ${q.ratio.toFixed(2)} | ${q.same ? "yes" : `NO (${q.appFigure} ≠ ${q.sqlFigure})`} | ${mark(ok)} |`,
      );
    }
    out.push("");
  }
  if (r.pages) {
    out.push(`## Page data (target p95 ≤ ${TARGETS.pageP95Ms} ms)`, "", "| page | p50 | p95 | target |", "| --- | ---: | ---: | :---: |");
    for (const p of r.pages) out.push(`| ${p.name} | ${p.timing.p50} | ${p.timing.p95} | ${mark(p.timing.p95 <= TARGETS.pageP95Ms)} |`);
    out.push("");
  }
  if (r.http) {
    out.push(
      `## Every page of every role over HTTP (target p95 ≤ ${HTTP_PAGE_LIMITS.p95Ms} ms, HTML ≤ ${HTTP_PAGE_LIMITS.htmlBytes / 1024} kB)`,
      "",
      "| page | signed in as | HTML kB | p50 | p95 | max | target |",
      "| --- | --- | ---: | ---: | ---: | ---: | :---: |",
    );
    for (const p of r.http) {
      const flag = flagOf(p);
      out.push(
        `| ${p.name} | ${p.role} | ${Math.round(p.bytes / 1024)} | ${p.timing.p50} | ${p.timing.p95} | ${p.timing.max} | ${flag ? `✗ ${flag}` : mark(true)} |`,
      );
    }
    out.push("");
  }
  if (r.search) {
    out.push(
      `## Registry search (target p95 ≤ ${TARGETS.searchP95Ms} ms)`,
      "",
      "| search | p50 | p95 | found | target |",
      "| --- | ---: | ---: | ---: | :---: |",
    );
    for (const s of r.search) out.push(`| ${s.name} | ${s.timing.p50} | ${s.timing.p95} | ${s.note ?? ""} | ${mark(s.timing.p95 <= TARGETS.searchP95Ms)} |`);
    out.push("");
  }
  if (r.importHttp) {
    out.push(
      `## Registry import over HTTP (sign in, upload, check, "Simpan"; end to end ≤ ${IMPORT_HTTP_TARGETS.endToEndSeconds} s, web process < ${IMPORT_HTTP_TARGETS.webPeakRssMb} MB throughout)`,
      "",
      "| format | file | upload | check done | commit | end to end | web RSS at start → peak | worker peak | status |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...r.importHttp.map(
        (run) =>
          `| ${run.format} | ${run.megabytes} MB | ${run.uploadSeconds} s | ${run.checkSeconds} s | ${run.commitSeconds} s | **${run.totalSeconds} s** ${mark(run.totalSeconds <= IMPORT_HTTP_TARGETS.endToEndSeconds)} | ${run.webRssStartMb} → **${run.webPeakRssMb} MB** ${mark(run.webPeakRssMb < IMPORT_HTTP_TARGETS.webPeakRssMb)} | ${run.workerPeakRssMb ?? "—"} MB | ${run.status} |`,
      ),
      "",
    );
  }
  if (r.import) {
    const i = r.import;
    out.push(`## Registry import (target ≥ ${TARGETS.importRowsPerSecond.toLocaleString("en")} rows/s)`, "");
    const pass = (seconds: number, rate: number) => `${seconds} s = **${rate.toLocaleString("en")} rows/s** ${mark(rate >= TARGETS.importRowsPerSecond)}`;
    out.push(
      `${i.rows.toLocaleString("en")} member rows, ${i.households.toLocaleString("en")} households (CSV), ${i.status}: dry run (read, check, compare, keep) ${pass(i.dryRunSeconds, i.dryRunRowsPerSecond)}; commit (compare again, write) ${pass(i.commitSeconds, i.commitRowsPerSecond)}; both passes one after the other ${i.rowsPerSecond.toLocaleString("en")} rows/s. COPY of the same rows ${i.copySeconds} s = ${i.copyRowsPerSecond.toLocaleString("en")} rows/s (commit ${(i.copySeconds === 0 ? 0 : i.commitSeconds / i.copySeconds).toFixed(2)}× COPY's time).`,
      "",
    );
    if (i.endToEnd?.length) {
      out.push(
        `From "Periksa" to "Tersimpan" (check + commit, each import in a process of its own; target ≤ ${IMPORT_TARGETS.endToEndSeconds} s, peak RSS < ${IMPORT_TARGETS.peakRssMb} MB):`,
        "",
        "| format | file | check | commit | end to end | peak RSS (at start) | status |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        ...i.endToEnd.map(
          (e) =>
            `| ${e.format} | ${e.megabytes} MB | ${e.checkSeconds} s | ${e.commitSeconds} s | **${e.totalSeconds} s** ${mark(e.totalSeconds <= IMPORT_TARGETS.endToEndSeconds)} | ${e.peakRssMb ? `${e.peakRssMb} MB (${e.rssStartMb} MB) ${mark(e.peakRssMb < IMPORT_TARGETS.peakRssMb)}` : "—"} | ${e.status} |`,
        ),
        "",
        "Per part (CPU seconds beside the wall clock: on a shared machine the wall clock also measures the others' load):",
        "",
        "| format | part | wall | CPU, import process | CPU, database | peak RSS |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
        ...i.endToEnd.flatMap((e) =>
          (e.phases ?? []).map(
            (p) =>
              `| ${e.format} | ${p.name} | ${p.seconds} s | ${p.nodeCpuSeconds} s | ${p.databaseCpuSeconds === null ? "—" : `${p.databaseCpuSeconds} s`} | ${p.peakRssMb} MB |`,
          ),
        ),
        "",
      );
    }
  }
  if (r.duringImport) {
    const d = r.duringImport;
    out.push(
      `## Another city's pages during a registry import (target p95 ≤ ${DURING_IMPORT_MAX_RATIO}× idle; dashboard after it p95 ≤ ${DASHBOARD_P95_MS} ms)`,
      "",
      `${d.households.toLocaleString("en")} households, ${d.rows.toLocaleString("en")} member rows (${d.csvMb} MB CSV) through the job queue and a worker process (nice ${d.workerNice ?? "?"}): check ${d.checkSeconds} s, commit ${d.commitSeconds} s → ${d.status}.`,
      "",
      "| page | idle p50 | idle p95 (before / after) | check p50 | check p95 | commit p50 | commit p95 | ratio | target |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    );
    for (const p of d.pages)
      out.push(
        `| ${p.name} | ${p.idle.p50} | ${p.idle.p95} (${p.idleBefore.p95} / ${p.idleAfter.p95}) | ${p.check.p50} | ${p.check.p95} | ${p.commit.p50} | ${p.commit.p95} | ${p.ratio.toFixed(2)} | ${mark(p.ok)} |`,
      );
    out.push("", "| right after the commit | first | p50 | p95 | failed panels | target |", "| --- | ---: | ---: | ---: | --- | :---: |");
    for (const b of d.dashboards)
      out.push(`| ${b.name} | ${b.first} | ${b.timing.p50} | ${b.timing.p95} | ${b.failedPanels.join(", ") || "none"} | ${mark(b.ok)} |`);
    out.push("", "| table | planner rows | live rows | last ANALYZE | last autoanalyze |", "| --- | ---: | ---: | --- | --- |");
    for (const s of d.statistics) out.push(`| ${s.table} | ${s.reltuples} | ${s.liveRows} | ${s.lastAnalyze ?? "never"} | ${s.lastAutoAnalyze ?? "never"} |`);
    out.push("");
  }
  if (r.writes) {
    const w = r.writes;
    out.push(`## Concurrent data entry (target ≥ ${TARGETS.writesPerSecond} writes/s, p95 ≤ ${TARGETS.writeP95Ms} ms, no lost update)`, "");
    out.push(
      `${w.users} virtual users (think time ${w.thinkMs} ms before each write, after a warm-up of ${w.warmUpUsers} users), app pool ${w.poolSize} connections: ${w.writes} writes (${w.failed} failed) in ${w.seconds} s = ${w.writesPerSecond} writes/s over the whole run, **${w.writesPerSecondAllActive} writes/s while all ${w.users} are at work** ${mark(w.writesPerSecondAllActive >= TARGETS.writesPerSecond)}, p50 ${w.latency.p50} ms, p95 **${w.latency.p95} ms** ${mark(w.latency.p95 <= TARGETS.writeP95Ms)}; lost updates: ${w.lostUpdates.ok ? "none ✓" : `${JSON.stringify(w.lostUpdates)} ✗`}.`,
    );
    out.push(
      "",
      `By kind (p50 / p95 ms): ${Object.entries(w.latencyByKind)
        .map(([kind, t]) => `${kind} ${t.p50} / ${t.p95}`)
        .join(", ")}.`,
    );
    for (const [error, n] of Object.entries(w.errors)) out.push(`- ${n}× ${error}`);
    out.push("");
  }
  if (r.bundles) {
    out.push(`## First-load JavaScript of data-entry pages (target ≤ ${TARGETS.firstLoadKb} kB gzip)`, "");
    if ("skipped" in r.bundles) out.push(`Skipped: ${r.bundles.skipped}.`);
    else {
      out.push("| page | kB (gzip) | target |", "| --- | ---: | :---: |");
      for (const b of r.bundles) out.push(`| ${b.route} | ${b.kb} | ${mark(b.kb <= TARGETS.firstLoadKb)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
