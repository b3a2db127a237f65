// The job queue: pg-boss on the application's own database (schema `pgboss`, made by a
// migration and owned by the app's role, so pg-boss never migrates or needs more rights).
// Jobs are sent inside the caller's transaction: a job exists exactly when the rows that
// describe it do, and a rolled-back request leaves no job behind.
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import { APP_ROLE, type DatabaseTarget } from "@/lib/db/adapter";
import type { JobKind } from "./kinds";

export const QUEUE_SCHEMA = "pgboss";

/** Options every queue client shares: tests give each file its own queue names. */
export type QueueNaming = {
  /** Put before every queue name (tests only). */
  prefix?: string;
};

export function queueName(kind: Pick<JobKind, "name">, naming: QueueNaming = {}): string {
  return `${naming.prefix ?? ""}${kind.name}`;
}

/** pg-boss's view of a PGlite: one session, already acting as the app's role (lib/db). */
export function pgliteQueueDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values?.length) return pglite.query(text, values);
      // Without values pg-boss may send several statements (BEGIN … COMMIT).
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** pg-boss's view of a transaction: what it sends there commits or rolls back with it. */
function transactionQueueDb(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const args = (values ?? []).map((value) =>
        value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) ? JSON.stringify(value) : value,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...args) };
    },
  };
}

/**
 * A pg-boss client. On PostgreSQL it opens its own small pool, acting as the app's role; on
 * PGlite it shares the process's one session. `worker` turns on maintenance (expiring jobs of
 * dead workers, retries) and the cron schedules.
 */
export function openQueue(target: DatabaseTarget | PGlite, options: { worker: boolean; maintenanceIntervalSeconds?: number; poolSize?: number }): PgBoss {
  const common = {
    schema: QUEUE_SCHEMA,
    migrate: false,
    supervise: options.worker,
    schedule: options.worker,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  };
  if ("kind" in target && target.kind === "postgres") {
    // pg.Pool takes `options`; pg-boss hands its configuration to the pool as it is.
    const connection = { connectionString: target.url, max: options.poolSize ?? 3, options: `-c role=${APP_ROLE}`, application_name: "entas-jobs" };
    return new PgBoss({ ...common, ...connection } as PgBoss.ConstructorOptions);
  }
  if ("kind" in target) throw new Error("openQueue: open the PGlite folder through lib/db and pass its instance");
  return new PgBoss({ ...common, db: pgliteQueueDb(target) });
}

// Sending needs no connection of its own (it writes through the caller's transaction), only
// pg-boss's SQL; this client is never started.
const sender = new PgBoss({
  schema: QUEUE_SCHEMA,
  migrate: false,
  db: {
    executeSql: () => Promise.reject(new Error("the job sender writes only through a transaction")),
  },
});

/**
 * Deliveries beyond the kind's tries: one more than the kind allows, so that a job whose last
 * worker died is delivered once more and can say so (runTrackedJob) instead of staying "running".
 */
export function deliveries(kind: Pick<JobKind<never>, "retryLimit">): number {
  return kind.retryLimit + 1;
}

/** The options a queue is made with, from its kind. */
export function queueOptions(kind: JobKind<never>): PgBoss.Queue {
  return { name: kind.name, expireInSeconds: kind.expireInSeconds, retryLimit: deliveries(kind), retryDelay: 2, policy: "standard" };
}

/**
 * Sends a job in the caller's transaction (the queue is made first if no worker has made it
 * yet). Returns pg-boss's id of the job.
 */
export async function enqueue<Data extends object>(
  tx: Tx,
  kind: JobKind<Data>,
  data: Data,
  options: QueueNaming & { singletonKey?: string } = {},
): Promise<string | null> {
  const name = queueName(kind, options);
  const exists = await tx.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.queue WHERE name = ${name}`;
  if (exists.length === 0) {
    await tx.$executeRaw`SELECT pgboss.create_queue(${name}, ${JSON.stringify({ ...queueOptions(kind as JobKind<never>), name })}::json)`;
  }
  return sender.send(name, data, {
    db: transactionQueueDb(tx),
    expireInSeconds: kind.expireInSeconds,
    retryLimit: deliveries(kind),
    retryDelay: 2,
    singletonKey: options.singletonKey,
  });
}
