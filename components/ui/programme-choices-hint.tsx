import { getTranslations } from "next-intl/server";
import { PROGRAMME_CHOICES_LIMIT, type ProgrammeChoicesCut } from "@/lib/paging/capped-choices";

/** What a capped programme select (lib/paging/capped-choices.ts) tells its reader, or null when it lists every programme. */
export async function programmeChoicesHint(cut: ProgrammeChoicesCut | undefined): Promise<string | null> {
  if (!cut) return null;
  const t = await getTranslations("Lists.programmeChoices");
  return cut === "chooseOpd" ? t("chooseOpd") : t("opdFirst", { shown: PROGRAMME_CHOICES_LIMIT });
}
