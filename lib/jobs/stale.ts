// The schedule behind heartbeat.ts: a running job whose heartbeat went stale lost its worker.
// Its delivery is failed in the queue, so pg-boss retries it while tries last, else the job ends
// FAILED saying the worker stopped. Each job writes in one transaction, which the dead worker's
// connection rolled back: nothing is half-written, and the retry starts afresh.
import type { Tx } from "@/lib/db";
import { staleAfterSeconds } from "./heartbeat";
import { dropJobFile } from "./job-file";
import type { JobScopes, QueueControl } from "./kinds";
import { endedBecause, JOB_WORDS } from "./tracked";

type StaleJob = { id: string; queueJobId: string | null; attempts: number };

/**
 * Fails the city's running jobs whose heartbeat is older than `staleAfter` seconds: their
 * delivery is failed in the queue (retried while tries last: the job waits again and a worker
 * starts it afresh), and a job with no try left ends FAILED, saying the worker stopped.
 * Returns how many it found.
 */
export async function failStaleJobs(
  scopes: Pick<JobScopes, "withTenant">,
  queue: QueueControl,
  tenantId: string,
  staleAfter: number = staleAfterSeconds(),
): Promise<number> {
  const stale = await scopes.withTenant(
    tenantId,
    (tx) => tx.$queryRaw<StaleJob[]>`
      SELECT id, "queueJobId", attempts FROM "BackgroundJob"
      WHERE "tenantId" = ${tenantId} AND state = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${staleAfter})`,
  );
  // The queue is told outside any transaction of ours: on PGlite its query would wait for it.
  for (const job of stale) {
    const delivery = job.queueJobId ? await queue.failStopped(job.queueJobId) : null;
    await scopes.withTenant(tenantId, (tx) => recordStopped(tx, tenantId, job, delivery));
  }
  return stale.length + (await failAbandonedJobs(scopes, queue, tenantId, staleAfter));
}

/** Queue states after which no worker will take the delivery again. */
const ENDED_DELIVERIES = new Set(["completed", "failed", "cancelled"]);

/**
 * Fails the city's waiting jobs whose delivery the queue has ended or no longer has: a delivery
 * whose last try failed while taking the job (before the job's row said RUNNING) would otherwise
 * leave its page waiting for ever.
 */
async function failAbandonedJobs(scopes: Pick<JobScopes, "withTenant">, queue: QueueControl, tenantId: string, staleAfter: number): Promise<number> {
  const waiting = await scopes.withTenant(
    tenantId,
    (tx) => tx.$queryRaw<StaleJob[]>`
      SELECT id, "queueJobId", attempts FROM "BackgroundJob"
      WHERE "tenantId" = ${tenantId} AND state = 'QUEUED' AND "queueJobId" IS NOT NULL
        AND "createdAt" < now() - make_interval(secs => ${staleAfter})`,
  );
  let ended = 0;
  for (const job of waiting) {
    const delivery = await queue.stateOf(job.queueJobId!);
    if (delivery !== null && !ENDED_DELIVERIES.has(delivery)) continue;
    ended += await scopes.withTenant(tenantId, async (tx) => {
      const { count } = await tx.backgroundJob.updateMany({
        where: { tenantId, id: job.id, state: "QUEUED", attempts: job.attempts },
        data: { state: "FAILED", ...endedBecause(JOB_WORDS.interrupted), heartbeatAt: null, finishedAt: new Date() },
      });
      if (count > 0) await dropJobFile(tx, tenantId, job.id);
      return count;
    });
  }
  return ended;
}

/** What the job's row says now; a retry a worker already started (one more attempt) is left to it. */
async function recordStopped(tx: Tx, tenantId: string, job: StaleJob, delivery: string | null): Promise<void> {
  const where = { tenantId, id: job.id, state: "RUNNING" as const, attempts: job.attempts };
  if (delivery === "retry" || delivery === "created") {
    await tx.backgroundJob.updateMany({ where, data: { state: "QUEUED", heartbeatAt: null } });
  } else {
    const { count } = await tx.backgroundJob.updateMany({
      where,
      data: { state: "FAILED", ...endedBecause(JOB_WORDS.workerStopped), heartbeatAt: null, finishedAt: new Date() },
    });
    if (count > 0) await dropJobFile(tx, tenantId, job.id);
  }
}
