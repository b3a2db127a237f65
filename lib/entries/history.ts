// The history of one verifiable entry, read from its audit rows: who entered it, changed it,
// returned it with a note, resubmitted it and verified it. The return note stays here after
// the clerk's resubmission clears it from the entry.
import type { Tx } from "@/lib/db";

export type EntryEntity = "BudgetRealisation" | "AidDistribution" | "Training" | "TrainingParticipant";
export type EntryEventKind = "created" | "edited" | "returned" | "resubmitted" | "verified" | "other";
export type EntryEvent = { id: string; at: Date; kind: EntryEventKind; note: string | null; userName: string | null };

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
    select: { id: true, createdAt: true, action: true, before: true, after: true, userId: true },
    orderBy: { id: "asc" },
  });
  const userIds = [...new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])))];
  const users = userIds.length > 0 ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => {
    const after = row.after as Fields;
    const kind = kindOf(row.action, row.before as Fields, after);
    return {
      id: String(row.id),
      at: row.createdAt,
      kind,
      note: kind === "returned" ? String(after?.returnNote) : null,
      userName: row.userId ? (names.get(row.userId) ?? null) : null,
    };
  });
}
