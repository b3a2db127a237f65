// An SP2D / SPJ number names one spending: a city records it once. Compared as PostgreSQL's
// generated column "BudgetRealisation"."referenceKey" compares it: trimmed, inner spaces as
// one, upper case. A reversal carries none, and an entry whose reversal is verified
// ("reversedAt") holds it no longer: its key is null, so the corrected entry may carry it.
import { createTranslator } from "next-intl";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import id from "@/messages/id";

const errors = createTranslator({ locale: "id", messages: id, namespace: "Budget.errors" });

/** The reference as the unique index compares it; null without one. */
export function referenceKey(referenceNo: string | null | undefined): string | null {
  const key = (referenceNo ?? "").trim().replace(/\s+/g, " ").toUpperCase();
  return key === "" ? null : key;
}

/** The refusal of a reference the city already has (words: Budget.errors.referenceTaken). */
export function referenceTaken(referenceNo: string): AppError {
  const message = errors("referenceTaken", { reference: referenceNo.trim() });
  return new AppError("NUMBER_TAKEN", message, { referenceNo: [message] });
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
