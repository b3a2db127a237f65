// The one way to find a person or household by a whole NIK or No. KK. A lookup confirms a
// guessed number, so guesses are what it must stop: only readers of personal data may look
// up, each user gets NUMBER_LOOKUP_POLICY.max lookups per window (a counter in the
// RateLimit table, shared by every server process), and every lookup, refused or not,
// leaves an audit row naming what was found but never the number beyond its last digits.
import type { Grantee } from "@/lib/auth/permissions";
import { activeLock, minutesLeft, recordFailure, type RateLimitPolicy } from "@/lib/auth/rate-limit";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { forbidden } from "@/lib/errors";
import { maskNumber, personView } from "./person-view";

const HOUR = 60 * 60_000;

/** 30 lookups an hour per user; past them, none for an hour. */
export const NUMBER_LOOKUP_POLICY: RateLimitPolicy = { max: 30, windowMs: HOUR, lockMs: HOUR };

export const NUMBER_LOOKUP_ACTION = "registry.lookup";

export const lookupKey = (userId: string) => `lookup:user:${userId}`;

export type LookupOutcome = { kind: "found"; id: string } | { kind: "none" } | { kind: "limited"; minutes: number };

export type NumberLookup = {
  viewer: Grantee & { id: string };
  tenantId: string;
  requestId?: string | null;
  /** The 16 digits asked for. */
  number: string;
  /** What `find` returns the id of, for the audit row ("Household", "Member"). */
  entity: string;
  /** Where the lookup was made, e.g. "registry.search". */
  purpose: string;
  /** The id of what the number names within the viewer's scope, or null. */
  find: () => Promise<string | null>;
};

/**
 * Runs one lookup by number for a reader of personal data. It never throws for the limit:
 * a refused lookup returns "limited" so that its audit row is kept.
 */
export async function lookUpByNumber(tx: Tx, lookup: NumberLookup, now: Date = new Date()): Promise<LookupOutcome> {
  if (!personView(lookup.viewer).numberLookup) throw forbidden();
  const key = lookupKey(lookup.viewer.id);
  const lockedUntil = await activeLock(tx, [key], now);
  const outcome: LookupOutcome = lockedUntil ? { kind: "limited", minutes: minutesLeft(lockedUntil, now) } : await found(tx, lookup, key, now);
  await recordAudit(tx, {
    tenantId: lookup.tenantId,
    userId: lookup.viewer.id,
    action: NUMBER_LOOKUP_ACTION,
    entity: lookup.entity,
    entityId: outcome.kind === "found" ? outcome.id : null,
    after: { purpose: lookup.purpose, number: maskNumber(lookup.number), outcome: outcome.kind },
    requestId: lookup.requestId ?? null,
  });
  return outcome;
}

async function found(tx: Tx, lookup: NumberLookup, key: string, now: Date): Promise<LookupOutcome> {
  await recordFailure(tx, key, NUMBER_LOOKUP_POLICY, now);
  const id = await lookup.find();
  return id ? { kind: "found", id } : { kind: "none" };
}
