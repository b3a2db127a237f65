// A tracked job's heartbeat and the schedule that reads it: the worker running a job writes its
// heartbeat every few seconds; a job whose heartbeat went stale lost its worker, and is retried
// while its delivery has tries left, else ends FAILED saying so in the reader's language.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defineJob, type QueueControl } from "@/lib/jobs/kinds";
import { enqueue, openQueue, queueName } from "@/lib/jobs/queue";
import { findJobFile, writeJobFile } from "@/lib/jobs/job-file";
import { failStaleJobs } from "@/lib/jobs/stale";
import { readTrackedJob, runTrackedJob, type TrackedJobData } from "@/lib/jobs/tracked";
import { queueControl } from "@/lib/jobs/worker";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

let t: TestDb;
let city: TestTenant;
const KIND = "test.heartbeat";

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
});

afterAll(async () => {
  await t?.close();
});

afterEach(() => {
  delete process.env.JOBS_HEARTBEAT_SECONDS;
});

async function runningJob(heartbeatSecondsAgo: number, queueJobId = "delivery") {
  const job = await t.withTenant(city.id, async (tx) => {
    const created = await tx.backgroundJob.create({ data: { tenantId: city.id, kind: KIND, state: "RUNNING", attempts: 1, queueJobId }, select: { id: true } });
    await writeJobFile(tx, city.id, created.id, new Uint8Array([1, 2, 3]));
    return created;
  });
  await t.withTenant(
    city.id,
    (tx) => tx.$executeRaw`UPDATE "BackgroundJob" SET "heartbeatAt" = now() - make_interval(secs => ${heartbeatSecondsAgo}) WHERE id = ${job.id}`,
  );
  return job.id;
}

/** A queue whose deliveries end in `state` once failed; it records which it was asked to fail. */
function queueAnswering(state: string | null): QueueControl & { failed: string[] } {
  const failed: string[] = [];
  return { failed, failStopped: async (id) => (failed.push(id), state), stateOf: async () => state };
}

/** A job waiting since `secondsAgo`, whose delivery is `queueJobId`. */
async function waitingJob(secondsAgo: number, queueJobId = "waiting-delivery") {
  const job = await t.withTenant(city.id, async (tx) => {
    const created = await tx.backgroundJob.create({ data: { tenantId: city.id, kind: KIND, state: "QUEUED", queueJobId }, select: { id: true } });
    await writeJobFile(tx, city.id, created.id, new Uint8Array([1]));
    return created;
  });
  await t.withTenant(
    city.id,
    (tx) => tx.$executeRaw`UPDATE "BackgroundJob" SET "createdAt" = now() - make_interval(secs => ${secondsAgo}) WHERE id = ${job.id}`,
  );
  return job.id;
}

const read = (id: string, locale = "id") => t.withTenant(city.id, (tx) => readTrackedJob(tx, city.id, id, [KIND], locale));
const row = async (id: string) => {
  const { finishedAt } = await t.withTenant(city.id, (tx) =>
    tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.id, id } }, select: { finishedAt: true } }),
  );
  return { file: await findJobFile(t.withTenant, city.id, id), finishedAt };
};

describe("the heartbeat of a running job", () => {
  it("is written by the worker while the job's work runs, and stops when it ends", async () => {
    process.env.JOBS_HEARTBEAT_SECONDS = "0.5";
    const job = await t.withTenant(city.id, (tx) => tx.backgroundJob.create({ data: { tenantId: city.id, kind: KIND }, select: { id: true } }));
    const beat = async () =>
      (await t.withTenant(city.id, (tx) => tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.id, id: job.id } } }))).heartbeatAt;
    const seen: (Date | null)[] = [];
    await runTrackedJob({ tenantId: city.id, jobId: job.id }, { scopes: t, queueJobId: "q-1", retryCount: 0, retryLimit: 0 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      seen.push(await beat());
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      seen.push(await beat());
      return {};
    });
    expect(seen[0]).toBeInstanceOf(Date);
    expect(seen[1]!.getTime()).toBeGreaterThan(seen[0]!.getTime());
    const ended = await beat();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await beat()).toEqual(ended);
    expect(
      await t.withTenant(city.id, (tx) =>
        tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.id, id: job.id } }, select: { queueJobId: true } }),
      ),
    ).toEqual({ queueJobId: "q-1" });
  });
});

