import type { Tx } from "@/lib/db";
import type { ScopeOptions } from "@/lib/db/tenant-scope";

/** How a job reaches the database: the worker's scopes (the app's role, row-level security). */
export type JobScopes = {
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;
  withPlatform: <T>(fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;
  /** A platform scope on every pod in turn: what each database needs (planner statistics). */
  withEveryPod: <T>(fn: (tx: Tx, pod: string) => Promise<T>, options?: ScopeOptions) => Promise<T[]>;
};

/** What a handler knows about its run. */
export type JobRun = {
  scopes: JobScopes;
  /** pg-boss's id of this delivery. */
  queueJobId: string;
  /** 0 on the first try; a restarted worker's retry counts up. */
  retryCount: number;
  retryLimit: number;
  /** The queue itself, for housekeeping that acts on other jobs' deliveries (absent in tests that call a handler directly). */
  queue?: QueueControl;
};

/** What a job may ask of the queue about another job's delivery. */
export type QueueControl = {
  /**
   * Fails a delivery whose worker stopped: pg-boss retries it while its tries last. Answers
   * the delivery's state afterwards ("retry", "failed", …), or null when there is no such delivery.
   */
  failStopped: (queueJobId: string) => Promise<string | null>;
  /** The delivery's state ("created", "retry", "active", "completed", "failed", …), or null when there is none. */
  stateOf: (queueJobId: string) => Promise<string | null>;
};

/**
 * A kind of job: its queue name, its limits and its handler. The handler runs in a worker
 * process (or, on PGlite, inside the web server: docs/architecture.md, "Jobs").
 */
export type JobKind<Data extends object = object> = {
  /** The queue's name, `<feature>.<what>`. */
  name: string;
  /** Time limit: past it the delivery is failed (and retried while retries are left). */
  expireInSeconds: number;
  /** Further tries after a failure or an expiry (a worker that died counts as one). */
  retryLimit: number;
  /** Runs on this cron schedule (UTC) too, with empty data. */
  cron?: string;
  /** A user's page waits for it (an import's check, an export): workers look for it more often. */
  waitedOn?: boolean;
  run: (data: Data, run: JobRun) => Promise<void>;
};

export function defineJob<Data extends object>(kind: JobKind<Data>): JobKind<Data> {
  return kind;
}

/** A kind of any data, for lists of kinds (a handler taking `never` accepts none by itself). */
export type AnyJobKind = JobKind<never>;
