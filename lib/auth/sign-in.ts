// Checking an email and password: the core of the next-auth Credentials provider, a plain
// function of the database so the tests call it directly.
import { z } from "zod";
import { hasBadBytes } from "@/lib/validation/bad-bytes";
import { recordAudit } from "@/lib/db/audit";
import { keyedTag } from "@/lib/privacy/keyed-hash";
import type { Role } from "@/lib/generated/prisma/enums";
import { inUserScope, type AuthDeps } from "./deps";
import { PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from "./password";
import {
  ACCOUNT_ADDRESS_POLICY,
  ACCOUNT_POLICY,
  IP_POLICY,
  KNOWN_ADDRESS_DAYS,
  accountAddressKey,
  accountKey,
  activeLock,
  ipKey,
  isLocked,
  minutesLeft,
  pruneCounters,
  recordFailure,
  resetCounter,
  type RateLimitPolicy,
} from "./rate-limit";
import { SESSION_MAX_AGE_SECONDS } from "./session-user";
import { openSession } from "./user-sessions";

/** What goes into the session token. */
export type AuthenticatedUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  tenantId: string | null;
  sessionVersion: number;
  /** The UserSession row this sign-in opened. */
  sessionId: string;
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
  // An address holding NUL or a lone surrogate (lib/validation/bad-bytes) names no account.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(254)
    .refine((email) => !hasBadBytes(email)),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});

/**
 * Signs in with email and password, or says why not. Throttled per account and address,
 * per address and per account (see rate-limit.ts); every failure is audited in the user's
 * tenant (null when the email is unknown); a success opens a UserSession, resets the
 * account's counters and sets lastLoginAt.
 */
export async function authenticate(deps: AuthDeps, attempt: SignInAttempt): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse({ email: attempt.email, password: attempt.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const now = attempt.now ?? new Date();
  const audit = { ip: attempt.ip, requestId: attempt.requestId ?? null };

  const login = await deps.lookupLogin(email);
  const fail = (reason: string) => auditFailure(deps, { login, email, reason, ...audit });

  const counters = throttleCounters(email, attempt.ip);
  const knownAddress = Boolean(login && attempt.ip && (await signedInFrom(deps, login, attempt.ip, now)));
  const binding = counters.filter(([key]) => !(knownAddress && key === accountKey(email))).map(([key]) => key);

  const lockedUntil = await activeLock(deps.db, binding, now);
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
    // The account's own counters name it (an address's counter is no one account's).
    const owner = (key: string) => (login && key !== ipKey(attempt.ip ?? "") ? login.id : null);
    const recorded = await Promise.all(counters.map(async ([key, policy]) => ({ key, counter: await recordFailure(deps.db, key, policy, now, owner(key)) })));
    const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive";
    await fail(reason);
    const lock = recorded.filter(({ key, counter }) => binding.includes(key) && isLocked(counter, now)).map(({ counter }) => counter.lockedUntil!.getTime());
    if (lock.length) return { ok: false, reason: "locked", retryAfterMinutes: minutesLeft(new Date(Math.max(...lock)), now) };
    // Only someone who knows the password learns that the account is deactivated.
    return { ok: false, reason: reason === "inactive" ? "inactive" : "invalid" };
  }

  const sessionId = await inUserScope(deps, user.tenantId, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, { tenantId: user.tenantId, userId: user.id, action: "auth.sign_in", entity: "User", entityId: user.id, ...audit });
    const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    return openSession(tx, { userId: user.id, tenantId: user.tenantId, ip: attempt.ip, now, expiresAt });
  });
  await Promise.all(counters.filter(([key]) => key !== ipKey(attempt.ip ?? "")).map(([key]) => resetCounter(deps.db, key)));
  await pruneCounters(deps.db, now);

  const { active: _active, passwordHash: _hash, ...authenticated } = user;
  return { ok: true, user: { ...authenticated, sessionId } };
}

/**
 * The counters a sign-in at `ip` counts against (see rate-limit.ts for why these three);
 * without an address (a request that missed the client-address hook, a test) only the
 * account's. At its own known addresses an account's lock does not bind, the other two do.
 */
function throttleCounters(email: string, ip: string | null): [key: string, policy: RateLimitPolicy][] {
  const account: [string, RateLimitPolicy] = [accountKey(email), ACCOUNT_POLICY];
  if (!ip) return [account];
  return [[accountAddressKey(email, ip), ACCOUNT_ADDRESS_POLICY], [ipKey(ip), IP_POLICY], account];
}

/** Whether the user opened a session from `ip` within the last KNOWN_ADDRESS_DAYS. */
async function signedInFrom(deps: AuthDeps, login: { id: string; tenantId: string | null }, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000);
  const session = await inUserScope(deps, login.tenantId, (tx) =>
    tx.userSession.findFirst({ where: { userId: login.id, ip, createdAt: { gte: since } }, select: { id: true } }),
  );
  return session !== null;
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
