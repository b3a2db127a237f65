// The tenant of the scope a query runs in, for raw SQL to bind as a parameter:
// `WHERE x."tenantId" = ${scopeTenantId()}`. A distributed PostgreSQL (Citus) routes a statement
// to one shard only when its distribution column is compared with a constant or a parameter,
// never with a function call such as entas_current_tenant(); row-level security still checks the
// same tenant underneath. The value is the one withTenant set for the transaction, never anything
// a client sent.
import { currentScopeTenantId } from "./tenant-scope";

/** The current withTenant scope's tenant id; throws outside a tenant's scope (platform or none). */
export function scopeTenantId(): string {
  const tenantId = currentScopeTenantId();
  if (!tenantId) throw new Error("raw tenant SQL run outside withTenant()");
  return tenantId;
}
