// Messages that name their catalogue words (see lib/errors/worded.ts). This module loads no
// catalogue, so schemas and cell readers that client components import may use it.
import type { ErrorWords, WordsParam } from "./index";

/**
 * A message that names its catalogue words rather than holding them: a schema's zod message
 * (`ctx.addIssue({ code: "custom", message: wordsMessage("Validation.nik.format") })`) or a field error. The pipeline says it in
 * the user's language (messageWordsIn); params travel as JSON after the key.
 */
export function wordsMessage(key: string, params: ErrorWords["params"] = {}): string {
  return Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key;
}

/** A param of wordsMessage that names catalogue words (a field's name): `wordsMessage("Validation.form.choose", { what: wordsParam("Validation.labels.programme") })`. */
export function wordsParam(key: string, capital = false): WordsParam {
  return capital ? { words: key, capital } : { words: key };
}
