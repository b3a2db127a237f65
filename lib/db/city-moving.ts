// A city being moved to another database server (lib/db/pod-move) is read-only: what is written
// on the old server after its rows were copied would be lost. Every write of a city asks for this
// check when it opens its scope (ScopeOptions.refuseWhileCityMoves): the action pipeline
// (lib/actions/run.ts); a job started in a transaction already open (lib/jobs/tracked.ts) runs
// the same statement through refuseWhileCityMoves.
import type { Tx } from "@/lib/db";

const MOVING_STATE = "EN001";

/**
 * The statement that refuses while the city's `Tenant.movingSince` is set. It goes out with the
 * scope's own settings, in their one message, so a write pays no round trip for it. The row is
 * read FOR KEY SHARE (the lock a foreign key check takes anyway): a move marks the city holding
 * the row FOR UPDATE, so the mark waits for the writes that passed here to commit, and a write
 * that comes after the mark waits for it and then reads it.
 */
export function refuseWhileCityMovesStatement(tenantId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) throw new Error("a tenant id is letters, digits, - and _");
  return `DO $$DECLARE moving timestamp; BEGIN
    SELECT "movingSince" INTO moving FROM "Tenant" WHERE id = '${tenantId}' FOR KEY SHARE;
    IF moving IS NOT NULL THEN RAISE EXCEPTION 'city is moving' USING ERRCODE = '${MOVING_STATE}'; END IF;
  END$$`;
}

/** Refuses with CITY_MOVING, in a transaction already open, while the city moves. */
export async function refuseWhileCityMoves(tx: Tx, tenantId: string): Promise<void> {
  try {
    await tx.$executeRawUnsafe(refuseWhileCityMovesStatement(tenantId));
  } catch (error) {
    throw await cityMovingRefusal(error);
  }
}

/**
 * The refusal the user reads, when `error` is the statement's; else `error` itself. The words are
 * loaded only then: a form's server action reaches this module, and the catalogues must stay out
 * of the browser's bundle.
 */
export async function cityMovingRefusal(error: unknown): Promise<unknown> {
  if (sqlStateOf(error) !== MOVING_STATE) return error;
  const { wordedError } = await import("@/lib/errors/worded");
  return wordedError("CITY_MOVING", "Error.common.cityMoving");
}

/** PostgreSQL's SQLSTATE of a failed raw query, as Prisma's driver adapter passes it on. */
function sqlStateOf(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.code;
  return typeof code === "string" ? code : undefined;
}
