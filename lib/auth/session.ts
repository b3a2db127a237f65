import { getServerSession } from "next-auth";
import { cache } from "react";
import { appAuthDeps } from "./deps";
import { authOptions } from "./options";
import { loadSessionUser, sessionClaimsSchema, type SessionUser } from "./session-user";
import { endSession } from "./user-sessions";

export type { PlatformAdmin, SessionUser, TenantSessionUser } from "./session-user";

/**
 * The signed-in user, re-read from the database on every request (once per request: the
 * layout and the page share it), or null: no session, expired, deactivated, or ended by a
 * password change. The gate's first step (lib/auth/gate.ts) in the app.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const claims = (session as { claims?: unknown } | null)?.claims;
  return claims ? loadSessionUser(appAuthDeps, claims) : null;
});

/** Ends the current request's session on the server (signing out), if it has one. */
export async function endCurrentSession(): Promise<void> {
  const session = await getServerSession(authOptions());
  const claims = sessionClaimsSchema.safeParse((session as { claims?: unknown } | null)?.claims);
  if (!claims.success) return;
  const { sessionId, userId, tenantId } = claims.data;
  await endSession(appAuthDeps, { id: sessionId, userId, tenantId });
}