describe("jobs whose worker stopped", () => {
  it("are retried when their delivery has tries left: the job waits again, and its fresh neighbours are left alone", async () => {
    const stale = await runningJob(120, "stale-delivery");
    const fresh = await runningJob(5, "fresh-delivery");
    const queue = queueAnswering("retry");
    expect(await failStaleJobs(t, queue, city.id, 60)).toBe(1);
    expect(queue.failed).toEqual(["stale-delivery"]);
    expect(await read(stale)).toMatchObject({ state: "QUEUED", error: null });
    expect(await read(fresh)).toMatchObject({ state: "RUNNING" });
    await t.withTenant(city.id, (tx) => tx.backgroundJob.deleteMany({ where: { id: fresh } }));
  });

  it("end FAILED when no try is left, saying the worker stopped, in Indonesian and English; their file goes", async () => {
    const stale = await runningJob(120);
    expect(await failStaleJobs(t, queueAnswering("failed"), city.id, 60)).toBe(1);
    expect(await read(stale, "id")).toMatchObject({
      state: "FAILED",
      error: "Proses pekerja berhenti saat menjalankan pekerjaan ini; tidak ada data yang disimpan. Coba lagi.",
    });
    expect((await read(stale, "en"))?.error).toBe("The worker stopped while running this job; nothing was saved. Try again.");
    expect(await row(stale)).toMatchObject({ file: null, finishedAt: expect.any(Date) });
  });

  it("end FAILED when the queue no longer has their delivery", async () => {
    const stale = await runningJob(120);
    expect(await failStaleJobs(t, queueAnswering(null), city.id, 60)).toBe(1);
    expect(await read(stale)).toMatchObject({ state: "FAILED" });
  });
});

describe("a waiting job", () => {
  it("ends FAILED when the queue gave up on its delivery before a worker took it, so its page stops waiting", async () => {
    const abandoned = await waitingJob(120);
    expect(await failStaleJobs(t, queueAnswering("failed"), city.id, 60)).toBe(1);
    expect(await read(abandoned, "en")).toMatchObject({ state: "FAILED", error: expect.any(String) });
    expect(await row(abandoned)).toMatchObject({ file: null, finishedAt: expect.any(Date) });
  });

  it("is left waiting while its delivery waits or is being retried, and when it was just sent", async () => {
    const retrying = await waitingJob(120);
    expect(await failStaleJobs(t, queueAnswering("retry"), city.id, 60)).toBe(0);
    const fresh = await waitingJob(5);
    expect(await failStaleJobs(t, queueAnswering("failed"), city.id, 60)).toBe(1);
    expect(await read(retrying)).toMatchObject({ state: "FAILED" });
    expect(await read(fresh)).toMatchObject({ state: "QUEUED" });
    await t.withTenant(city.id, (tx) => tx.backgroundJob.deleteMany({ where: { id: fresh } }));
  });
});

describe("a stale job's delivery in pg-boss", () => {
  it("is failed into a retry, on PostgreSQL and on PGlite's one session alike", async () => {
    const kind = defineJob<TrackedJobData>({ name: KIND, expireInSeconds: 900, retryLimit: 1, run: async () => {} });
    const naming = { prefix: `h${uniqueSuffix()}.` };
    const name = queueName(kind, naming);
    const boss = openQueue(t.target, { worker: false, poolSize: 1 });
    await boss.start();
    try {
      const stale = await runningJob(120, "none-yet");
      await t.withTenant(city.id, (tx) => enqueue(tx, kind, { tenantId: city.id, jobId: stale }, naming));
      // A worker takes the delivery, then dies: pg-boss keeps it active.
      const [delivery] = await boss.fetch(name);
      await t.withTenant(city.id, (tx) => tx.backgroundJob.updateMany({ where: { id: stale }, data: { queueJobId: delivery!.id } }));

      expect(await failStaleJobs(t, queueControl(boss), city.id, 60)).toBe(1);
      expect(await read(stale)).toMatchObject({ state: "QUEUED" });
      expect(await boss.getJobById(name, delivery!.id)).toMatchObject({ state: "retry" });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
