import { errorWordsIn } from "@/lib/actions/error-words";
import { AppError, type AppErrorCode, type ErrorWords } from "./index";
import { wordsMessage } from "./words-message";

// Client code and schemas import these from ./words-message, which loads no catalogue.
export { wordsMessage, wordsParam } from "./words-message";

/**
 * An AppError whose words are in the catalogues (messages/<locale>/*.json): its message is the
 * Indonesian words, and the pipeline says the key in the user's language.
 */
export function wordedError(code: AppErrorCode, key: string, params: ErrorWords["params"] = {}, fieldErrors?: Record<string, string[]>): AppError {
  const words = { key, params };
  return new AppError(code, errorWordsIn(words, "id"), fieldErrors, words);
}

/** A refusal of one field: its words beside the field and as the form's message. */
export function wordedFieldError(code: AppErrorCode, field: string, key: string, params: ErrorWords["params"] = {}): AppError {
  const words = { key, params };
  return new AppError(code, errorWordsIn(words, "id"), { [field]: [wordsMessage(key, params)] }, words);
}
