// A receipt number is recorded once per loan. Compared as PostgreSQL's generated column
// "Repayment"."receiptKey" compares it: trimmed, inner spaces as one, upper case.
import type { AppError } from "@/lib/errors";
import { wordedFieldError } from "@/lib/errors/worded";

/** The receipt number as the unique index compares it; null without one. */
export function receiptKey(receiptNo: string | null | undefined): string | null {
  const key = (receiptNo ?? "").trim().replace(/\s+/g, " ").toUpperCase();
  return key === "" ? null : key;
}

/** The refusal of a receipt number the loan already has (words: RevolvingFunds.errors.receiptTaken). */
export function receiptTaken(): AppError {
  return wordedFieldError("NUMBER_TAKEN", "receiptNo", "RevolvingFunds.errors.receiptTaken");
}
