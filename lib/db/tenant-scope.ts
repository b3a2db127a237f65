// The one tenant-scoping mechanism. Two layers:
// 1. Every query of a model with a `tenantId` column gets the current tenant added to its
//    filter (or to the data it writes), from the scope opened by `withTenant`. A query of
//    such a model outside any scope throws instead of reading every city.
// 2. Underneath, PostgreSQL row-level security (prisma/sql/tenancy.sql) checks the
//    same tenant, set per transaction, so raw SQL that forgets its filter is still safe.
import { AsyncLocalStorage } from "node:async_hooks";
import { APP_ROLE, statementTimeoutMs } from "@/lib/db/adapter";
import { auditedWrite, isAuditedWrite, type Actor } from "@/lib/db/audited-write";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { cityMovingRefusal } from "./city-moving";
import { MAIN_POD } from "./pods";
import { scopeSettingStatements, takesOneStatementPerCall } from "./scope-settings";

type Scope = {
  tenantId: string | null;
  /** Set when acting for a user: every write in the scope is then audited. */
  actor?: Actor;
  /** The scope's transaction client, once open (the audit reads rows before they change). */
  tx?: unknown;
  /** The main pod's client, when the scope runs on another pod: the platform directory is there. */
  mainPod?: ScopedClient;
  /** Undoes writes this scope made on the main pod, should its own transaction fail. */
  undo: (() => Promise<unknown>)[];
};

// Next.js may load this module more than once per process (one copy per route bundle)
// while the client is shared through globalThis: the storage must be shared the same way.
// biome-ignore lint/suspicious/noAssignInExpressions: made once per process, then reused
const scopeStorage = ((globalThis as unknown as { entasScopeStorage?: AsyncLocalStorage<Scope> }).entasScopeStorage ??= new AsyncLocalStorage<Scope>());

/** Models whose rows belong to a tenant: those with a `tenantId` column. */
export const TENANT_MODELS: ReadonlySet<string> = new Set(
  Object.values(Prisma.ModelName).filter((model) => {
    const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
    return Boolean(fields && "tenantId" in fields);
  }),
);

const UNIQUE_WHERE = new Set(["findUnique", "findUniqueOrThrow", "update", "delete", "upsert"]);
const FILTERED_WHERE = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "updateMany",
  "updateManyAndReturn",
  "deleteMany",
]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

type Args = Record<string, unknown>;

/** Adds the scope's tenant to one operation's arguments. Exported for its tests. */
export function scopeArgs(model: string, operation: string, args: Args | undefined, tenantId: string | null): Args {
  const scoped: Args = { ...args };
  if (UNIQUE_WHERE.has(operation)) {
    scoped.where = { ...(scoped.where as Args), tenantId };
  } else if (FILTERED_WHERE.has(operation)) {
    scoped.where = scoped.where ? { AND: [scoped.where, { tenantId }] } : { tenantId };
  }
  if (CREATES.has(operation)) {
    const data = scoped.data;
    scoped.data = Array.isArray(data) ? data.map((row) => withTenantId(model, row, tenantId)) : withTenantId(model, data, tenantId);
  }
  if (operation === "upsert") scoped.create = withTenantId(model, scoped.create, tenantId);
  return scoped;
}

function withTenantId(model: string, data: unknown, tenantId: string | null): Args {
  const row = { ...(data as Args) };
  if ("tenantId" in row && row.tenantId !== tenantId) {
    throw new Error(`${model}: refusing to write a row of another tenant`);
  }
  return { ...row, tenantId };
}

/** The client extension that applies the current scope to every tenant-owned query. */
export function tenantScoped(client: PrismaClient) {
  return client.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const scope = scopeStorage.getStore();
          if (!TENANT_MODELS.has(model) && !scope?.actor) return query(args);
          if (!scope) throw new Error(`${model}.${operation} called outside withTenant()/withPlatform()`);
          const scoped = TENANT_MODELS.has(model) ? scopeArgs(model, operation, args as Args, scope.tenantId) : (args as Args);
          if (scope.actor && scope.tx && isAuditedWrite(model, operation)) {
            return auditedWrite({
              tx: scope.tx as Parameters<typeof auditedWrite>[0]["tx"],
              tenantId: scope.tenantId,
              actor: scope.actor,
              model,
              operation,
              args: scoped,
              query: query as (args: Args) => Promise<unknown>,
            });
          }
          return query(scoped);
        },
      },
    },
  });
}

export type ScopedClient = ReturnType<typeof tenantScoped>;
/** The transaction client a scoped function receives. */
export type Tx = Parameters<Parameters<ScopedClient["$transaction"]>[0]>[0];

