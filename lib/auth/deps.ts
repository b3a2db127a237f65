import { db, lookupLogin, withPlatform, withTenant, type ScopedClient, type Tx } from "@/lib/db";
import type { scopesFor } from "@/lib/db/tenant-scope";

/**
 * What the sign-in and session logic needs from the database: the app's client and its
 * scopes in the server, a test database's in the integration tests.
 */
export type AuthDeps = { db: ScopedClient } & Pick<ReturnType<typeof scopesFor>, "withTenant" | "withPlatform" | "lookupLogin">;

export const appAuthDeps: AuthDeps = { db, withTenant, withPlatform, lookupLogin };

/** Runs `fn` in the user's own scope: their tenant, or the platform for the platform admin. */
export function inUserScope<T>(deps: AuthDeps, tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantId ? deps.withTenant(tenantId, fn) : deps.withPlatform(fn);
}
