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

/** One budget per user (the city is part of the key only to keep keys apart everywhere). */
export const lookupKey = (tenantId: string, userId: string) => `lookup:${tenantId}:${userId}`;

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
  const key = lookupKey(lookup.tenantId, lookup.viewer.id);
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

export type ImportedNumbers = {
  viewer: { id: string };
  tenantId: string;
  requestId?: string | null;
  /** Where the upload was made, e.g. "trainings.participants.import". */
  purpose: string;
  /** The numbers of each row, with the column they came from ("NIK", "NO KK"). */
  rows: { rowNumber: number; number: string; column: string }[];
  /** Which of these numbers name someone within the viewer's scope. */
  known: (numbers: string[]) => Promise<Set<string>>;
};

/**
 * Matches an upload's numbers at once, as a table import's `resolve`: reasons by row
 * number. A file of guesses is mostly numbers that name no one, so each such number counts
 * against the uploader's lookup budget, dry runs included (this runs before the import's
 * savepoint). A file with more of them than the budget has left is refused whole, since its
 * one match would otherwise stand out. Every upload leaves one audit row.
 */
export async function matchImportedNumbers(tx: Tx, upload: ImportedNumbers, now: Date = new Date()): Promise<Map<number, string[]>> {
  const numbers = [...new Set(upload.rows.map((row) => row.number))];
  const reasons = new Map<number, string[]>();
  if (numbers.length === 0) return reasons;
  const key = lookupKey(upload.tenantId, upload.viewer.id);
  const audit = (after: Record<string, unknown>) =>
    recordAudit(tx, {
      tenantId: upload.tenantId,
      userId: upload.viewer.id,
      action: NUMBER_LOOKUP_ACTION,
      entity: "Upload",
      after: { purpose: upload.purpose, numbers: numbers.length, ...after },
      requestId: upload.requestId ?? null,
    });
  const refuseAll = async (lockedUntil: Date, unknown: number | null) => {
    const reason = `Batas pencarian nomor tercapai: berkas ini tidak diperiksa. Coba lagi dalam ${minutesLeft(lockedUntil, now)} menit.`;
    for (const row of upload.rows) reasons.set(row.rowNumber, [reason]);
    await audit({ outcome: "limited", unknown });
    return reasons;
  };

  const lockedUntil = await activeLock(tx, [key], now);
  if (lockedUntil) return refuseAll(lockedUntil, null);
  const known = await upload.known(numbers);
  const unknown = numbers.filter((number) => !known.has(number));
  if (unknown.length > (await lookupsLeft(tx, key, now))) return refuseAll(await lockNow(tx, key, now), unknown.length);
  for (let i = 0; i < unknown.length; i += 1) await recordFailure(tx, key, NUMBER_LOOKUP_POLICY, now);
  for (const row of upload.rows) {
    if (known.has(row.number)) continue;
    reasons.set(row.rowNumber, [...(reasons.get(row.rowNumber) ?? []), `${row.column} ${maskNumber(row.number)} tidak ditemukan di registri.`]);
  }
  await audit({ outcome: "matched", unknown: unknown.length });
  return reasons;
}

async function lookupsLeft(tx: Tx, key: string, now: Date): Promise<number> {
  const counter = await tx.rateLimit.findUnique({ where: { key }, select: { count: true, windowStart: true } });
  const current = counter && counter.windowStart.getTime() > now.getTime() - NUMBER_LOOKUP_POLICY.windowMs ? counter.count : 0;
  return Math.max(0, NUMBER_LOOKUP_POLICY.max - current);
}

/** Spends the whole budget at once: the key is locked for the policy's lockMs. */
async function lockNow(tx: Tx, key: string, now: Date): Promise<Date> {
  const lockEnd = new Date(now.getTime() + NUMBER_LOOKUP_POLICY.lockMs);
  await tx.$executeRaw`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "lockedUntil")
    VALUES (${key}, ${NUMBER_LOOKUP_POLICY.max}::int, ${now}::timestamp(3), ${lockEnd}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET "count" = ${NUMBER_LOOKUP_POLICY.max}::int, "lockedUntil" = ${lockEnd}::timestamp(3)`;
  return lockEnd;
}