export type ScopeOptions = {
  /**
   * Milliseconds before the transaction is abandoned; imports and seeds need more. A scope
   * given one may also run each statement that long: the connection's shorter statement
   * timeout (lib/db/adapter.ts) is raised to it for this transaction only.
   */
  timeout?: number;
  /** The user on whose behalf the scope writes; its writes are then audited. */
  actor?: Actor;
  /**
   * A read-only transaction: a write in it fails, on the primary as on a streaming replica,
   * so whatever runs in one may be sent to a replica (withTenantReport).
   */
  readOnly?: boolean;
  /** A write of the city: refused with CITY_MOVING while the city moves to another pod (lib/db/city-moving.ts). */
  refuseWhileCityMoves?: boolean;
};

/**
 * Scope functions bound to one client: the app's pod (lib/db/pod-scopes.ts) or a test's.
 * `mainPod`: the main pod's client, when this client is another pod's.
 */
export function scopesFor(client: ScopedClient, pod: { mainPod?: ScopedClient } = {}) {
  // Read once, as the client's pool reads it (lib/db/adapter.ts).
  const defaultStatementTimeout = statementTimeoutMs();
  const oneStatementPerCall = takesOneStatementPerCall(client);
  function run<T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>, options: ScopeOptions = {}): Promise<T> {
    const scope: Scope = { tenantId, actor: options.actor, mainPod: pod.mainPod, undo: [] };
    return scopeStorage.run(scope, () =>
      transactionUndoneOnFailure(scope, () =>
        client.$transaction(
          async (tx) => {
            // Everything the scope relies on is set for this transaction only, never for the
            // session: behind PgBouncer in transaction mode the next transaction may be on another
            // server connection, and the startup `options` that set the role and the statement
            // timeout for a direct connection are dropped there (docs/scaling.md). So the role
            // that row-level security restricts is taken here too, whatever the login role is.
            const statements = scopeSettingStatements({
              role: APP_ROLE,
              tenantId,
              statementTimeoutMs: options.timeout ?? defaultStatementTimeout,
              readOnly: Boolean(options.readOnly),
              refuseWhileCityMoves: options.refuseWhileCityMoves,
            });
            try {
              if (oneStatementPerCall) for (const statement of statements) await tx.$executeRawUnsafe(statement);
              else await tx.$executeRawUnsafe(statements.join("; "));
            } catch (error) {
              throw await cityMovingRefusal(error);
            }
            scope.tx = tx;
            return fn(tx);
          },
          { timeout: options.timeout ?? 20_000, maxWait: 10_000 },
        ),
      ),
    );
  }

  return {
    /** Runs `fn` in one transaction that sees and writes only this tenant's rows. */
    withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => {
      if (!tenantId) throw new Error("withTenant needs a tenant id");
      return run(tenantId, fn, options);
    },
    /** Outside any tenant: only platform rows (tenantId NULL) of User and AuditLog. */
    withPlatform: <T>(fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => run(null, fn, options),
    /** A platform scope on every pod in turn, for per-database maintenance; here the one pod. */
    withEveryPod: async <T>(fn: (tx: Tx, pod: string) => Promise<T>, options?: ScopeOptions): Promise<T[]> => [
      await run(null, (tx) => fn(tx, MAIN_POD), options),
    ],
    /** The user id and tenant for an email: the one cross-tenant read, for sign-in. */
    lookupLogin: async (email: string) => {
      const rows = await client.$queryRaw<{ id: string; tenantId: string | null }[]>`
        SELECT id, "tenantId" FROM entas_lookup_login(${email.trim().toLowerCase()})`;
      return rows[0] ?? null;
    },
  };
}

/** The tenant of the scope the caller runs in: null outside any scope, and in a platform scope. */
export function currentScopeTenantId(): string | null {
  return scopeStorage.getStore()?.tenantId ?? null;
}

async function transactionUndoneOnFailure<T>(scope: Scope, transaction: () => Promise<T>): Promise<T> {
  try {
    return await transaction();
  } catch (error) {
    for (const step of scope.undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

/**
 * When the current scope runs on a pod other than the main one: the main pod's scopes, and
 * `onFailure` to undo there what this scope wrote, should its own transaction fail (two
 * servers share no transaction). Null on the main pod, or outside any scope.
 */
export function mainPodOfScope(): { scopes: ReturnType<typeof scopesFor>; tenantId: string | null; onFailure: (undo: () => Promise<unknown>) => void } | null {
  const scope = scopeStorage.getStore();
  if (!scope?.mainPod) return null;
  return { scopes: scopesFor(scope.mainPod), tenantId: scope.tenantId, onFailure: (undo) => void scope.undo.push(undo) };
}

/**
 * Runs `fn` on the rows that live beside the directory on the main pod (the sign-in counters,
 * the directory's rows of the scope's city): in the scope's own transaction on the main pod,
 * else in a transaction of the same tenant on the main pod.
 */
export function onMainPod<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const main = mainPodOfScope();
  if (!main) return fn(tx);
  return main.tenantId ? main.scopes.withTenant(main.tenantId, fn) : main.scopes.withPlatform(fn);
}
