// The submissions a city's users made with a key: the first of a key runs the action, and
// its answer is kept with the key in the same transaction as the action's own writes. A
// repeat (a double click, a retry after a lost answer, two tabs sending one form) gets that
// answer back and writes nothing. Two at once: the second's insert waits on the first's
// key until the first commits (then it reads the answer) or rolls back (then it runs).
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { wordedError } from "@/lib/errors/worded";
import { decodeResult, encodeResult } from "./stored-result";

/** How long a key is remembered: a repeat after this is a new submission. */
export const SUBMISSION_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

type Submission = { tenantId: string; key: string; userId: string; action: string };

/** Claims the key for this submission: null when it is the first, else the first one's result. */
export async function claimSubmission(tx: Tx, submission: Submission): Promise<{ result: unknown } | null> {
  const { tenantId, key, userId, action } = submission;
  const claimed = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "Submission" ("tenantId", "key", "userId", "action", "result", "createdAt")
    VALUES (${tenantId}, ${key}, ${userId}, ${action}, 'null'::jsonb, now() AT TIME ZONE 'UTC')
    ON CONFLICT DO NOTHING
    RETURNING "key"`;
  if (claimed.length > 0) return null;
  const [earlier] = await tx.$queryRaw<{ userId: string; action: string; result: unknown }[]>`
    SELECT "userId", "action", "result" FROM "Submission" WHERE "tenantId" = ${tenantId} AND "key" = ${key}`;
  // A key is one user's one form: any other use of it is not a repeat of that submission.
  if (!earlier || earlier.userId !== userId || earlier.action !== action) {
    throw wordedError("CONFLICT", "Error.common.formUsed");
  }
  return { result: decodeResult(earlier.result) };
}

/**
 * Keeps the answer of the submission that claimed the key and, in the same statement (one round
 * trip less on every form sent), forgets some of the city's expired keys (purgeSubmissions).
 */
export async function storeSubmissionResult(tx: Tx, submission: Pick<Submission, "tenantId" | "key">, result: unknown): Promise<void> {
  const json = JSON.stringify(encodeResult(result));
  await tx.$executeRaw`
    WITH purged AS (DELETE FROM "Submission" WHERE ("tenantId", "key") IN (${expiredKeys(submission.tenantId, new Date(), 100)}))
    UPDATE "Submission" SET "result" = ${json}::jsonb WHERE "tenantId" = ${submission.tenantId} AND "key" = ${submission.key}`;
}

/**
 * Forgets the city's keys older than their lifetime, at most `limit` at a time; rows another
 * transaction is deleting are skipped, so two submissions never wait on each other here.
 */
export async function purgeSubmissions(tx: Tx, tenantId: string, options: { now?: Date; limit?: number } = {}): Promise<number> {
  return tx.$executeRaw`DELETE FROM "Submission" WHERE ("tenantId", "key") IN (${expiredKeys(tenantId, options.now ?? new Date(), options.limit ?? 100)})`;
}

function expiredKeys(tenantId: string, now: Date, limit: number): Prisma.Sql {
  const cutoff = new Date(now.getTime() - SUBMISSION_KEY_LIFETIME_MS);
  return Prisma.sql`
    SELECT "tenantId", "key" FROM "Submission"
     WHERE "tenantId" = ${tenantId} AND "createdAt" < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC')
     LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}
