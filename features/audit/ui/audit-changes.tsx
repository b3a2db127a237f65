import { getLocale, getTranslations } from "next-intl/server";
import type { AuditNames } from "@/features/audit/references";
import { auditValueText, namedChanges, type NamedChange } from "./audit-format";
import { fieldLabels } from "./audit-labels";

/** How many changed fields show before the rest fold away. */
const SHOWN = 3;

/**
 * The fields an entry changed, compact: "OPD: Dinas Sosial → Disnaker", the rest behind a
 * disclosure. Fields by their name in the reader's language, ids by the names they may see.
 */
export async function AuditChanges({
  entity,
  before,
  after,
  timeZone,
  names,
}: {
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  timeZone: string;
  names: AuditNames;
}) {
  const [t, locale, labelOfField] = await Promise.all([getTranslations("Audit"), getLocale(), fieldLabels()]);
  const changes = namedChanges(before, after, (field, id) => names.of(field, id, entity));
  if (changes.length === 0) return <span className="text-muted">{t("changes.none")}</span>;

  const options = { locale, timeZone, yes: t("values.true"), no: t("values.false"), empty: t("values.empty"), redacted: t("values.redacted") };
  const value = (raw: unknown, name: string | undefined, className: string) => {
    const { text, full } = auditValueText(raw, options);
    return (
      <span className={className} title={name ? String(raw) : full}>
        {name ?? text}
      </span>
    );
  };
  const item = (change: NamedChange) => (
    <li key={change.field} className="break-words">
      <span className="text-xs font-medium text-muted">{labelOfField(change.field)}:</span>{" "}
      {before && after ? (
        <>
          {value(change.before, change.beforeName, "text-red-900 line-through decoration-red-300")}
          <span aria-hidden="true" className="px-1 text-muted">
            →
          </span>
          <span className="sr-only"> {t("changes.becomes")} </span>
          {value(change.after, change.afterName, "text-ink")}
        </>
      ) : (
        value(
          change.after ?? change.before,
          change.after != null ? change.afterName : change.beforeName,
          after ? "text-ink" : "text-red-900 line-through decoration-red-300",
        )
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
