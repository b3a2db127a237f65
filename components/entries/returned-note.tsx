import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatDateShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

type Returned = { status: "DRAFT" | "VERIFIED"; returnNote: string | null; returnedAt: Date | null; returnedByName?: string | null };

/** A head who verifies a returned draft instead of waiting for the fix settles it: the note is history then. */
const waiting = (entry: Returned) => entry.status === "DRAFT" && entry.returnNote !== null;

/** "Dikembalikan" beside a draft's status while the head's note waits for the clerk. */
export async function ReturnedBadge({ entry }: { entry: Returned }) {
  if (!waiting(entry)) return null;
  const t = await getTranslations("Entries");
  return <Badge tone="warning">{t("returned")}</Badge>;
}

/** The head's note on a returned draft, with who returned it and when. */
export async function ReturnedNote({ entry, timeZone }: { entry: Returned; timeZone: string }) {
  if (!waiting(entry) || entry.returnNote === null) return null;
  const [t, locale] = await Promise.all([getTranslations("Entries"), getLocale() as Promise<AppLocale>]);
  const date = entry.returnedAt ? formatDateShort(entry.returnedAt, { locale, timeZone }) : "–";
  return (
    <span className="block text-sm font-medium text-amber-900">
      {entry.returnedByName
        ? t("returnedNote", { name: entry.returnedByName, date, note: entry.returnNote })
        : t("returnedNoteAnonymous", { date, note: entry.returnNote })}
    </span>
  );
}
