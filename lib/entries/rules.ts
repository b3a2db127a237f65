// What may happen to a realisation entry: drafts are the OPD's to change;
// a verified entry is never edited, only reversed once by a new, negative entry that is
// itself verified before it counts.
import type { EntryStatus } from "@/lib/generated/prisma/enums";

type Entry = { status: EntryStatus; amount: bigint; reversesId: string | null };

export const isReversal = (entry: Pick<Entry, "amount" | "reversesId">) => entry.reversesId !== null || entry.amount < 0n;

/** Why a draft cannot be edited, or null when it can. */
export function editProblem(entry: Entry): string | null {
  if (entry.status === "VERIFIED") return "Entri yang sudah diverifikasi tidak dapat diubah. Koreksi dengan pembalikan.";
  if (isReversal(entry)) return "Entri pembalikan tidak dapat diubah. Hapus lalu buat pembalikan baru.";
  return null;
}

/** Why an entry cannot be deleted, or null when it can. */
export function deleteProblem(entry: Entry): string | null {
  return entry.status === "VERIFIED" ? "Entri yang sudah diverifikasi tidak dapat dihapus. Koreksi dengan pembalikan." : null;
}

/** Why an entry cannot be reversed, or null when it can; `reversedAlready`: a reversal (any status) exists. */
export function reversalProblem(entry: Entry, reversedAlready: boolean): string | null {
  if (isReversal(entry)) return "Entri pembalikan tidak dapat dibalik lagi.";
  if (entry.status !== "VERIFIED") return "Draf tidak perlu dibalik: ubah atau hapus saja.";
  if (reversedAlready) return "Entri ini sudah dibalik.";
  return null;
}
