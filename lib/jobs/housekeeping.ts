// The scheduled jobs every deployment has, whatever its features: retention purges, finished
// job rows, jobs whose worker stopped, and planner statistics.
import { purgeAll } from "@/lib/privacy/retention";
import { purgeExpiredExports } from "@/lib/spreadsheet/export-job";
import { defineJob, type JobScopes } from "./kinds";
import { failStaleJobs } from "./stale";

/** Finished jobs stay listed this long (their files are gone as soon as they end). */
const FINISHED_JOBS_KEPT_DAYS = 30;
/** A job still receiving its upload has no delivery yet; one without any this long never will. */
const UNSENT_JOBS_KEPT_HOURS = 24;

async function tenantIds(scopes: JobScopes): Promise<string[]> {
  const tenants = await scopes.withPlatform((tx) => tx.tenant.findMany({ select: { id: true } }));
  return tenants.map((tenant) => tenant.id);
}

/** Hourly: audit rows and import reports past their city's retention period, old job rows and expired export files. */
export const purgeJob = defineJob<object>({
  name: "privacy.purge",
  expireInSeconds: 30 * 60,
  retryLimit: 1,
  cron: "17 * * * *",
  run: async (_data, run) => {
    const ids = await tenantIds(run.scopes);
    await purgeAll(run.scopes, ids);
    const before = new Date(Date.now() - FINISHED_JOBS_KEPT_DAYS * 86_400_000);
    for (const tenantId of ids) {
      await run.scopes.withTenant(tenantId, (tx) =>
        tx.backgroundJob.deleteMany({
          where: {
            OR: [
              { state: { in: ["DONE", "FAILED", "CANCELLED"] }, finishedAt: { lt: before } },
              // Never sent: its upload was cut off with the server that received it.
              { state: "QUEUED", queueJobId: null, createdAt: { lt: new Date(Date.now() - UNSENT_JOBS_KEPT_HOURS * 3_600_000) } },
            ],
          },
        }),
      );
      await run.scopes.withTenant(tenantId, (tx) => purgeExpiredExports(tx));
    }
  },
});

/**
 * Every 10 minutes: planner statistics of the tables that changed much (autovacuum is off on
 * some servers and late on busy ones; a plan made on stale counts took the dashboards down),
 * on every pod.
 */
export const refreshStatisticsJob = defineJob<object>({
  name: "db.refresh-statistics",
  expireInSeconds: 15 * 60,
  retryLimit: 0,
  cron: "*/10 * * * *",
  run: async (_data, run) => {
    await run.scopes.withEveryPod((tx) => tx.$queryRaw`SELECT entas_refresh_stale_statistics()`, { timeout: 10 * 60_000 });
  },
});

/** Every minute: running jobs whose worker stopped sending its heartbeat are retried or failed (lib/jobs/stale.ts). */
export const failStaleJobsJob = defineJob<object>({
  name: "jobs.fail-stale",
  expireInSeconds: 5 * 60,
  retryLimit: 0,
  cron: "* * * * *",
  run: async (_data, run) => {
    if (!run.queue) throw new Error("jobs.fail-stale runs in a worker, which hands it the queue");
    for (const tenantId of await tenantIds(run.scopes)) await failStaleJobs(run.scopes, run.queue, tenantId);
  },
});

export const housekeepingJobs = [purgeJob, refreshStatisticsJob, failStaleJobsJob] as const;
