// The audit log as .xlsx/.csv for its readers (the auditor, the city admin who also reads
// named people), with the page's filters (?user=&entity=&action=&from=&to=), newest first, in
// words: entities and fields by name, ids as the names the reader may see. Each export is
// itself an entry of the log (entity "AuditLog").
import { userCan } from "@/lib/auth/permissions";
import { catalogues } from "@/lib/i18n/catalogues";
import type { ExportSpec } from "@/lib/spreadsheet/export";
import { listAuditEntries, parseAuditSearchParams } from "./queries";
import { auditNames } from "./references";
import { auditValueText, fieldLabel, formatAuditTime, namedChanges } from "./ui/audit-format";

export type AuditExportRow = {
  id: string;
  time: string;
  user: string;
  action: string;
  entity: string;
  entityId: string | null;
  entityName: string | null;
  changes: string;
};

const words = catalogues.id.Audit;

function label(group: Record<string, unknown>, key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), group);
  return typeof value === "string" ? value : key;
}

export const auditExport: ExportSpec<AuditExportRow> = {
  page: "audit",
  also: "audit:read",
  // Entries hold staff names and masked numbers of registry people.
  lists: "people",
  entity: "AuditLog",
  fileName: "log-audit",
  pageSize: 500,
  batch: async (tx, { user, search, after, take }) => {
    const filter = parseAuditSearchParams(Object.fromEntries(search));
    const { timeZone } = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { timeZone: true } });
    const page = await listAuditEntries(tx, { ...filter, after: undefined, before: after ?? undefined }, { timeZone, pageSize: take });
    const names = await auditNames(tx, page.rows, { personal: userCan(user, "registry:read-personal") });
    const valueOptions = {
      locale: "id" as const,
      timeZone,
      yes: words.values.true,
      no: words.values.false,
      empty: words.values.empty,
      redacted: words.values.redacted,
    };
    const value = (raw: unknown, name: string | undefined) => name ?? auditValueText(raw, valueOptions).full ?? auditValueText(raw, valueOptions).text;
    return page.rows.map((row) => ({
      id: row.id,
      time: formatAuditTime(row.createdAt, "id", timeZone),
      user: row.actor.kind === "user" ? row.actor.name : row.actor.kind === "outside" ? words.platformUser : words.system,
      action: label(words.actions, row.action),
      entity: label(words.entities, row.entity),
      entityId: row.entityId,
      entityName: names.entity(row.entity, row.entityId) ?? null,
      changes: namedChanges(row.before, row.after, (field, id) => names.of(field, id, row.entity))
        .map((change) => {
          const name = fieldLabel(change.field, words.fields);
          const after = value(change.after, change.afterName);
          if (row.before && row.after) return `${name}: ${value(change.before, change.beforeName)} → ${after}`;
          return `${name}: ${row.after ? after : value(change.before, change.beforeName)}`;
        })
        .join("; "),
    }));
  },
  cursor: (row) => row.id,
  columns: [
    { header: "WAKTU", value: (row) => row.time },
    { header: "PENGGUNA", value: (row) => row.user },
    { header: "TINDAKAN", value: (row) => row.action },
    { header: "DATA", value: (row) => row.entity },
    { header: "NAMA", value: (row) => row.entityName },
    { header: "ID", type: "text", value: (row) => row.entityId },
    { header: "PERUBAHAN", value: (row) => row.changes },
  ],
};
