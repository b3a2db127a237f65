// One registry import, check then commit, in a process of its own, as the worker or a web
// server running jobs inline would run it: benchImport (bench.ts) starts it once per format, so
// its peak memory is the import's and not the bench's (which holds the generated extract).
// Usage: tsx scripts/bench/import-run.ts <file> <tenant id>; prints one JSON line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openDb } from "@/lib/db";
import { scopesFor } from "@/lib/db/tenant-scope";
import { checkRegistryImport, commitRegistryImport } from "@/features/registry/import/run-import";

/**
 * A part of the import: the check's reading and checking of the file, the check's database
 * work, the commit. CPU seconds besides the wall clock, since on a shared machine the wall
 * clock mostly measures the others' load: this process's (both its threads), and the
 * database's (its server processes for this import, when the server runs on this machine).
 */
export type ImportPhase = {
  name: "read" | "check database" | "commit";
  seconds: number;
  nodeCpuSeconds: number;
  databaseCpuSeconds: number | null;
  peakRssMb: number;
};

/** What one import in its own process took. */
export type ImportRun = {
  status: string;
  error?: string;
  rejectedRows: number;
  checkSeconds: number;
  commitSeconds: number;
  /** Resident memory of the process: before the file was read, and the highest the kernel saw (VmHWM). */
  rssStartMb: number;
  peakRssMb: number;
  phases: ImportPhase[];
};

const [file, tenantId] = process.argv.slice(2);
if (!file || !tenantId) throw new Error("usage: import-run.ts <file> <tenant id>");
const url = process.env.DATABASE_URL;
if (!url) throw new Error("import-run.ts needs DATABASE_URL");

const megabytes = (field: string) =>
  Number(
    /(\d+) kB/.exec(
      readFileSync("/proc/self/status", "utf8")
        .split("\n")
        .find((line) => line.startsWith(field)) ?? "",
    )?.[1] ?? 0,
  ) / 1024;

/** The server processes this import's transactions ran on, and their CPU ticks when last read. */
const backends = new Map<number, number>();
/** Their CPU seconds so far (a process the pool has closed since counts as last read), or null when the server is not on this machine. */
function databaseCpu(): number | null {
  let ticks = 0;
  for (const [pid, last] of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      const now = Number(fields[11]) + Number(fields[12]);
      backends.set(pid, now);
      ticks += now;
    } catch {
      if (last < 0) return null;
      ticks += last;
    }
  }
  return ticks / 100;
}
const nodeCpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

const phases: ImportPhase[] = [];
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
let mark = { at: performance.now(), node: nodeCpu(), database: 0 as number | null };
function endPhase(name: ImportPhase["name"]): void {
  peak = Math.max(peak, process.memoryUsage.rss());
  const now = { at: performance.now(), node: nodeCpu(), database: databaseCpu() };
  phases.push({
    name,
    seconds: round2((now.at - mark.at) / 1000),
    nodeCpuSeconds: round2(now.node - mark.node),
    databaseCpuSeconds: now.database === null || mark.database === null ? null : round2(now.database - mark.database),
    peakRssMb: Math.round(peak / 1024 / 1024),
  });
  mark = now;
  peak = 0;
}
const round2 = (x: number) => Math.round(x * 100) / 100;

const db = openDb({ kind: "postgres", url });
try {
  const scopes = scopesFor(db.client);
  const withTenant: typeof scopes.withTenant = (tenantId, fn, options) =>
    scopes.withTenant(
      tenantId,
      async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        if (!backends.has(row!.pid)) {
          backends.set(row!.pid, -1);
          databaseCpu();
        }
        return fn(tx);
      },
      options,
    );
  // The job reads its file from its row: the whole file in memory, handed over in pieces.
  const bytes = readFileSync(file);
  const rssStartMb = megabytes("VmRSS:");
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  }
  const common = { withTenant, tenantId, userId: null };
  let started = performance.now();
  mark = { at: started, node: nodeCpu(), database: databaseCpu() };
  let reading = true;
  const check = await checkRegistryImport({
    ...common,
    body: pieces(),
    fileName: path.basename(file),
    fileSize: bytes.length,
    source: "DTSEN",
    onProgress: (progress) => {
      if (reading && progress.phase !== "read") {
        reading = false;
        endPhase("read");
      }
    },
  });
  endPhase("check database");
  const checkSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const commit = check.status === "DRY_RUN" ? await commitRegistryImport({ ...common, jobId: check.jobId }) : check;
  if (check.status === "DRY_RUN") endPhase("commit");
  const commitSeconds = check.status === "DRY_RUN" ? (performance.now() - started) / 1000 : 0;
  const run: ImportRun = {
    status: commit.status,
    error: commit.error,
    rejectedRows: check.rejectedRows,
    checkSeconds,
    commitSeconds,
    rssStartMb: Math.round(rssStartMb),
    peakRssMb: Math.round(megabytes("VmHWM:")),
    phases,
  };
  console.log(JSON.stringify(run));
} finally {
  clearInterval(sampler);
  await db.close();
}
