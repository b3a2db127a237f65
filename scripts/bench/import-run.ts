// One registry import, check then commit, in a process of its own, as the worker or a web
// server running jobs inline would run it: benchImport (bench.ts) starts it once per format, so
// its peak memory is the import's and not the bench's (which holds the generated extract).
// Usage: tsx scripts/bench/import-run.ts <file> <tenant id>; prints one JSON line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openDb } from "@/lib/db";
import { scopesFor } from "@/lib/db/tenant-scope";
import { checkRegistryImport, commitRegistryImport } from "@/features/registry/import/run-import";

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

const db = openDb({ kind: "postgres", url });
try {
  const { withTenant } = scopesFor(db.client);
  // The job reads its file from its row: the whole file in memory, handed over in pieces.
  const bytes = readFileSync(file);
  const rssStartMb = megabytes("VmRSS:");
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  }
  const common = { withTenant, tenantId, userId: null };
  let started = performance.now();
  const check = await checkRegistryImport({ ...common, body: pieces(), fileName: path.basename(file), fileSize: bytes.length, source: "DTSEN" });
  const checkSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const commit = check.status === "DRY_RUN" ? await commitRegistryImport({ ...common, jobId: check.jobId }) : check;
  const commitSeconds = check.status === "DRY_RUN" ? (performance.now() - started) / 1000 : 0;
  const run: ImportRun = {
    status: commit.status,
    error: commit.error,
    rejectedRows: check.rejectedRows,
    checkSeconds,
    commitSeconds,
    rssStartMb: Math.round(rssStartMb),
    peakRssMb: Math.round(megabytes("VmHWM:")),
  };
  console.log(JSON.stringify(run));
} finally {
  await db.close();
}
