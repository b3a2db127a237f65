import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { openPGlite } from "./pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** Where the embedded database lives when no DATABASE_URL is set. */
export function pgliteDir(): string {
  // The hint stops Turbopack from tracing the whole project into the server bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.PGLITE_DIR ?? ".data/pglite");
}

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

/**
 * PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite folder. `direct`: for
 * what needs a session of its own on PostgreSQL itself (migrations take a session advisory
 * lock; the seed and the bench generator set session state), DATABASE_DIRECT_URL when set —
 * with DATABASE_URL going through PgBouncer in transaction mode (docs/scaling.md).
 */
export function databaseTarget(env: Record<string, string | undefined> = process.env, options: { direct?: boolean } = {}): DatabaseTarget {
  const url = (options.direct ? env.DATABASE_DIRECT_URL?.trim() : undefined) || env.DATABASE_URL?.trim();
  return url ? { kind: "postgres", url } : { kind: "pglite", dir: pgliteDir() };
}

/**
 * Who the connection acts as. `app`: the role `entas_app`, subject to row-level security
 * (the server, tests of domain code). `owner`: whoever the connection logs in as — for
 * migrations and the demo seed only.
 */
export type DatabaseRole = "app" | "owner";

/** The restricted role, made by the row_level_security migration. */
export const APP_ROLE = "entas_app";

/**
 * The driver adapter for a target. PGlite is one connection in one process: callers must
 * keep a single instance per folder (see lib/db/index.ts) and close it before another
 * process opens the folder.
 */
export function createAdapter(
  target: DatabaseTarget,
  role: DatabaseRole = "app",
): { adapter: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void>; pglite?: PGlite } {
  if (target.kind === "postgres") {
    const options = role === "app" ? `-c role=${APP_ROLE} -c statement_timeout=${statementTimeoutMs()}` : undefined;
    const pool = new pg.Pool({ connectionString: target.url, max: poolSize(), options });
    pool.on("connect", queueQueries);
    pool.on("connect", rememberConnection);
    pool.on("remove", forgetConnection);
    return { adapter: new PrismaPg(pool), close: () => pool.end() };
  }
  // PGlite cannot create a folder whose parent is missing (a fresh checkout has no .data/).
  mkdirSync(target.dir, { recursive: true });
  const pglite = openPGlite(target.dir);
  return { adapter: pgliteAdapter(pglite, role), close: () => pglite.close(), pglite };
}

/** A Prisma adapter on a PGlite instance; as `app`, the one session switches role first. */
export function pgliteAdapter(pglite: PGlite, role: DatabaseRole): SqlMigrationAwareDriverAdapterFactory {
  if (role === "app") {
    const factory = new PrismaPGlite(pglite);
    let switched: Promise<unknown> | undefined;
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        switched ??= pglite.exec(`SET ROLE ${APP_ROLE}`);
        await switched;
        return factory.connect();
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    };
  }
  return new PrismaPGlite(pglite);
}

/**
 * Queries on one connection wait for each other. Prisma loads a query's relations side by
 * side, and inside a transaction (every tenant scope is one) they share its connection; pg
 * queued them itself, but that queue is deprecated and goes with pg 9. Callback and
 * streaming calls pass through: only the pool makes them, on a connection it holds alone.
 */
function queueQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const passThrough = typeof args.at(-1) === "function" || typeof (args[0] as { submit?: unknown } | undefined)?.submit === "function";
    if (passThrough) return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof client.query;
}

/**
 * The app's open connections by server process id, for COPY (lib/db/copy.ts): Prisma runs a
 * transaction on one of them but does not say which.
 */
const connectionsByPid = new Map<number, Set<pg.PoolClient>>();

function rememberConnection(client: pg.PoolClient): void {
  const pid = (client as { processID?: number }).processID;
  if (pid === undefined) return;
  const clients = connectionsByPid.get(pid) ?? new Set();
  clients.add(client);
  connectionsByPid.set(pid, clients);
}

function forgetConnection(client: pg.PoolClient): void {
  for (const [pid, clients] of connectionsByPid) {
    if (clients.delete(client) && clients.size === 0) connectionsByPid.delete(pid);
  }
}

/** The app's connections to a server process of this id (several servers may reuse an id). */
export function connectionsOfPid(pid: number): readonly pg.PoolClient[] {
  return [...(connectionsByPid.get(pid) ?? [])];
}

/**
 * Milliseconds one statement of the app may run (`DATABASE_STATEMENT_TIMEOUT_MS`, 0 for none):
 * below the 20 s of a tenant scope, so a slow query is cancelled in the database instead of
 * running on after its page has given up. Scopes given a longer timeout (imports, jobs) raise
 * it for their own transaction (lib/db/tenant-scope.ts). Owner connections (migrations, the
 * seed, the bench generator) have none. PGlite has no timer to cancel a statement with.
 */
export function statementTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_STATEMENT_TIMEOUT_MS?.trim();
  const ms = raw ? Number(raw) : Number.NaN;
  return Number.isInteger(ms) && ms >= 0 ? ms : 15_000;
}

function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 10;
}
