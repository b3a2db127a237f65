// The report's words in the reader's language (messages/<locale>/AnnualReport.json), made
// outside a request so the route, the job of a test and the page share them.
import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FundingSource, ProgrammeKind, TargetUnit } from "@/lib/generated/prisma/enums";

export function reportWords(locale: AppLocale) {
  const messages = catalogues[locale];
  const t = createTranslator({ locale, messages, namespace: "AnnualReport" });
  const programmes = createTranslator({ locale, messages, namespace: "Programmes" });
  return {
    locale,
    t,
    kind: (kind: string) => programmes(`kinds.${kind as ProgrammeKind}`),
    unit: (unit: TargetUnit) => programmes(`units.${unit}`),
    source: (source: FundingSource) => programmes(`sources.${source}`),
  };
}

export type ReportWords = ReturnType<typeof reportWords>;
export type ReportT = ReportWords["t"];
