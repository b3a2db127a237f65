import { getLocale, getTranslations } from "next-intl/server";
import { auditValueText, fieldChanges, type FieldChange } from "./audit-format";

/** How many changed fields show before the rest fold away. */
const SHOWN = 3;

/** The fields an entry changed, compact: "name: old → new", the rest behind a disclosure. */
export async function AuditChanges({
  before,
  after,
  timeZone,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  timeZone: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("Audit"), getLocale()]);
  const changes = fieldChanges(before, after);
  if (changes.length === 0) return <span className="text-muted">{t("changes.none")}</span>;

  const options = { locale, timeZone, yes: t("values.true"), no: t("values.false"), empty: t("values.empty"), redacted: t("values.redacted") };
  const value = (raw: unknown, className: string) => {
    const { text, full } = auditValueText(raw, options);
    return (
      <span className={className} title={full}>
        {text}
      </span>
    );
  };
  const item = (change: FieldChange) => (
    <li key={change.field} className="break-words">
      <span className="font-mono text-xs text-muted">{change.field}</span>{" "}
      {before && after ? (
        <>
          {value(change.before, "text-red-900 line-through decoration-red-300")}
          <span aria-hidden="true" className="px-1 text-muted">
            →
          </span>
          <span className="sr-only"> {t("changes.becomes")} </span>
          {value(change.after, "text-ink")}
        </>
      ) : (
        value(change.after ?? change.before, after ? "text-ink" : "text-red-900 line-through decoration-red-300")
      )}
    </li>
  );

  const rest = changes.slice(SHOWN);
  return (
    <div className="text-sm">
      <ul className="space-y-0.5">{changes.slice(0, SHOWN).map(item)}</ul>
      {rest.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">{t("changes.more", { count: rest.length })}</summary>
          <ul className="mt-1 space-y-0.5">{rest.map(item)}</ul>
        </details>
      ) : null}
    </div>
  );
}
