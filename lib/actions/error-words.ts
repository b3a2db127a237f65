// The words of an error code that means the same wherever it is raised, in the user's
// language (messages/<locale>/Error.json, "codes"). Other codes keep their own message.
import { createTranslator } from "next-intl";
import type { AppError, ErrorWords, WordsParam } from "@/lib/errors";
import { catalogues } from "@/lib/i18n/catalogues";
import { localeFromCookie } from "@/lib/i18n/locales";

export function errorCodeWords(code: string, locale: string | null | undefined): string | undefined {
  const codes: Partial<Record<string, string>> = catalogues[localeFromCookie(locale ?? undefined)].Error.codes;
  return codes[code];
}

/** The message beside a field whose id, number or code holds characters that cannot be stored. */
export function badCharactersFieldWords(locale: string | null | undefined): string {
  return catalogues[localeFromCookie(locale ?? undefined)].Error.badCharactersField;
}

/** An error that names its catalogue key (AppError.words), in the user's language. */
export function errorWordsIn(words: ErrorWords, locale: string | null | undefined): string {
  const t = translatorOf(localeFromCookie(locale ?? undefined));
  const params = Object.fromEntries(Object.entries(words.params).map(([name, value]) => [name, typeof value === "object" ? paramWords(t, value) : value]));
  return t(words.key, params);
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

// One translator per language for the process: a translator keeps the message formats it has
// parsed, and every action answers with words (its success message at least).
const translators = new Map<string, Translate>();

function translatorOf(language: ReturnType<typeof localeFromCookie>): Translate {
  let t = translators.get(language);
  if (!t) {
    t = createTranslator({ locale: language, messages: catalogues[language] }) as unknown as Translate;
    translators.set(language, t);
  }
  return t;
}

function paramWords(t: (key: string) => string, param: WordsParam): string {
  const words = t(param.words);
  return param.capital ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

// A message that names its words instead of holding them (wordsMessage in lib/errors/worded.ts):
// "Namespace.key" or "Namespace.key {json params}".
const WORDS_MESSAGE = /^([A-Z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)(?: (\{.*\}))?$/s;

/** The catalogue words a message names, or undefined for a message written out in words. */
export function wordsOfMessage(message: string): ErrorWords | undefined {
  const match = WORDS_MESSAGE.exec(message);
  if (!match) return undefined;
  const key = match[1]!;
  const known = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues.id);
  return typeof known === "string" ? { key, params: match[2] ? (JSON.parse(match[2]) as ErrorWords["params"]) : {} } : undefined;
}

/** A field's or zod issue's message in the user's language: its catalogue words, or the message as written. */
export function messageWordsIn(message: string, locale: string | null | undefined): string {
  const words = wordsOfMessage(message);
  return words ? errorWordsIn(words, locale) : message;
}

/** A form's field messages in the user's language. */
export function fieldWordsIn(fieldErrors: Record<string, string[]>, locale: string | null | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((message) => messageWordsIn(message, locale))]));
}

/** An action's success message (its key in the Success namespace), in the user's language. */
export function successWordsIn(key: string | undefined, locale: string | null | undefined): string | undefined {
  return key ? errorWordsIn({ key, params: {} }, locale) : undefined;
}

/** What an AppError says to the user, in their language: its catalogue words, its code's, or its own message. */
export function appErrorWordsIn(error: AppError, locale: string | null | undefined): string {
  return error.words ? errorWordsIn(error.words, locale) : (errorCodeWords(error.code, locale) ?? error.userMessage);
}
