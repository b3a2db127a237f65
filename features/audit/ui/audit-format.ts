import type { AppLocale } from "@/lib/i18n/locales";
import { formatDateShort, formatMoment } from "@/lib/format";
import { REDACTED } from "@/lib/privacy/personal-data";

/**
 * A moment in the tenant's zone, to the second (the page names the zone): "24 Nov 2026,
 * 01.26.43", or its date ("24 Nov 2026") or time ("01.26.43") alone.
 */
export function formatAuditTime(value: Date, locale: AppLocale, timeZone: string, part: "date" | "time" | "both" = "both"): string {
  return formatMoment(value, { locale, timeZone, part });
}

/** The catalogue key of a zone's name (WIB, WITA, WIT), by IANA zone. */
export function zoneKey(timeZone: string): "wib" | "wita" | "wit" {
  if (timeZone === "Asia/Makassar") return "wita";
  if (timeZone === "Asia/Jayapura") return "wit";
  return "wib";
}

/** Fields that say nothing to a reader of the trail: the tenant (always this one) and bookkeeping stamps. */
const NOISE = new Set(["tenantId", "updatedAt"]);
/** Also left out of a created or deleted record's summary: its id is in its own column. */
const RECORD_NOISE = new Set(["id", "createdAt"]);

export type FieldChange = { field: string; before: unknown; after: unknown };

/**
 * The fields an entry changed, in a stable order: for an update the changed fields, for
 * a create or delete the record's non-empty fields.
 */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const whole = !before || !after;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((field) => !NOISE.has(field) && !(whole && RECORD_NOISE.has(field)))
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
    .filter((change) => !whole || (change.before ?? change.after) != null);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const MAX_VALUE_LENGTH = 60;

/** One value as short text; `full` when it had to be cut. */
export function auditValueText(
  value: unknown,
  options: { locale: AppLocale; timeZone: string; yes: string; no: string; empty: string; redacted: string },
): { text: string; full?: string } {
  if (value === null || value === undefined || value === "") return { text: options.empty };
  if (value === REDACTED) return { text: options.redacted };
  if (typeof value === "boolean") return { text: value ? options.yes : options.no };
  if (typeof value === "string" && ISO_INSTANT.test(value)) {
    // Date-only columns are stored as UTC midnight: show the day itself, as every table does.
    if (value.includes("T00:00:00")) return { text: formatDateShort(new Date(value), { locale: options.locale, timeZone: "UTC" }) };
    return { text: formatAuditTime(new Date(value), options.locale, options.timeZone) };
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? { text: `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`, full: text } : { text };
}

/** A field's name in the reader's words (the catalogue's Audit.fields); a field it does not know shows as recorded. */
export function fieldLabel(field: string, labels: Readonly<Record<string, string>>): string {
  return Object.hasOwn(labels, field) ? labels[field]! : field;
}

/** A changed field with the names behind its ids, where the reader may see them. */
export type NamedChange = FieldChange & { beforeName?: string; afterName?: string };

/** The fields an entry changed (fieldChanges), each id resolved through `nameOf`. */
export function namedChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  nameOf: (field: string, id: unknown) => string | undefined,
): NamedChange[] {
  return fieldChanges(before, after).map((change) => ({
    ...change,
    beforeName: nameOf(change.field, change.before),
    afterName: nameOf(change.field, change.after),
  }));
}
