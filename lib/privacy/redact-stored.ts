// Audit rows written before redaction existed may still hold full numbers and names. This
// rewrites them as the audit writer would write them today; a row already redacted comes out
// unchanged, so it can run again at no harm. `npm run audit:redact` runs it for every city and
// for the platform's own events.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { redactRecord } from "./redact";

const BATCH = 1000;

type StoredRow = { id: bigint; entity: string; before: Prisma.JsonValue; after: Prisma.JsonValue };

function redacted(entity: string, value: Prisma.JsonValue): Prisma.JsonValue {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return redactRecord(entity, value as Record<string, unknown>) as Prisma.JsonValue;
}

type StoredRows = {
  page(after: bigint): Promise<StoredRow[]>;
  rewrite(id: bigint, data: { before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue }): Promise<unknown>;
};

const select = { id: true, entity: true, before: true, after: true } as const;

/** The scope's audit rows: a city's log, or the platform's events. */
function storedRows(tx: Tx, tenantId: string | null): StoredRows {
  if (!tenantId) {
    return {
      page: (after) => tx.platformEvent.findMany({ where: { id: { gt: after } }, select, orderBy: { id: "asc" }, take: BATCH }),
      rewrite: (id, data) => tx.platformEvent.update({ where: { id }, data }),
    };
  }
  return {
    page: (after) => tx.auditLog.findMany({ where: { tenantId, id: { gt: after } }, select, orderBy: { id: "asc" }, take: BATCH }),
    rewrite: (id, data) => tx.auditLog.update({ where: { tenantId_id: { tenantId, id } }, data }),
  };
}

/** Rewrites the scope's audit rows (a city's log, or the platform's events with `tenantId` null); returns how many changed. */
export async function redactStoredAuditRows(tx: Tx, tenantId: string | null): Promise<number> {
  const stored = storedRows(tx, tenantId);
  let rewritten = 0;
  let after = -1n;
  for (;;) {
    const rows = await stored.page(after);
    for (const row of rows) {
      const before = redacted(row.entity, row.before);
      const afterValue = redacted(row.entity, row.after);
      if (JSON.stringify(before) === JSON.stringify(row.before) && JSON.stringify(afterValue) === JSON.stringify(row.after)) continue;
      await stored.rewrite(row.id, {
        before: (before ?? undefined) as Prisma.InputJsonValue | undefined,
        after: (afterValue ?? undefined) as Prisma.InputJsonValue | undefined,
      });
      rewritten += 1;
    }
    if (rows.length < BATCH) return rewritten;
    after = rows[rows.length - 1]!.id;
  }
}
