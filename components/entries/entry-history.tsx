import { getLocale, getTranslations } from "next-intl/server";
import type { EntryEvent } from "@/lib/entries/history";
import { formatDateShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** An entry's history, oldest first: entered, returned with the head's note, resubmitted, verified. */
export async function EntryHistory({ events, timeZone }: { events: readonly EntryEvent[]; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations("Entries.history"), getLocale() as Promise<AppLocale>]);
  return (
    <section aria-label={t("title")} className="mt-4">
      <h3 className="text-sm font-semibold text-ink">{t("title")}</h3>
      {events.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm">
          {events.map((event) => (
            <li key={event.id}>
              <span className="text-muted">{formatDateShort(event.at, { locale, timeZone })}</span> · <span className="font-medium">{t(event.kind)}</span>
              {event.userName ? ` ${t("by", { name: event.userName })}` : null}
              {event.note ? <span className="block pl-4 text-ink">“{event.note}”</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
