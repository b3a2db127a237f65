// Every city's work goes to the pod the platform directory names for it (Tenant.pod, on the
// main pod); the directory itself, the platform's rows and sign-in stay on the main pod.
import { MAIN_POD } from "./pods";
import { scopesFor, type ScopedClient, type ScopeOptions, type Tx } from "./tenant-scope";

/** Each pod's clients, opened on first use. */
export type PodClients = {
  /** The pod names, the main pod first. */
  names(): string[];
  /** The pod's application client; throws for a pod not configured. */
  app(pod: string): ScopedClient;
  /** Where the pod's reports read: its replica when it has one, else the pod itself. */
  report(pod: string): ScopedClient;
};

/**
 * How long a process remembers a city's pod. Moving a city must keep it read-only at least
 * this long after its pod changes: until then a process may still send its work to the old pod.
 */
export const POD_CACHE_MS = 5_000;

/**
 * The scopes of lib/db over several pods: the same functions as scopesFor, routed.
 * `withTenant` and `withTenantReport` run on the city's pod; `withPlatform` and `lookupLogin`
 * on the main pod; `withEveryPod` on each pod in turn.
 */
export function routedScopes(clients: PodClients, options: { cacheMs?: number; now?: () => number } = {}) {
  const cacheMs = options.cacheMs ?? POD_CACHE_MS;
  const now = options.now ?? Date.now;
  const known = new Map<string, { pod: string; until: number }>();
  const appScopes = new Map<string, ReturnType<typeof scopesFor>>();
  const reportScopes = new Map<string, ReturnType<typeof scopesFor>>();

  function scopesOn(cache: typeof appScopes, pod: string, client: (pod: string) => ScopedClient) {
    let scopes = cache.get(pod);
    if (!scopes) {
      scopes = scopesFor(client(pod), pod === MAIN_POD ? {} : { mainPod: clients.app(MAIN_POD) });
      cache.set(pod, scopes);
    }
    return scopes;
  }
  const main = () => scopesOn(appScopes, MAIN_POD, clients.app);

  /** The pod the directory names for a city; a city it does not list has nothing anywhere. */
  async function podOf(tenantId: string): Promise<string> {
    const hit = known.get(tenantId);
    if (hit && hit.until > now()) return hit.pod;
    const row = await clients.app(MAIN_POD).tenant.findUnique({ where: { id: tenantId }, select: { pod: true } });
    if (!row) return MAIN_POD;
    known.set(tenantId, { pod: row.pod, until: now() + cacheMs });
    return row.pod;
  }

  return {
    podOf,
    /** Runs `fn` in one transaction of this tenant, on its pod. */
    withTenant: async <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, scopeOptions?: ScopeOptions): Promise<T> => {
      if (!tenantId) throw new Error("withTenant needs a tenant id");
      return scopesOn(appScopes, await podOf(tenantId), clients.app).withTenant(tenantId, fn, scopeOptions);
    },
    /** Read-only, on the city's pod's replica when it has one (lib/db withTenantReport). */
    withTenantReport: async <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, scopeOptions: Omit<ScopeOptions, "readOnly" | "actor"> = {}): Promise<T> => {
      if (!tenantId) throw new Error("withTenantReport needs a tenant id");
      return scopesOn(reportScopes, await podOf(tenantId), clients.report).withTenant(tenantId, fn, { ...scopeOptions, readOnly: true });
    },
    withPlatform: <T>(fn: (tx: Tx) => Promise<T>, scopeOptions?: ScopeOptions): Promise<T> => main().withPlatform(fn, scopeOptions),
    lookupLogin: (email: string) => main().lookupLogin(email),
    /** A platform scope on every pod in turn, for what each database needs (planner statistics). */
    withEveryPod: async <T>(fn: (tx: Tx, pod: string) => Promise<T>, scopeOptions?: ScopeOptions): Promise<T[]> => {
      const results: T[] = [];
      for (const pod of clients.names()) results.push(await scopesOn(appScopes, pod, clients.app).withPlatform((tx) => fn(tx, pod), scopeOptions));
      return results;
    },
  };
}

export type RoutedScopes = ReturnType<typeof routedScopes>;
