// The words of an error code that means the same wherever it is raised, in the user's
// language (messages/<locale>/Error.json, "codes"). Other codes keep their own message.
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
