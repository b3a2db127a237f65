import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { redactRecord } from "@/lib/privacy/redact";

export type AuditEntry = {
  tenantId: string | null;
  userId?: string | null;
  /** What happened, e.g. "create", "update", "delete", "export", "auth.sign_in_failed". */
  action: string;
  /** The model or thing acted on, e.g. "Household". */
  entity: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
  ip?: string | null;
};

/**
 * Writes one audit row in the caller's transaction, so it lands with the change or not at all.
 * Returns the row's id, for records that point at it (an export's disclosures).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<bigint> {
  const row = await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      userId: entry.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: auditJson(entry.entity, entry.before),
      after: auditJson(entry.entity, entry.after),
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** The fields that differ between two versions of a record: only those are audited. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before, after };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((key) => !sameValue(before[key], after[key]));
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(jsonSafe(a)) === JSON.stringify(jsonSafe(b));
}

/**
 * A record of `entity` as an audit row's `before` or `after` holds it: serialised (see
 * jsonSafe), then with its personal data redacted (lib/privacy/redact.ts); nothing stays nothing.
 */
export function auditJson(entity: string, value: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | undefined {
  return value ? (redactRecord(entity, jsonSafe(value) as Record<string, unknown>) as Prisma.InputJsonValue) : undefined;
}

/**
 * The one serialiser of audited values: BigInt money and Decimal figures become strings,
 * dates ISO strings; undefined is left out of a record and null in a list, as in JSON.
 */
function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : jsonSafe(item)));
  if (value && typeof value === "object") {
    if ("toFixed" in value && typeof (value as { toString: unknown }).toString === "function") return String(value);
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, jsonSafe(item)]),
    );
  }
  return value;
}
