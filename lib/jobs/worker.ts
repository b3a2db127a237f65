// A worker: takes jobs of the given kinds from the queue and runs them, one at a time per
// kind, and keeps the schedules. Any number of workers may run against one PostgreSQL; pg-boss
// hands each job to one of them.
import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
import type { DatabaseTarget } from "@/lib/db/adapter";
import type { AnyJobKind, JobScopes, QueueControl } from "./kinds";
import { openQueue, QUEUE_SCHEMA, queueName, queueOptions, type QueueNaming } from "./queue";

export type WorkerOptions = QueueNaming & {
  target: DatabaseTarget | PGlite;
  kinds: readonly AnyJobKind[];
  scopes: JobScopes;
  /** Keep the kinds' cron schedules (off in tests). */
  schedules?: boolean;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  log?: (message: string) => void;
};

export type RunningWorker = {
  boss: PgBoss;
  /** Stops taking jobs; waits for the running ones up to `timeoutMs` (then leaves them to expire). */
  stop: (options?: { timeoutMs?: number }) => Promise<void>;
};

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((message) => console.log(`[jobs] ${message}`));
  const boss = openQueue(options.target, { worker: true, maintenanceIntervalSeconds: options.maintenanceIntervalSeconds });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  const queue = queueControl(boss);
  for (const kind of options.kinds) {
    const name = queueName(kind, options);
    await boss.createQueue(name, { ...queueOptions(kind), name });
    await boss.work<object>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: pollingIntervalOf(kind, options) }, async (jobs) => {
      for (const job of jobs) {
        const started = Date.now();
        try {
          await kind.run(job.data as never, { scopes: options.scopes, queueJobId: job.id, retryCount: job.retryCount, retryLimit: kind.retryLimit, queue });
          log(`${name} ${job.id} done in ${Date.now() - started} ms`);
        } catch (error) {
          console.error(`[jobs] ${name} ${job.id} failed (try ${job.retryCount + 1})`, error);
          throw error;
        }
      }
    });
    if (kind.cron && options.schedules !== false) await boss.schedule(name, kind.cron, {}, { tz: "UTC" });
  }
  log(`worker started: ${options.kinds.map((kind) => queueName(kind, options)).join(", ")}`);
  return {
    boss,
    stop: async ({ timeoutMs = 30_000 } = {}) => {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

/** Seconds between a worker's looks for a kind's next job (pg-boss's least is half a second). */
export const WAITED_ON_POLLING_SECONDS = 0.5;
const POLLING_SECONDS = 2;

/**
 * How often a worker looks for a kind's jobs: every half second for one a user's page waits on
 * (at every 2 s, the check and the commit of an import each waited a second on average for
 * nothing), every 2 s for the rest, unless the worker was told otherwise (tests).
 */
export function pollingIntervalOf(kind: Pick<AnyJobKind, "waitedOn">, options: Pick<WorkerOptions, "pollingIntervalSeconds">): number {
  return options.pollingIntervalSeconds ?? (kind.waitedOn ? WAITED_ON_POLLING_SECONDS : POLLING_SECONDS);
}

/** The queue as housekeeping jobs act on it (lib/jobs/stale.ts). */
export function queueControl(boss: PgBoss): QueueControl {
  const stateOf = async (id: string) => {
    const { rows } = await boss.getDb().executeSql(`SELECT name, state FROM ${QUEUE_SCHEMA}.job WHERE id = $1::uuid`, [id]);
    return (rows[0] as { name: string; state: string } | undefined) ?? null;
  };
  return {
    async failStopped(queueJobId) {
      const delivery = await stateOf(queueJobId);
      if (!delivery) return null;
      if (delivery.state === "active") await boss.fail(delivery.name, queueJobId, { message: "the worker running it stopped (no heartbeat)" });
      return (await stateOf(queueJobId))?.state ?? null;
    },
    async stateOf(queueJobId) {
      return (await stateOf(queueJobId))?.state ?? null;
    },
  };
}
