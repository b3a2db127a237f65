// The report's words in a given locale, for its tables and files (the pages use next-intl's own).
import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";

export function quarterlyReportWords(locale: AppLocale) {
  return {
    t: createTranslator({ locale, messages: catalogues[locale], namespace: "QuarterlyReport" }),
    programmes: createTranslator({ locale, messages: catalogues[locale], namespace: "Programmes" }),
  };
}

export type QuarterlyReportWords = ReturnType<typeof quarterlyReportWords>;
