// "Kembalikan dengan catatan": an OPD head sends a draft back to the clerk with a note instead
// of verifying or deleting it. The note stays on the draft until the clerk resubmits (by
// saving the draft, or by the resubmit action); the audit rows keep both steps as history.
import type { ActionContext } from "@/lib/actions/define";
import { writerOpdId } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { wordedError } from "@/lib/errors/worded";

type Ctx = Pick<ActionContext, "tx" | "user">;
/** For tests; defaults to now. */
type Clock = { now?: Date };

/** The verifiable entries, each with the rows its OPD may reach. */
const KINDS = {
  realisation: { model: "budgetRealisation", what: "Entri realisasi", ofOpd: (opdId: string) => ({ budgetLine: { programme: { opdId } } }), versioned: true },
  distribution: { model: "aidDistribution", what: "Penyaluran", ofOpd: (opdId: string) => ({ opdId }), versioned: true },
  training: { model: "training", what: "Pelatihan", ofOpd: (opdId: string) => ({ opdId }), versioned: true },
  participant: { model: "trainingParticipant", what: "Peserta", ofOpd: (opdId: string) => ({ training: { opdId } }), versioned: false },
} as const;
export type ReturnableKind = keyof typeof KINDS;

/** What a returned draft's resubmission writes: the note leaves the draft, not the history. */
export const resubmitted = { returnNote: null, returnedAt: null, returnedById: null } as const;

type Delegate = {
  updateMany(args: unknown): Promise<{ count: number }>;
  findFirst(args: unknown): Promise<{ id: string; status: string; returnNote: string | null } | null>;
};
const delegateOf = (tx: Tx, kind: ReturnableKind) => tx[KINDS[kind].model] as unknown as Delegate;

async function findOwnDraft(tx: Tx, kind: ReturnableKind, opdId: string, id: string) {
  const { what, ofOpd } = KINDS[kind];
  const entry = await delegateOf(tx, kind).findFirst({ where: { id, ...ofOpd(opdId) }, select: { id: true, status: true, returnNote: true } });
  if (!entry) throw notFound(what);
  if (entry.status !== "DRAFT") throw wordedError("CONFLICT", "Error.common.onlyDraftReturned");
  return entry;
}

/** The head of the entry's OPD returns a draft with a note. */
export async function returnEntry({ tx, user }: Ctx, kind: ReturnableKind, input: { id: string; note: string }, clock: Clock = {}) {
  const entry = await findOwnDraft(tx, kind, writerOpdId(user), input.id);
  const { count } = await delegateOf(tx, kind).updateMany({
    where: { id: entry.id, status: "DRAFT" },
    data: {
      returnNote: input.note,
      returnedAt: clock.now ?? new Date(),
      returnedById: user.id,
      ...(KINDS[kind].versioned ? { version: { increment: 1 } } : {}),
    },
  });
  if (count === 0) throw wordedError("CONFLICT", "Error.common.entryJustVerified");
  return { id: entry.id };
}

/** The clerk says a returned draft is fixed (for entries without an edit form, or after fixing what it points to). */
export async function resubmitEntry({ tx, user }: Ctx, kind: ReturnableKind, input: { id: string }) {
  const entry = await findOwnDraft(tx, kind, writerOpdId(user), input.id);
  if (entry.returnNote === null) throw wordedError("CONFLICT", "Error.common.notReturned");
  await delegateOf(tx, kind).updateMany({
    where: { id: entry.id, status: "DRAFT" },
    data: { ...resubmitted, ...(KINDS[kind].versioned ? { version: { increment: 1 } } : {}) },
  });
  return { id: entry.id };
}
