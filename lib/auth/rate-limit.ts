// Throttling of failed sign-ins. The counters live in the RateLimit table and
// each failure is counted by one INSERT … ON CONFLICT DO UPDATE, so any number of server
// processes share them and concurrent failures are all counted.
import type { ScopedClient } from "@/lib/db";
import { keyedTag } from "@/lib/privacy/keyed-hash";

export type RateLimitPolicy = {
  /** Failures within one window that lock the key. */
  max: number;
  windowMs: number;
  lockMs: number;
};

const FIFTEEN_MINUTES = 15 * 60_000;

// Three counters, so that guessing is slow from anywhere and no one can lock a user out
// from where the user works:
// - one account from one address: 5 failures lock that pair (the common guesser);
// - one address, any accounts: 30 failures lock the address (spraying; a whole office may
//   share one address). The address is the socket's or a trusted proxy's (client-address.ts),
//   so it cannot be forged to dodge the lock or to lock someone else's address;
// - one account, any addresses: 20 failures lock the account (guessing spread over many
//   addresses), but not at an address the user signed in from in the last 30 days
//   (KNOWN_ADDRESS_DAYS): a stranger can lock the account everywhere else, never at the
//   user's own office or home, and the lock still ends 15 minutes after the last failure.

/** One account from one address: 5 failures in 15 minutes lock the pair for 15 minutes. */
export const ACCOUNT_ADDRESS_POLICY: RateLimitPolicy = { max: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
/** One account from any address: 20 failures in 15 minutes lock it, except at its known addresses. */
export const ACCOUNT_POLICY: RateLimitPolicy = { max: 20, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
/** Per address: 30 failures in 15 minutes. */
export const IP_POLICY: RateLimitPolicy = { max: 30, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
/** How long an address the user signed in from stays exempt from the account-wide lock. */
export const KNOWN_ADDRESS_DAYS = 30;

export type Counter = { count: number; windowStart: Date; lockedUntil: Date | null };

/**
 * Emails are keyed lower-case and trimmed, as entas_lookup_login compares them, and by their
 * keyed tag: whatever was typed into the box (a password, even) is not kept.
 */
export const accountKey = (email: string) => `login:email:${keyedTag("sign-in", email.trim().toLowerCase())}`;
export const ipKey = (ip: string) => `login:ip:${ip}`;
export const accountAddressKey = (email: string, ip: string) => `${accountKey(email)}:ip:${ip}`;

/**
 * The counter after one more failure at `now`: a window starts at its first failure and
 * lasts `windowMs`; reaching `max` in it locks the key for `lockMs`. The SQL in
 * `recordFailure` computes exactly this (the integration tests hold them to it).
 */
export function nextCounter(current: Counter | null, now: Date, policy: RateLimitPolicy): Counter {
  const fresh = !current || current.windowStart.getTime() <= now.getTime() - policy.windowMs;
  const count = fresh ? 1 : current.count + 1;
  return {
    count,
    windowStart: fresh ? now : current.windowStart,
    lockedUntil: count >= policy.max ? new Date(now.getTime() + policy.lockMs) : (current?.lockedUntil ?? null),
  };
}

export function isLocked(counter: Pick<Counter, "lockedUntil"> | null, now: Date): boolean {
  return Boolean(counter?.lockedUntil && counter.lockedUntil.getTime() > now.getTime());
}

/** Whole minutes until `lockedUntil`, rounded up, at least 1: "coba lagi dalam N menit". */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

type RawClient = Pick<ScopedClient, "$queryRaw" | "rateLimit">;

/**
 * Counts one failure against `key`, atomically; returns the counter as stored. `userId`: the
 * account the key is about (an existing account's own counters), kept on the row so the
 * city's admin can see and lift the lock.
 */
export async function recordFailure(
  db: RawClient,
  key: string,
  policy: RateLimitPolicy,
  now: Date = new Date(),
  userId: string | null = null,
): Promise<Counter> {
  const windowFloor = new Date(now.getTime() - policy.windowMs);
  const lockEnd = new Date(now.getTime() + policy.lockMs);
  // In DO UPDATE, "RateLimit".* is the stored row; the new count is spelt out twice.
  const rows = await db.$queryRaw<Counter[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "lockedUntil", "userId")
    VALUES (${key}, 1, ${now}::timestamp(3),
            CASE WHEN 1 >= ${policy.max}::int THEN ${lockEnd}::timestamp(3) END, ${userId})
    ON CONFLICT ("key") DO UPDATE SET
      "userId" = COALESCE(EXCLUDED."userId", "RateLimit"."userId"),
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor}::timestamp(3) THEN 1
                     ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor}::timestamp(3) THEN ${now}::timestamp(3)
                           ELSE "RateLimit"."windowStart" END,
      "lockedUntil" = CASE WHEN (CASE WHEN "RateLimit"."windowStart" <= ${windowFloor}::timestamp(3) THEN 1
                                      ELSE "RateLimit"."count" + 1 END) >= ${policy.max}::int
                           THEN ${lockEnd}::timestamp(3)
                           ELSE "RateLimit"."lockedUntil" END
    RETURNING "count", "windowStart", "lockedUntil"`;
  const row = rows[0];
  if (!row) throw new Error(`rate limit: no row returned for ${key}`);
  return { count: Number(row.count), windowStart: new Date(row.windowStart), lockedUntil: row.lockedUntil && new Date(row.lockedUntil) };
}

/** The latest lock among `keys` still in force at `now`, or null. */
export async function activeLock(db: RawClient, keys: string[], now: Date = new Date()): Promise<Date | null> {
  const locked = await db.rateLimit.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const ends = locked.flatMap((row) => (row.lockedUntil ? [row.lockedUntil.getTime()] : []));
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** Forgets a key's failures (after a successful sign-in). */
export async function resetCounter(db: RawClient, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/**
 * Drops counters untouched for a day (their window and lock long over), so the table
 * stays small. The margin keeps it clear of any counter in use.
 */
export async function pruneCounters(db: RawClient, now: Date = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  await db.rateLimit.deleteMany({
    where: { windowStart: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: dayAgo } }] },
  });
}
