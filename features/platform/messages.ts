import type { ErrorWords } from "@/lib/errors";
import { wordsMessage } from "@/lib/errors/words-message";
import type id from "@/messages/id";

/**
 * The platform's validation messages as their catalogue words (Platform.errors), which the
 * action pipeline says in the user's language.
 */
export function platformErrors(key: keyof typeof id.Platform.errors, params: ErrorWords["params"] = {}): string {
  return wordsMessage(`Platform.errors.${key}`, params);
}
