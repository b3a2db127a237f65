// The tenant of the scope a query runs in, for raw SQL to bind as a parameter:
// `WHERE x."tenantId" = ${scopeTenantId()}`. A distributed PostgreSQL (Citus) routes a statement
// to one shard only when its distribution column is compared with a constant or a parameter,
// never with a function call such as entas_current_tenant(); row-level security still checks the
// same tenant underneath. The value is the one withTenant set for the transaction (the scope's
// storage in lib/db/tenant-scope.ts, shared through globalThis), never anything a client sent.
import type { AsyncLocalStorage } from "node:async_hooks";

type ScopeStore = { entasScopeStorage?: AsyncLocalStorage<{ tenantId: string | null }> };

/** The current withTenant scope's tenant id; throws outside a tenant's scope (platform or none). */
export function scopeTenantId(): string {
  const tenantId = (globalThis as unknown as ScopeStore).entasScopeStorage?.getStore()?.tenantId;
  if (!tenantId) throw new Error("raw tenant SQL run outside withTenant()");
  return tenantId;
}
