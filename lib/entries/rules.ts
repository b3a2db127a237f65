// What may happen to an entry that an OPD head verifies (budget realisations, aid
// distributions): drafts are the OPD's to change; a verified entry is never edited, only
// reversed once by a new, negative entry that points at it (`reversesId`) and is itself
// verified before it counts.
import type { EntryStatus } from "@/lib/generated/prisma/enums";

/** What the rules read: every verified-entry model has these two columns. */
export type Entry = { status: EntryStatus; reversesId: string | null };

/** A reversal is the entry that points at the one it reverses, as the summaries count it. */
export const isReversal = (entry: Pick<Entry, "reversesId">) => entry.reversesId !== null;

/** Why a draft cannot be edited (its words' key in Entries.errors), or null when it can. */
export function editProblem(entry: Entry): string | null {
  if (entry.status === "VERIFIED") return "Entries.errors.verifiedNotEdited";
  if (isReversal(entry)) return "Entries.errors.reversalNotEdited";
  return null;
}

/** Why an entry cannot be deleted (its words' key), or null when it can. */
export function deleteProblem(entry: Entry): string | null {
  return entry.status === "VERIFIED" ? "Entries.errors.verifiedNotDeleted" : null;
}

/** Why an entry cannot be reversed (its words' key), or null when it can; `reversedAlready`: a reversal (any status) exists. */
export function reversalProblem(entry: Entry, reversedAlready: boolean): string | null {
  if (isReversal(entry)) return "Entries.errors.reversalNotReversed";
  if (entry.status !== "VERIFIED") return "Entries.errors.draftNotReversed";
  if (reversedAlready) return "Entries.errors.reversedAlready";
  return null;
}
