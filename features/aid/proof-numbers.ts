// A proof number (BAST, receipt) names one handover: an OPD records it once per household,
// day and kind of aid (one BAST may list several households, or a tool kit beside a premium). An entry whose reversal is verified no longer counts, so the corrected handover
// can be recorded again with its proof; a reversal itself carries no proof number.
import type { Tx } from "@/lib/db";
import { lockName } from "@/lib/db/locks";
import type { AppError } from "@/lib/errors";
import { wordedFieldError } from "@/lib/errors/worded";
import { dayToDate } from "@/lib/calendar/days";
import type { AidKind } from "@/lib/generated/prisma/enums";

/** `exceptId`: the draft being edited, which may keep its own proof. */
type Handover = { tenantId: string; opdId: string; householdId: string; kind: AidKind; distributedAt: string; proofRef: string; exceptId?: string };

/**
 * The entry that already records this proof, if any. Holds a lock on the OPD's handovers to
 * the household until the transaction ends, so two entries of one proof cannot both pass.
 */
export async function entryWithProof(tx: Tx, handover: Handover) {
  await lockName(tx, `aid.proof:${handover.tenantId}:${handover.opdId}:${handover.householdId}`);
  return tx.aidDistribution.findFirst({
    where: {
      ...(handover.exceptId ? { id: { not: handover.exceptId } } : {}),
      opdId: handover.opdId,
      householdId: handover.householdId,
      kind: handover.kind,
      distributedAt: dayToDate(handover.distributedAt),
      proofRef: { equals: handover.proofRef.trim(), mode: "insensitive" },
      reversesId: null,
      reversedBy: { none: { status: "VERIFIED" } },
    },
    select: { status: true },
  });
}

/** The refusal of a proof number already recorded (words: Aid.errors.proofTaken). */
export function proofTaken(): AppError {
  return wordedFieldError("NUMBER_TAKEN", "proofRef", "Aid.errors.proofTaken");
}
