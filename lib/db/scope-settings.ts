// What a scope sets for its transaction, as `SET LOCAL`: the role row-level security restricts,
// the city, the statement timeout and, for a report, read-only. `SET LOCAL` rather than
// `set_config(…, true)`: a distributed PostgreSQL (Citus, with citus.propagate_set_commands =
// 'local') sends SET LOCAL on to the servers holding the city's rows, and not set_config.
//
// On PostgreSQL the statements go as one text (the simple protocol allows several), so the
// scope costs the one round trip set_config did. PGlite takes one statement per call.

import { refuseWhileCityMovesStatement } from "./city-moving";

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type ScopeSettings = { role: string; tenantId: string | null; statementTimeoutMs: number; readOnly: boolean; refuseWhileCityMoves?: boolean };

/** The SET LOCAL statements of a scope. `SET` takes no parameter: every value is checked first. */
export function scopeSettingStatements(settings: ScopeSettings): string[] {
  if (settings.tenantId !== null && !TENANT_ID.test(settings.tenantId)) throw new Error("a tenant id is letters, digits, - and _");
  if (!/^[a-z_]+$/.test(settings.role)) throw new Error(`not a role name: ${settings.role}`);
  const timeout = settings.statementTimeoutMs;
  if (!Number.isInteger(timeout) || timeout < 0) throw new Error(`not a statement timeout: ${timeout}`);
  return [
    `SET LOCAL ROLE ${settings.role}`,
    `SET LOCAL app.tenant_id = '${settings.tenantId ?? ""}'`,
    `SET LOCAL statement_timeout = ${timeout}`,
    // Turning a transaction read-only is allowed at any point of it (unlike the reverse).
    ...(settings.readOnly ? ["SET LOCAL transaction_read_only = on"] : []),
    ...(settings.refuseWhileCityMoves && settings.tenantId ? [refuseWhileCityMovesStatement(settings.tenantId)] : []),
  ];
}

// Clients that take one statement per call (PGlite's extended protocol), marked where opened.
// Shared through globalThis as the client is (lib/db/index.ts).
// biome-ignore lint/suspicious/noAssignInExpressions: made once per process, then reused
const oneStatementClients = ((globalThis as unknown as { entasOneStatementClients?: WeakSet<object> }).entasOneStatementClients ??= new WeakSet<object>());

export function takesOneStatementPerCall(client: object): boolean {
  return oneStatementClients.has(client);
}

export function markOneStatementPerCall<C extends object>(client: C): C {
  oneStatementClients.add(client);
  return client;
}
