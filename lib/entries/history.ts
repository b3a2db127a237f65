// The history of one verifiable entry, read from its audit rows: who entered it, changed it,
// returned it with a note, resubmitted it and verified it. The return note stays here after
// the clerk's resubmission clears it from the entry.
import type { Tx } from "@/lib/db";
import { userNames } from "@/features/users/queries";

export type EntryEntity = "BudgetRealisation" | "AidDistribution" | "Training" | "TrainingParticipant";
export type EntryEventKind = "created" | "edited" | "returned" | "resubmitted" | "verified" | "other";
export type EntryEvent = { at: Date; kind: EntryEventKind; note: string | null; userName: string | null };

type Fields = Record<string, unknown> | null;

function kindOf(action: string, before: Fields, after: Fields): EntryEventKind {
  if (action === "create") return "created";
  if (action !== "update") return "other";
  if (typeof after?.returnNote === "string") return "returned";
  if (after?.status === "VERIFIED") return "verified";
  if (typeof before?.returnNote === "string" && after && "returnNote" in after) return "resubmitted";
  return "edited";
}

/** Oldest first. */
export async function entryHistory(tx: Tx, entity: EntryEntity, id: string): Promise<EntryEvent[]> {
  const rows = await tx.auditLog.findMany({
    where: { entity, entityId: id, action: { in: ["create", "update"] } },
    select: { createdAt: true, action: true, before: true, after: true, userId: true },
    orderBy: { id: "asc" },
  });
  const names = await userNames(
    tx,
    rows.map((row) => row.userId),
  );
  return rows.map((row) => {
    const after = row.after as Fields;
    const kind = kindOf(row.action, row.before as Fields, after);
    return {
      at: row.createdAt,
      kind,
      note: kind === "returned" ? String(after?.returnNote) : null,
      userName: row.userId ? (names.get(row.userId) ?? null) : null,
    };
  });
}
