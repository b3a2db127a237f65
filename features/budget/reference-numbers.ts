// An SP2D / SPJ number names one spending: a city records it once. Compared as PostgreSQL's
// generated column "BudgetRealisation"."referenceKey" compares it: trimmed, inner spaces as
// one, upper case. A reversal carries none, and an entry whose reversal is verified
// ("reversedAt") holds it no longer: its key is null, so the corrected entry may carry it.
import type { Tx } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { wordedFieldError } from "@/lib/errors/worded";

/** The reference as the unique index compares it; null without one. */
export function referenceKey(referenceNo: string | null | undefined): string | null {
  const key = (referenceNo ?? "").trim().replace(/\s+/g, " ").toUpperCase();
  return key === "" ? null : key;
}

/** The refusal of a reference the city already has (words: Budget.errors.referenceTaken). */
export function referenceTaken(referenceNo: string): AppError {
  return wordedFieldError("NUMBER_TAKEN", "referenceNo", "Budget.errors.referenceTaken", { reference: referenceNo.trim() });
}

/**
 * Refuses a reference another entry of the city already carries. The unique index holds it
 * for writers at the same moment; this check gives the refusal its words.
 */
export async function assertReferenceFree(tx: Tx, referenceNo: string, exceptId?: string): Promise<void> {
  const key = referenceKey(referenceNo);
  if (!key) return;
  const taken = await tx.budgetRealisation.count({ where: { referenceKey: key, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (taken > 0) throw referenceTaken(referenceNo);
}
