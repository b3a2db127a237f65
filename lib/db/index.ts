import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { APP_ROLE, createAdapter, databaseTarget, pgliteAdapter, type DatabaseRole, type DatabaseTarget } from "./adapter";
import { routedScopes } from "./pod-scopes";
import { MAIN_POD, podNames, podTargets } from "./pods";
import { tenantScoped, type ScopedClient } from "./tenant-scope";
import { markOneStatementPerCall } from "./scope-settings";

export type { Tx, ScopedClient } from "./tenant-scope";

/** The unscoped client: migrations, the demo seed and other owner-side tools only. */
export type Db = PrismaClient;

type Handle<C> = { client: C; close: () => Promise<void>; pglite?: PGlite };

function open(target: DatabaseTarget | PGlite, role: DatabaseRole): Handle<PrismaClient> {
  const { adapter, close, pglite } =
    target instanceof PGlite ? { adapter: pgliteAdapter(target, role), close: async () => {}, pglite: target } : createAdapter(target, role);
  // Owner tools (seed, generator) write large batches; on a busy machine Prisma's 5 s
  // default transaction timeout cut the seed off half-way.
  const transactionOptions = role === "owner" ? { maxWait: 60_000, timeout: 10 * 60_000 } : undefined;
  const client = new PrismaClient({ adapter, transactionOptions });
  return {
    client,
    pglite,
    close: async () => {
      await client.$disconnect();
      await close();
    },
  };
}

/**
 * The application's client on a target (or a PGlite instance the caller owns): connected
 * as the row-level-security role, and scoped — tenant-owned models can be queried only
 * inside `withTenant` / `withPlatform`.
 */
export function openDb(target: DatabaseTarget | PGlite = databaseTarget()): Handle<ScopedClient> {
  const handle = open(target, "app");
  const client = tenantScoped(handle.client);
  return { client: handle.pglite ? markOneStatementPerCall(client) : client, close: handle.close, pglite: handle.pglite };
}

/**
 * An unscoped owner connection, which row-level security does not restrict. Tools only; by
 * default on DATABASE_DIRECT_URL when set (lib/db/adapter.ts).
 */
export function openOwnerDb(target: DatabaseTarget | PGlite = databaseTarget(process.env, { direct: true })): Handle<PrismaClient> {
  return open(target, "owner");
}

// One client per pod per process, kept across hot reloads in development. Each is opened on
// first use, never at import, so `next build` and other tooling never touch the database.
const globalForDb = globalThis as unknown as { entasPods?: Map<string, Handle<ScopedClient>>; entasReportDb?: Handle<ScopedClient> };

function podHandle(pod: string): Handle<ScopedClient> {
  globalForDb.entasPods ??= new Map();
  let opened = globalForDb.entasPods.get(pod);
  if (!opened) {
    const target = podTargets().get(pod);
    if (!target) throw new Error(`The directory places a city on pod "${pod}", which DATABASE_PODS does not name`);
    opened = openDb(target);
    globalForDb.entasPods.set(pod, opened);
  }
  return opened;
}

const handle = () => podHandle(MAIN_POD);

/** The application's database client on the main pod, which holds the platform directory (scoped; see lib/db/tenant-scope.ts). */
export const db: ScopedClient = new Proxy({} as ScopedClient, {
  get(_target, property) {
    const client = handle().client;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The replica's URL when reports are read from one (DATABASE_REPLICA_URL), else null. */
export function replicaTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget | null {
  const url = env.DATABASE_REPLICA_URL?.trim();
  return url ? { kind: "postgres", url } : null;
}

// The replica is the main pod's; another pod's reports read its primary.
function reportHandle(pod: string): Handle<ScopedClient> {
  const replica = pod === MAIN_POD ? replicaTarget() : null;
  if (!replica) return podHandle(pod);
  globalForDb.entasReportDb ??= openDb(replica);
  return globalForDb.entasReportDb;
}

const appScopes = routedScopes({ names: () => podNames(), app: (pod) => podHandle(pod).client, report: (pod) => reportHandle(pod).client });
/** Runs `fn` in one transaction that sees and writes only this tenant's rows, on the city's pod. */
export const withTenant = appScopes.withTenant;
export const withPlatform = appScopes.withPlatform;
export const withEveryPod = appScopes.withEveryPod;
export const lookupLogin = appScopes.lookupLogin;

/**
 * Runs `fn` for a dashboard or a report: one read-only transaction of this tenant, on the
 * streaming replica when DATABASE_REPLICA_URL is set (a moment behind the primary), else on
 * the primary. Whatever must read its own writes, or writes (an audit row), uses withTenant.
 */
export const withTenantReport = appScopes.withTenantReport;

/**
 * The process's embedded database, when it runs on one, acting as the app's role: what the job
 * queue shares inside the web server (PGlite is one session in one process).
 */
export async function processPGlite(): Promise<PGlite | null> {
  const pglite = handle().pglite;
  if (!pglite) return null;
  await handle().client.$connect();
  await pglite.exec(`SET ROLE ${APP_ROLE}`);
  return pglite;
}

/** Closes the process-wide clients (scripts call this before exiting). */
export async function closeDb(): Promise<void> {
  const pods = [...(globalForDb.entasPods?.values() ?? [])];
  const report = globalForDb.entasReportDb;
  globalForDb.entasPods = undefined;
  globalForDb.entasReportDb = undefined;
  await Promise.all([...pods.map((pod) => pod.close()), report?.close()]);
}
