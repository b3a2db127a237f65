import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Cell, HeaderCell, Row, Table, TableBody, TableHead } from "@/components/ui/table";
import type { AuditEntryRow } from "@/features/audit/queries";
import type { AuditNames } from "@/features/audit/references";
import { AuditChanges } from "./audit-changes";
import { formatAuditTime } from "./audit-format";
import { actionLabel, entityLabel } from "./audit-labels";

const ACTION_TONE: Record<string, string> = {
  create: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  update: "bg-brand-50 text-brand-900 ring-brand-200",
  delete: "bg-red-50 text-red-900 ring-red-200",
};

/** One page of the trail; times in the tenant's zone. */
export async function AuditTable({ rows, timeZone, names }: { rows: AuditEntryRow[]; timeZone: string; names: AuditNames }) {
  const [t, locale, labelOfAction, labelOfEntity] = await Promise.all([getTranslations("Audit"), getLocale(), actionLabel(), entityLabel()]);
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-line bg-white p-6 text-muted">{t("empty")}</p>;
  }
  return (
    <Card>
      <Table label={t("table.label")}>
        {/* The changes get what the other columns leave: at 1366 px about 420 px. */}
        <colgroup>
          <col className="w-32" />
          <col className="w-44" />
          <col className="w-28" />
          <col className="w-34" />
          <col className="w-38" />
          <col />
        </colgroup>
        <TableHead>
          <tr>
            <HeaderCell>{t("table.time")}</HeaderCell>
            <HeaderCell>{t("table.user")}</HeaderCell>
            <HeaderCell>{t("table.action")}</HeaderCell>
            <HeaderCell>{t("table.entity")}</HeaderCell>
            <HeaderCell>{t("table.entityId")}</HeaderCell>
            <HeaderCell>{t("table.changes")}</HeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <Row key={row.id}>
              <Cell className="align-top whitespace-nowrap tabular-nums">
                <time dateTime={row.createdAt.toISOString()} className="flex flex-col">
                  <span>{formatAuditTime(row.createdAt, locale, timeZone, "date")}</span>
                  <span className="text-muted">{formatAuditTime(row.createdAt, locale, timeZone, "time")}</span>
                </time>
              </Cell>
              <Cell className="align-top">
                {row.actor.kind === "user" ? (
                  row.actor.name
                ) : (
                  <span className="text-muted">{row.actor.kind === "outside" ? t("platformUser") : t("system")}</span>
                )}
              </Cell>
              <Cell className="align-top">
                <span
                  className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
                    ACTION_TONE[row.action] ?? "bg-accent-50 text-accent-700 ring-accent-100"
                  }`}
                >
                  {labelOfAction(row.action)}
                </span>
              </Cell>
              <Cell className="align-top">{labelOfEntity(row.entity)}</Cell>
              <Cell className="align-top text-sm break-words">
                {names.entity(row.entity, row.entityId) ? <span className="block">{names.entity(row.entity, row.entityId)}</span> : null}
                <span className="font-mono text-xs break-all text-muted">{row.entityId ?? "–"}</span>
              </Cell>
              <Cell className="align-top">
                <AuditChanges entity={row.entity} before={row.before} after={row.after} timeZone={timeZone} names={names} />
              </Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
