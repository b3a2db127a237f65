// The schedule behind heartbeat.ts: a running job whose heartbeat went stale lost its worker.
// Its delivery is failed in the queue, so pg-boss retries it while tries last, else the job ends
// FAILED saying the worker stopped. Each job writes in one transaction, which the dead worker's
// connection rolled back: nothing is half-written, and the retry starts afresh.
import type { Tx } from "@/lib/db";
import { staleAfterSeconds } from "./heartbeat";
import type { JobScopes, QueueControl } from "./kinds";
import { endedBecause, JOB_WORDS } from "./tracked";

type StaleJob = { id: string; queueJobId: string | null };

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
  return scopes.withTenant(tenantId, async (tx) => {
    // Locked while the queue is told, so a worker's start or end of the same job waits for this.
    const stale = await tx.$queryRaw<StaleJob[]>`
      SELECT id, "queueJobId" FROM "BackgroundJob"
      WHERE "tenantId" = ${tenantId} AND state = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${staleAfter})
      FOR UPDATE SKIP LOCKED`;
    for (const job of stale) await failStale(tx, queue, tenantId, job);
    return stale.length;
  });
}

async function failStale(tx: Tx, queue: QueueControl, tenantId: string, job: StaleJob): Promise<void> {
  const delivery = job.queueJobId ? await queue.failStopped(job.queueJobId) : null;
  const where = { tenantId_id: { tenantId, id: job.id } };
  if (delivery === "retry" || delivery === "created") {
    await tx.backgroundJob.update({ where, data: { state: "QUEUED", heartbeatAt: null } });
  } else {
    await tx.backgroundJob.update({
      where,
      data: { state: "FAILED", ...endedBecause(JOB_WORDS.workerStopped), heartbeatAt: null, file: null, finishedAt: new Date() },
    });
  }
}
