import { getLocale, getTranslations } from "next-intl/server";
import { formatDateShort } from "@/lib/format";
import type { DesilChangeView, StatusEventView } from "@/features/registry/household/get-household";

type Translate = Awaited<ReturnType<typeof getTranslations<"Registry">>>;

function stateLabel(tr: Translate, status: string | null, extreme: boolean | null): string {
  if (status === null) return tr("history.unknown");
  const word = tr(`status.${status as "ACTIVE"}`);
  return extreme ? `${word} · ${tr("extreme")}` : word;
}

/** Status and extreme-poverty changes, newest first; nothing is ever overwritten. */
export async function StatusHistory({ events }: { events: StatusEventView[] }) {
  const [t, tr, locale] = await Promise.all([getTranslations("Household.history"), getTranslations("Registry"), getLocale()]);
  if (events.length === 0) return <p className="p-4 text-sm text-muted sm:p-5">{t("noStatus")}</p>;
  return (
    <ol className="divide-y divide-line">
      {events.map((event) => (
        <li key={event.id} className="px-4 py-3 text-sm sm:px-5">
          <p className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium text-ink">
              {stateLabel(tr, event.fromStatus, event.fromExtremePoor)} → {stateLabel(tr, event.toStatus, event.toExtremePoor)}
            </span>
            <time className="tabular-nums text-muted" dateTime={event.effectiveDate.toISOString().slice(0, 10)}>
              {formatDateShort(event.effectiveDate, { locale })}
            </time>
          </p>
          <p className="mt-0.5 text-ink">{event.reason}</p>
          <p className="mt-0.5 text-xs text-muted">
            {tr(`source.${event.source}`)}
            {event.basis ? ` · ${tr(`changeBasis.${event.basis}`)}` : ""}
            {event.decidedBy ? ` · ${t("decidedBy", { name: event.decidedBy })}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}

export async function DesilHistory({ changes }: { changes: DesilChangeView[] }) {
  const [t, tr, locale] = await Promise.all([getTranslations("Household.history"), getTranslations("Registry"), getLocale()]);
  if (changes.length === 0) return <p className="p-4 text-sm text-muted sm:p-5">{t("noDesil")}</p>;
  const desil = (value: number | null) => (value === null ? tr("desilUnknown") : tr("desilValue", { desil: value }));
  return (
    <ol className="divide-y divide-line">
      {changes.map((change) => (
        <li key={change.id} className="flex flex-wrap items-baseline justify-between gap-x-3 px-4 py-3 text-sm sm:px-5">
          <span>
            <span className="font-medium text-ink">
              {desil(change.fromDesil)} → {desil(change.toDesil)}
            </span>
            <span className="ml-2 text-xs text-muted">
              {tr(`source.${change.source}`)}
              {change.basis ? ` · ${tr(`changeBasis.${change.basis}`)}` : ""}
            </span>
          </span>
          <time className="tabular-nums text-muted" dateTime={change.effectiveDate.toISOString().slice(0, 10)}>
            {formatDateShort(change.effectiveDate, { locale })}
          </time>
        </li>
      ))}
    </ol>
  );
}
