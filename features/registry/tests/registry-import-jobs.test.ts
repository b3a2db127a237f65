// The registry import as jobs: the upload route's file and the commit button go through the
// queue to a worker; the page polls the job's row. A worker killed mid-commit leaves the
// registry as it was; its stale heartbeat gets the job retried within the minute, and the next
// worker finishes it.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { dropExpiredStagedJob, registryCheckJob, registryCommitJob, registryImportJobs } from "@/features/registry/import/jobs";
import { refreshStatisticsJob } from "@/lib/jobs/housekeeping";
import { checkRegistryImport, commitRegistryImport } from "@/features/registry/import/run-import";
import { JOB_MESSAGES, cancelTrackedJob, readTrackedJob, startTrackedJob, type TrackedJobView } from "@/lib/jobs/tracked";
import { findJobFile } from "@/lib/jobs/job-file";
import { openQueue, queueName } from "@/lib/jobs/queue";
import { failStaleJobs } from "@/lib/jobs/stale";
import { queueControl, startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { importStep } from "@/features/registry/import/ui/send-import";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { chunked, createImportTenant, extractRows, toCsv, type ImportTenant } from "@/features/registry/tests/fixtures/extract";

let t: TestDb;
let worker: RunningWorker;
// Queue names of this file's own: other test files' workers never take its jobs.
const prefix = `t${uniqueSuffix()}.`;
const KINDS = [registryCheckJob.name, registryCommitJob.name];

beforeAll(async () => {
  t = await openTestDb();
  worker = await startWorker({
    target: t.target,
    kinds: registryImportJobs,
    scopes: t,
    prefix,
    schedules: false,
    pollingIntervalSeconds: 0.5,
    log: () => {},
  });
});

afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await t?.close();
});

const csvBytes = (tenant: ImportTenant, households: number, options?: { serialBase?: number; seed?: number }) =>
  new TextEncoder().encode(toCsv(extractRows(tenant, households, options)));

function queueCheck(tenant: ImportTenant, bytes: Uint8Array, fileName = "dtsen.csv"): Promise<string> {
  return t.withTenant(tenant.id, (tx) =>
    startTrackedJob(tx, registryCheckJob, {
      tenantId: tenant.id,
      userId: null,
      input: { source: "DTSEN", fileSize: bytes.length },
      file: bytes,
      fileName,
      prefix,
    }),
  );
}

function queueCommit(tenant: ImportTenant, importJobId: string): Promise<string> {
  return t.withTenant(tenant.id, (tx) => startTrackedJob(tx, registryCommitJob, { tenantId: tenant.id, userId: null, resultId: importJobId, prefix }));
}

function readJob(tenant: ImportTenant, id: string): Promise<TrackedJobView | null> {
  return t.withTenant(tenant.id, (tx) => readTrackedJob(tx, tenant.id, id, KINDS));
}

/** Polls the job's row as the page does, until it ends. */
async function ended(tenant: ImportTenant, id: string, timeoutMs = 45_000): Promise<TrackedJobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await readJob(tenant, id);
    if (job && ["DONE", "FAILED", "CANCELLED"].includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job?.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function registry(tenant: ImportTenant) {
  return t.withTenant(tenant.id, async (tx) => ({ households: await tx.household.count(), members: await tx.member.count() }));
}

async function importStatus(tenant: ImportTenant, id: string) {
  return t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id } }, select: { status: true } }));
}

