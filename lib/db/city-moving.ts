// A city being moved to another database server (lib/db/pod-move) is read-only: what is written
// on the old server after its rows were copied would be lost. Every write of a city passes here
// first: the action pipeline (lib/actions/run.ts) and the start of a background job
// (lib/jobs/tracked.ts).
import type { Tx } from "@/lib/db";
import { wordedError } from "@/lib/errors/worded";

/**
 * Refuses with CITY_MOVING while the city's `Tenant.movingSince` is set. The row is read FOR KEY
 * SHARE (the lock a foreign key check takes anyway): a move marks the city holding the row FOR
 * UPDATE, so the mark waits for the writes that passed here to commit, and a write that comes
 * after the mark waits for it and then reads it.
 */
export async function refuseWhileCityMoves(tx: Tx, tenantId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ movingSince: Date | null }[]>`SELECT "movingSince" FROM "Tenant" WHERE id = ${tenantId} FOR KEY SHARE`;
  if (row?.movingSince) throw wordedError("CITY_MOVING", "Error.common.cityMoving");
}
