// pg-boss 10 has no heartbeat: a killed worker's delivery stays "active" until its time limit
// (15 minutes for an import). So the worker running a tracked job writes BackgroundJob.heartbeatAt
// every few seconds, and a schedule (stale.ts) fails the jobs whose heartbeat went stale.
import type { JobScopes } from "./kinds";

/** Seconds between heartbeats (JOBS_HEARTBEAT_SECONDS, default 10). */
export function heartbeatSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.JOBS_HEARTBEAT_SECONDS) ?? 10;
}

/** Seconds without a heartbeat after which a running job's worker counts as gone (JOBS_STALE_AFTER_SECONDS, default 60). */
export function staleAfterSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.JOBS_STALE_AFTER_SECONDS) ?? 60;
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * Writes the job's heartbeat now and then every heartbeatSeconds() until stopped. The time is
 * the database's (the check compares with it too), taken when the write runs: on PGlite a beat
 * waits behind the job's own transaction and must not arrive already stale.
 */
export function startHeartbeat(scopes: Pick<JobScopes, "withTenant">, tenantId: string, jobId: string): { stop: () => void } {
  const beat = () =>
    void scopes
      .withTenant(
        tenantId,
        (tx) => tx.$executeRaw`UPDATE "BackgroundJob" SET "heartbeatAt" = now() WHERE "tenantId" = ${tenantId} AND id = ${jobId} AND state = 'RUNNING'`,
      )
      .catch(() => undefined);
  beat();
  const timer = setInterval(beat, heartbeatSeconds() * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
