import { messageWordsIn } from "@/lib/actions/error-words";

/** A row's or a cell's result with its refusal said in Indonesian, as the import's report says it. */
export function inIndonesian<R extends { ok: boolean }>(result: R): R {
  if (result.ok) return result;
  const refusal = result as unknown as { reasons?: unknown; reason?: unknown };
  if (Array.isArray(refusal.reasons)) return { ...result, reasons: refusal.reasons.map((reason: string) => messageWordsIn(reason, "id")) };
  if (typeof refusal.reason === "string") return { ...result, reason: messageWordsIn(refusal.reason, "id") };
  return result;
}
