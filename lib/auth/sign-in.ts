// Checking an email and password: the core of the next-auth Credentials provider, a plain
// function of the database so the tests call it directly.
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { keyedTag } from "@/lib/privacy/keyed-hash";
import type { Role } from "@/lib/generated/prisma/enums";
import { inUserScope, type AuthDeps } from "./deps";
import { PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from "./password";
import { ACCOUNT_POLICY, IP_POLICY, accountKey, activeLock, ipKey, isLocked, minutesLeft, pruneCounters, recordFailure, resetCounter } from "./rate-limit";

/** What goes into the session token. */
export type AuthenticatedUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  tenantId: string | null;
  sessionVersion: number;
};

export type SignInResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

export type SignInAttempt = {
  email: unknown;
  password: unknown;
  /** The client's address, or null when unknown (then only the account is throttled). */
  ip: string | null;
  requestId?: string | null;
  now?: Date;
};

// Emails are compared trimmed and lower-case, as entas_lookup_login does.
const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});

/**
 * Signs in with email and password, or says why not. Throttled per account and per
 * address (see rate-limit.ts); every failure is audited in the user's tenant (null when
 * the email is unknown); a success resets the account's counter and sets lastLoginAt.
 */
export async function authenticate(deps: AuthDeps, attempt: SignInAttempt): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse({ email: attempt.email, password: attempt.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const now = attempt.now ?? new Date();
  const keys = [accountKey(email), ...(attempt.ip ? [ipKey(attempt.ip)] : [])];
  const audit = { ip: attempt.ip, requestId: attempt.requestId ?? null };

  const login = await deps.lookupLogin(email);
  const fail = (reason: string) => auditFailure(deps, { login, email, reason, ...audit });

  const lockedUntil = await activeLock(deps.db, keys, now);
  if (lockedUntil) {
    await fail("locked");
    return { ok: false, reason: "locked", retryAfterMinutes: minutesLeft(lockedUntil, now) };
  }

  const user = login
    ? await inUserScope(deps, login.tenantId, (tx) =>
        tx.user.findUnique({
          where: { id: login.id },
          select: { id: true, name: true, email: true, role: true, tenantId: true, sessionVersion: true, active: true, passwordHash: true },
        }),
      )
    : null;
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !passwordOk || !user.active) {
    const counters = await Promise.all([
      recordFailure(deps.db, accountKey(email), ACCOUNT_POLICY, now),
      ...(attempt.ip ? [recordFailure(deps.db, ipKey(attempt.ip), IP_POLICY, now)] : []),
    ]);
    const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive";
    await fail(reason);
    const lock = counters.filter((counter) => isLocked(counter, now)).map((counter) => counter.lockedUntil!.getTime());
    if (lock.length) return { ok: false, reason: "locked", retryAfterMinutes: minutesLeft(new Date(Math.max(...lock)), now) };
    // Only someone who knows the password learns that the account is deactivated.
    return { ok: false, reason: reason === "inactive" ? "inactive" : "invalid" };
  }

  await inUserScope(deps, user.tenantId, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, { tenantId: user.tenantId, userId: user.id, action: "auth.sign_in", entity: "User", entityId: user.id, ...audit });
  });
  await resetCounter(deps.db, accountKey(email));
  await pruneCounters(deps.db, now);

  const { active: _active, passwordHash: _hash, ...authenticated } = user;
  return { ok: true, user: authenticated };
}

async function auditFailure(
  deps: AuthDeps,
  entry: {
    login: { id: string; tenantId: string | null } | null;
    email: string;
    reason: string;
    ip: string | null;
    requestId: string | null;
  },
): Promise<void> {
  const tenantId = entry.login?.tenantId ?? null;
  await inUserScope(deps, tenantId, (tx) =>
    recordAudit(tx, {
      tenantId,
      action: "auth.sign_in_failed",
      entity: "User",
      entityId: entry.login?.id ?? null,
      // An address that is no account's may be anything typed into the box, a password too.
      after: entry.login ? { email: entry.email, reason: entry.reason } : { loginTag: keyedTag("sign-in", entry.email), reason: entry.reason },
      ip: entry.ip,
      requestId: entry.requestId,
    }),
  );
}
