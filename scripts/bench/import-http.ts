// The registry import as a city's clerk does it, over HTTP against a running `next start` and
// its worker: sign in, send the extract to the upload route, wait for the check, press "Simpan"
// (the commit), wait for it. Meanwhile the web server's resident memory (and the worker's, when
// its pid is given) is read from /proc every 50 ms: the web process must stay under 512 MB
// throughout. Each format goes into a city of its own, with an importer of its own.
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { hashPassword } from "@/lib/auth/password";
import { createImportTenant, extractRows, toCsv, toXlsxStreamed } from "@/features/registry/tests/fixtures/extract";
import type { TestDb } from "@/tests/helpers/db";
import type { BenchEnv } from "./bench";
import { BENCH_PASSWORD, signIn } from "./http-pages";

export const IMPORT_HTTP_TARGETS = { endToEndSeconds: 30, webPeakRssMb: 512 };

export type ImportHttpRun = {
  format: "csv" | "xlsx";
  megabytes: number;
  uploadSeconds: number;
  checkSeconds: number;
  commitSeconds: number;
  /** From the first byte sent to "Tersimpan". */
  totalSeconds: number;
  webRssStartMb: number;
  webPeakRssMb: number;
  workerPeakRssMb: number | null;
  status: string;
  ok: boolean;
};

type Options = { baseUrl: string; households: number; serverPid: number; workerPid?: number };

/** Resident memory of a process, in MB, from /proc. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function sampler(pid: number | undefined) {
  let peak = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped && pid) {
      peak = Math.max(peak, await rssMb(pid).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return pid ? Math.round(peak) : null;
    },
  };
}

type TaskStatus = { state: string; resultId: string | null; error: string | null };

async function waitForTask(baseUrl: string, slug: string, cookie: string, taskId: string): Promise<TaskStatus> {
  for (;;) {
    const response = await fetch(`${baseUrl}/${slug}/registri/impor/tugas/${taskId}`, { headers: { cookie, "x-entas-import": "1" } });
    const task = (await response.json()) as TaskStatus;
    if (task.state !== "QUEUED" && task.state !== "RUNNING") return task;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function send(baseUrl: string, slug: string, cookie: string, query: URLSearchParams, body?: BodyInit): Promise<string> {
  const response = await fetch(`${baseUrl}/${slug}/registri/impor/unggah?${query}`, {
    method: "POST",
    headers: { cookie, "x-entas-import": "1", origin: baseUrl },
    body,
    duplex: "half",
  } as RequestInit);
  const answer = (await response.json()) as { type: string; taskId?: string; message?: string };
  if (answer.type !== "queued" || !answer.taskId) throw new Error(`upload refused (${response.status}): ${answer.message ?? answer.type}`);
  return answer.taskId;
}

/** An importer for a fresh city, with the bench's password. */
async function importer(env: BenchEnv, tenantId: string): Promise<string> {
  const email = `importer-${tenantId}@bench.entas.test`;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await env.scopes.withTenant(tenantId, (tx) => tx.user.create({ data: { tenantId, email, name: "Importir Bench", passwordHash, role: "BAPEDA" } }));
  return email;
}

export async function benchImportHttp(env: BenchEnv, options: Options, log: (line: string) => void = () => {}): Promise<ImportHttpRun[]> {
  const fixtureDb = { db: env.owner, withTenant: env.scopes.withTenant } as unknown as TestDb;
  const dir = await mkdtemp(path.join(os.tmpdir(), "entas-bench-import-http-"));
  const runs: ImportHttpRun[] = [];
  try {
    for (const format of ["csv", "xlsx"] as const) {
      const tenant = await createImportTenant(fixtureDb);
      const rows = extractRows(tenant, options.households);
      const file = path.join(dir, `dtsen.${format}`);
      await writeFile(file, format === "csv" ? toCsv(rows) : await toXlsxStreamed(rows));
      const size = (await stat(file)).size;
      const cookie = await signIn(options.baseUrl, await importer(env, tenant.id));

      const webRssStartMb = Math.round(await rssMb(options.serverPid));
      const web = sampler(options.serverPid);
      const worker = sampler(options.workerPid);
      const started = performance.now();
      const upload = Readable.toWeb(createReadStream(file, { highWaterMark: 256 * 1024 })) as ReadableStream<Uint8Array>;
      const query = new URLSearchParams({ mode: "dry-run", source: "DTSEN", name: path.basename(file), size: String(size) });
      const checkTask = await send(options.baseUrl, tenant.slug, cookie, query, upload);
      const uploaded = performance.now();
      const check = await waitForTask(options.baseUrl, tenant.slug, cookie, checkTask);
      const checked = performance.now();
      let status = `check ${check.state}${check.error ? `: ${check.error}` : ""}`;
      if (check.state === "DONE" && check.resultId) {
        const commitTask = await send(options.baseUrl, tenant.slug, cookie, new URLSearchParams({ mode: "commit", job: check.resultId, confirm: "1" }));
        const commit = await waitForTask(options.baseUrl, tenant.slug, cookie, commitTask);
        status = `commit ${commit.state}${commit.error ? `: ${commit.error}` : ""}`;
      }
      const ended = performance.now();
      const webPeakRssMb = (await web.stop()) ?? 0;
      const run: ImportHttpRun = {
        format,
        megabytes: Math.round((size / 1024 / 1024) * 10) / 10,
        uploadSeconds: Math.round((uploaded - started) / 100) / 10,
        checkSeconds: Math.round((checked - started) / 100) / 10,
        commitSeconds: Math.round((ended - checked) / 100) / 10,
        totalSeconds: Math.round((ended - started) / 100) / 10,
        webRssStartMb,
        webPeakRssMb,
        workerPeakRssMb: await worker.stop(),
        status,
        ok: status === "commit DONE" && webPeakRssMb < IMPORT_HTTP_TARGETS.webPeakRssMb,
      };
      runs.push(run);
      log(
        `  ${format} ${run.megabytes} MB, ${rows.length} rows: upload ${run.uploadSeconds} s, check done at ${run.checkSeconds} s, commit ${run.commitSeconds} s, end to end ${run.totalSeconds} s → ${status}; web RSS ${webRssStartMb} → peak ${webPeakRssMb} MB${run.workerPeakRssMb ? `, worker peak ${run.workerPeakRssMb} MB` : ""}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return runs;
}