describe("registry import as jobs", () => {
  it("checks a queued file and commits it in a worker; the job's row ends with the import it made and without the file", async () => {
    const tenant = await createImportTenant(t);
    const bytes = csvBytes(tenant, 12);
    const check = await ended(tenant, await queueCheck(tenant, bytes));
    expect(check).toMatchObject({ state: "DONE", error: null, attempts: 1 });
    expect(await importStatus(tenant, check.resultId!)).toEqual({ status: "DRY_RUN" });
    expect(await registry(tenant)).toEqual({ households: 0, members: 0 });
    expect(await findJobFile(t.withTenant, tenant.id, check.id)).toBeNull();

    const commit = await ended(tenant, await queueCommit(tenant, check.resultId!));
    expect(commit).toMatchObject({ state: "DONE", resultId: check.resultId, error: null });
    expect(await importStatus(tenant, check.resultId!)).toEqual({ status: "COMMITTED" });
    expect((await registry(tenant)).households).toBe(12);
  });

  it("ends a commit of a dry run already saved as failed, with the reason the page shows", async () => {
    const tenant = await createImportTenant(t);
    const check = await ended(tenant, await queueCheck(tenant, csvBytes(tenant, 3)));
    await ended(tenant, await queueCommit(tenant, check.resultId!));
    const again = await ended(tenant, await queueCommit(tenant, check.resultId!));
    expect(again).toMatchObject({ state: "FAILED", error: "Impor ini sudah disimpan." });
  });

  it("cancels a job before a worker takes it: nothing is checked or kept", async () => {
    const tenant = await createImportTenant(t);
    const id = await t.withTenant(tenant.id, async (tx) => {
      const bytes = csvBytes(tenant, 3);
      const queued = await startTrackedJob(tx, registryCheckJob, {
        tenantId: tenant.id,
        userId: null,
        input: { source: "DTSEN" },
        file: bytes,
        fileName: "a.csv",
        prefix,
      });
      await cancelTrackedJob(tx, tenant.id, queued, KINDS);
      return queued;
    });
    expect(await ended(tenant, id)).toMatchObject({ state: "CANCELLED", error: JOB_MESSAGES.cancelled, resultId: null });
    // The worker sees the cancellation and does nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await t.withTenant(tenant.id, (tx) => tx.importJob.count())).toBe(0);
  });

  it("sends no job when the request that sent it rolls back", async () => {
    const tenant = await createImportTenant(t);
    const rolledBack = `r${uniqueSuffix()}.`;
    await expect(
      t.withTenant(tenant.id, async (tx) => {
        await startTrackedJob(tx, registryCheckJob, {
          tenantId: tenant.id,
          userId: null,
          input: { source: "DTSEN" },
          file: new Uint8Array(3),
          fileName: "a.csv",
          prefix: rolledBack,
        });
        throw new Error("the request fails after sending");
      }),
    ).rejects.toThrow("the request fails after sending");
    const name = queueName(registryCheckJob, { prefix: rolledBack });
    const [jobs] = await t.withPlatform((tx) => tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${name}`);
    expect(Number(jobs?.n)).toBe(0);
    expect(await t.withTenant(tenant.id, (tx) => tx.backgroundJob.count())).toBe(0);
  });

  it("fails a job delivered again after its last try died, saying so, and writes nothing", async () => {
    const tenant = await createImportTenant(t);
    const dry = await checkRegistryImport({
      withTenant: t.withTenant,
      tenantId: tenant.id,
      userId: null,
      body: chunked(csvBytes(tenant, 4)),
      fileName: "a.csv",
      source: "DTSEN",
    });
    const id = await t.withTenant(tenant.id, (tx) =>
      tx.backgroundJob.create({
        data: { tenantId: tenant.id, kind: registryCommitJob.name, resultId: dry.jobId, state: "RUNNING", attempts: 2 },
        select: { id: true },
      }),
    );
    await registryCommitJob.run(
      { tenantId: tenant.id, jobId: id.id },
      { scopes: t, queueJobId: "x", retryCount: registryCommitJob.retryLimit + 1, retryLimit: registryCommitJob.retryLimit },
    );
    expect(await readJob(tenant, id.id)).toMatchObject({ state: "FAILED", error: JOB_MESSAGES.interrupted });
    expect(await registry(tenant)).toEqual({ households: 0, members: 0 });
  });
});

describe("scheduled jobs", () => {
  const run = () => ({ scopes: t, queueJobId: "schedule", retryCount: 0, retryLimit: 1 });

  it("drops the rows kept by a check nobody committed after a day, though the city never imports again", async () => {
    const tenant = await createImportTenant(t);
    const dry = await checkRegistryImport({
      withTenant: t.withTenant,
      tenantId: tenant.id,
      userId: null,
      body: chunked(csvBytes(tenant, 3)),
      fileName: "a.csv",
      source: "DTSEN",
    });
    const fresh = await checkRegistryImport({
      withTenant: t.withTenant,
      tenantId: tenant.id,
      userId: null,
      body: chunked(csvBytes(tenant, 2, { serialBase: 100 })),
      fileName: "b.csv",
      source: "DTSEN",
    });
    await t.withTenant(tenant.id, (tx) => tx.$executeRaw`UPDATE "ImportJob" SET "createdAt" = now() - interval '25 hours' WHERE id = ${dry.jobId}`);
    const kept = (jobId: string) => t.withTenant(tenant.id, (tx) => tx.importStagedHousehold.count({ where: { importJobId: jobId } }));
    expect(await kept(dry.jobId)).toBe(3);

    await dropExpiredStagedJob.run({}, run());
    expect(await kept(dry.jobId)).toBe(0);
    expect(await kept(fresh.jobId)).toBe(2);
  });

  it("refreshes planner statistics through the owner's function, which the app's role may call", async () => {
    await expect(refreshStatisticsJob.run({}, run())).resolves.toBeUndefined();
  });
});

const url = inject("testDatabaseUrl");

// PGlite is one process: a worker of its own needs the PostgreSQL server.
describe.runIf(url)("a worker killed during a commit", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGKILL");
  });

  it("leaves the registry as it was; its stale heartbeat gets it retried within seconds, saying so, and a restarted worker commits the import whole", async () => {
    const tenant = await createImportTenant(t);
    // A registry of 5 households; then a file that renames one of their members and adds 20.
    const first = extractRows(tenant, 5);
    const dry0 = await checkRegistryImport({
      withTenant: t.withTenant,
      tenantId: tenant.id,
      userId: null,
      body: chunked(new TextEncoder().encode(toCsv(first))),
      fileName: "a.csv",
      source: "DTSEN",
    });
    await commitRegistryImport({ withTenant: t.withTenant, tenantId: tenant.id, userId: null, jobId: dry0.jobId });
    const renamed = first.map((row, i) => (i === 0 ? { ...row, NAMA: "Nama Baru Sekali" } : row));
    const file = [...renamed, ...extractRows(tenant, 20, { serialBase: 500, seed: 7 })];
    const dry = await checkRegistryImport({
      withTenant: t.withTenant,
      tenantId: tenant.id,
      userId: null,
      body: chunked(new TextEncoder().encode(toCsv(file))),
      fileName: "b.csv",
      source: "DTSEN",
    });
    expect(dry.counts?.households).toMatchObject({ new: 20, changed: 0, unchanged: 5 });
    const before = await registry(tenant);

    // Hold the renamed member's row: the commit writes the 20 households, then waits on it.
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    try {
      await owner.query("BEGIN");
      await owner.query(`SELECT 1 FROM "Member" WHERE "tenantId" = $1 AND nik = $2 FOR UPDATE`, [tenant.id, first[0]!.NIK]);

      const killedPrefix = `k${uniqueSuffix()}.`;
      const id = await t.withTenant(tenant.id, (tx) =>
        startTrackedJob(tx, registryCommitJob, { tenantId: tenant.id, userId: null, resultId: dry.jobId, prefix: killedPrefix }),
      );
      child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/job-worker.ts"], {
        env: { ...process.env, DATABASE_URL: url, JOBS_TEST_PREFIX: killedPrefix, JOBS_HEARTBEAT_SECONDS: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout?.on("data", (data) => (output += data));
      child.stderr?.on("data", (data) => (output += data));
      child.once("exit", (code) => code !== null && console.error(`worker exited ${code}: ${output}`));
      // The commit has written its households (it reports them) and waits for the held row.
      await waitFor(async () => (await readJob(tenant, id))?.progress?.phase === "write", 60_000).catch((error) => {
        throw new Error(`${error}; worker: ${output}`);
      });
      expect(await readJob(tenant, id)).toMatchObject({ state: "RUNNING", attempts: 1 });
      // A live worker's heartbeat keeps its job from being taken for dead, however long it waits.
      const observer = openQueue(t.target, { worker: false, poolSize: 1 });
      await observer.start();
      const failStale = () => failStaleJobs(t, queueControl(observer), tenant.id, 2);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await failStale()).toBe(0);
      child.kill("SIGKILL");
      await new Promise((resolve) => child!.once("exit", resolve));
      await owner.query("ROLLBACK");

      // Nothing of the killed commit stays (it never committed): not the new households, not the new name.
      expect(await registry(tenant)).toEqual(before);
      expect(await importStatus(tenant, dry.jobId)).toEqual({ status: "DRY_RUN" });

      // Its heartbeat stops; once stale (2 s here, a minute by default), the schedule fails its
      // delivery, long before its 15-minute limit: the job waits for its retry, and says so.
      const commitQueue = queueName(registryCommitJob, { prefix: killedPrefix });
      const killedAt = Date.now();
      try {
        await waitFor(async () => (await failStale()) === 1, 20_000);
      } finally {
        await observer.stop({ graceful: false, wait: true });
      }
      expect(Date.now() - killedAt).toBeLessThan(20_000);
      const waiting = await readJob(tenant, id);
      expect(waiting).toMatchObject({ state: "QUEUED", attempts: 1, error: null });
      expect(importStep(waiting!)).toEqual({ phase: "queued", retry: true });
      const [delivery] = (await owner.query(`SELECT state FROM pgboss.job WHERE name = $1`, [commitQueue])).rows;
      expect(delivery).toEqual({ state: "retry" });
      expect(await registry(tenant)).toEqual(before);

      // A new worker takes the retry and commits the import whole.
      const restarted = await startWorker({
        target: t.target,
        kinds: registryImportJobs,
        scopes: t,
        prefix: killedPrefix,
        schedules: false,
        pollingIntervalSeconds: 0.5,
        log: () => {},
      });
      try {
        const job = await ended(tenant, id, 60_000);
        expect(job).toMatchObject({ state: "DONE", attempts: 2, error: null });
      } finally {
        await restarted.stop({ timeoutMs: 5_000 });
      }
      expect(await importStatus(tenant, dry.jobId)).toEqual({ status: "COMMITTED" });
      expect(await registry(tenant)).toEqual({ households: 25, members: file.length });
      const member = await t.withTenant(tenant.id, (tx) => tx.member.findFirstOrThrow({ where: { nik: first[0]!.NIK }, select: { name: true } }));
      expect(member.name).toBe("Nama Baru Sekali");
    } finally {
      await owner.query("ROLLBACK").catch(() => undefined);
      await owner.end();
    }
  }, 180_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
