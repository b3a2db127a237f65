// The server's record of who is signed in. The session cookie is a signed token that
// names its UserSession row; the token alone no longer suffices: signing out ends the row,
// and a copy of the cookie then opens nothing.
import type { Tx } from "@/lib/db";
import { inUserScope, type AuthDeps } from "./deps";
import { KNOWN_ADDRESS_DAYS } from "./rate-limit";

/** Opens the session of a sign-in and forgets the user's sessions too old to matter. */
export async function openSession(
  tx: Tx,
  session: { userId: string; tenantId: string | null; ip: string | null; now: Date; expiresAt: Date },
): Promise<string> {
  const { userId, tenantId, ip, now, expiresAt } = session;
  // Kept after they end as the addresses the user signs in from (rate-limit.ts).
  await tx.userSession.deleteMany({ where: { userId, createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000) } } });
  const created = await tx.userSession.create({
    data: { userId, tenantId, ip, createdAt: now, expiresAt },
    select: { id: true },
  });
  return created.id;
}

/** Whether the session is open: not ended, not expired, and the user's own. */
export async function sessionIsOpen(tx: Tx, session: { id: string; userId: string }, now: Date): Promise<boolean> {
  const row = await tx.userSession.findUnique({ where: { id: session.id }, select: { userId: true, endedAt: true, expiresAt: true } });
  return Boolean(row && row.userId === session.userId && !row.endedAt && row.expiresAt > now);
}

/** Ends one session (signing out); ending it twice changes nothing. */
export async function endSession(deps: AuthDeps, session: { id: string; userId: string; tenantId: string | null }, now: Date = new Date()): Promise<void> {
  await inUserScope(deps, session.tenantId, (tx) =>
    tx.userSession.updateMany({ where: { id: session.id, userId: session.userId, endedAt: null }, data: { endedAt: now } }),
  );
}

/** Ends every open session of a user (a password change, deactivation). */
export async function endUserSessions(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}
