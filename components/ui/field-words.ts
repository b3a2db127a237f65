"use client";

import { useLocale } from "next-intl";
import { isAppLocale, type AppLocale } from "@/lib/i18n/locales";
import en from "@/messages/en/Fields.json" with { type: "json" };
import id from "@/messages/id/Fields.json" with { type: "json" };

// Every form page has its own NextIntlClientProvider holding only its namespaces: the shared
// fields carry their one small namespace themselves, so no page has to pass it on.
const words: Record<AppLocale, typeof id> = { id, en };

/** The date and file fields' words in the interface's language. */
export function useFieldWords(): typeof id {
  const locale = useLocale();
  return words[isAppLocale(locale) ? locale : "id"];
}
