import type { JobKind } from "@/lib/jobs/kinds";
import type { TrackedJobData } from "@/lib/jobs/tracked";
import type { TestDb } from "./db";

/**
 * Runs a tracked job that a route or action queued, here and now, as a worker's first delivery
 * would, and reads how it ended: for tests of a route without a worker running beside them.
 */
export async function runQueuedNow(t: TestDb, kind: JobKind<TrackedJobData>, tenantId: string, jobId: string) {
  await kind.run({ tenantId, jobId }, { scopes: t, queueJobId: `test-${jobId}`, retryCount: 0, retryLimit: kind.retryLimit });
  return t.withTenant(tenantId, (tx) =>
    tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: jobId } }, select: { state: true, error: true, resultId: true } }),
  );
}
