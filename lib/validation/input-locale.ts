// The language a request's input is read in (the interface language, its cookie): "1.500" is
// fifteen hundred in Indonesian and one and a half in English. The pipeline sets it around the
// parse; a schema's transform asks for it, since zod hands a transform no context of its own.
import { AsyncLocalStorage } from "node:async_hooks";
import { type AppLocale, defaultLocale, localeFromCookie } from "@/lib/i18n/locales";

const inputLocale = new AsyncLocalStorage<AppLocale>();

/** Runs `read` with the input read in the request's language. */
export function readingInputIn<T>(locale: string | null | undefined, read: () => T): T {
  return inputLocale.run(localeFromCookie(locale ?? undefined), read);
}

/** The language the input being parsed is read in; Indonesian outside a request (imports, tests). */
export function currentInputLocale(): AppLocale {
  return inputLocale.getStore() ?? defaultLocale;
}
