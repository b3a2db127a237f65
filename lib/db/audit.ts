import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { redactRecord } from "@/lib/privacy/redact";

export type AuditEntry = {
  /** The scope's tenant: a city's event goes to its AuditLog, null (the platform's) to PlatformEvent. */
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

/** An audit row as stored, its values already serialised and redacted (auditJson). */
export type AuditRow = Omit<AuditEntry, "tenantId" | "before" | "after"> & {
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * What writing rows needs of a transaction client: its two audit tables. Spelled out rather than
 * taken from Tx, whose scope (tenant-scope.ts) audits through this module.
 */
export type AuditTables = {
  auditLog: { createMany(args: { data: (AuditRow & { tenantId: string })[] }): PromiseLike<unknown> };
  platformEvent: { createMany(args: { data: AuditRow[] }): PromiseLike<unknown> };
};

// Where audit rows go, decided here alone by the scope's tenant: a city's to its AuditLog, keyed
// by the city as every city-owned table; the platform's (the platform admin, a sign-in to no
// account, the platform's purge) to PlatformEvent, which only a platform scope reads.

/** Writes rows already serialised (auditJson) for the scope's tenant, in the caller's transaction. */
export async function recordAuditRows(tx: AuditTables, tenantId: string | null, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (tenantId) await tx.auditLog.createMany({ data: rows.map((row) => ({ ...row, tenantId })) });
  else await tx.platformEvent.createMany({ data: [...rows] });
}

/**
 * Writes one audit row in the caller's transaction, so it lands with the change or not at all.
 * Returns the row's id, for records that point at it (an export's disclosures).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<bigint> {
  const { tenantId, ...event } = entry;
  const row = {
    userId: event.userId ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: auditJson(event.entity, event.before),
    after: auditJson(event.entity, event.after),
    requestId: event.requestId ?? null,
    ip: event.ip ?? null,
  };
  const select = { id: true } as const;
  const created = tenantId ? await tx.auditLog.create({ data: { ...row, tenantId }, select }) : await tx.platformEvent.create({ data: row, select });
  return created.id;
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
