// What a programme achieved: its verified trainees and aid hand-overs, and how
// many entries still await the OPD head. Only verified entries count; counted in SQL.
import type { Tx } from "@/lib/db";

import type { Rupiah } from "@/lib/money";
import { trainingFigures, type TrainingFigures } from "./queries";

export type AidFigures = { distributions: number; households: number; value: Rupiah; pending: number };
export type ProgrammeResults = { training: TrainingFigures; aid: AidFigures };

/**
 * Aid of a programme: hand-overs verified and not cancelled by a verified reversal (count
 * and distinct households), the net verified value (reversals are negative), and drafts.
 */
export async function programmeAid(tx: Tx, tenantId: string, programmeId: string): Promise<AidFigures> {
  const rows = await tx.$queryRaw<{ distributions: number; households: number; value: bigint | null; pending: number }[]>`
    SELECT
      count(*) FILTER (WHERE a."status" = 'VERIFIED' AND a."reversesId" IS NULL AND a."value" >= 0 AND NOT EXISTS (
        SELECT 1 FROM "AidDistribution" r WHERE r."tenantId" = a."tenantId" AND r."reversesId" = a."id" AND r."status" = 'VERIFIED'))::int AS "distributions",
      count(DISTINCT a."householdId") FILTER (WHERE a."status" = 'VERIFIED' AND a."reversesId" IS NULL AND a."value" >= 0 AND NOT EXISTS (
        SELECT 1 FROM "AidDistribution" r WHERE r."tenantId" = a."tenantId" AND r."reversesId" = a."id" AND r."status" = 'VERIFIED'))::int AS "households",
      sum(a."value") FILTER (WHERE a."status" = 'VERIFIED')::bigint AS "value",
      count(*) FILTER (WHERE a."status" = 'DRAFT')::int AS "pending"
    FROM "AidDistribution" a
    WHERE a."tenantId" = ${tenantId} AND a."programmeId" = ${programmeId}`;
  const row = rows[0];
  return { distributions: row?.distributions ?? 0, households: row?.households ?? 0, value: row?.value ?? 0n, pending: row?.pending ?? 0 };
}

export async function programmeResults(tx: Tx, tenantId: string, programmeId: string): Promise<ProgrammeResults> {
  const [training, aid] = await Promise.all([trainingFigures(tx, { programmeId }), programmeAid(tx, tenantId, programmeId)]);
  return { training, aid };
}
