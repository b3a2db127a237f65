import { errorWordsIn } from "@/lib/actions/error-words";
import { AppError, type AppErrorCode, type ErrorWords } from "./index";

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

/**
 * A message that names its catalogue words rather than holding them: a schema's zod message
 * (`ctx.addIssue({ code: "custom", message: wordsMessage("Validation.nik.format") })`) or a field error. The pipeline says it in
 * the user's language (messageWordsIn); params travel as JSON after the key.
 */
export function wordsMessage(key: string, params: ErrorWords["params"] = {}): string {
  return Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key;
}
