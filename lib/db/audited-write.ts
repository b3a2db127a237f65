// Audits every write made through the scoped client on behalf of a user: one audit row per
// record created, updated or deleted, with the changed fields before and after (in the city's
// AuditLog, or a PlatformEvent outside any city: recordAuditRows decides). It runs inside the
// write's own transaction, so the trail and the change land together or not at all.
import { auditJson, changedFields, recordAuditRows, type AuditTables } from "@/lib/db/audit";

/** Who is acting: set by the server-action wrapper for the writes it makes. */
export type Actor = { userId: string | null; requestId?: string | null; ip?: string | null };

type Row = Record<string, unknown>;
type Delegate = {
  findMany(args: unknown): Promise<Row[]>;
  findUnique(args: unknown): Promise<Row | null>;
};
type AuditTx = Record<string, unknown> & AuditTables;

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);
/** Never copied into the audit trail. */
const SECRET_FIELDS = new Set(["passwordHash"]);
// A disclosure record belongs to its export's audit row: auditing it would only repeat that row.
// A job's row is the bookkeeping of work whose own writes are audited: auditing it would copy
// the uploaded file (its JobFileParts) and the import's report into the trail. A sign-in
// directory row repeats the User row, whose own write is audited.
const UNAUDITED_MODELS = new Set(["AuditLog", "PlatformEvent", "RateLimit", "PersonalDataDisclosure", "BackgroundJob", "JobFilePart", "SignInDirectory"]);

export function isAuditedWrite(model: string, operation: string): boolean {
  return WRITES.has(operation) && !UNAUDITED_MODELS.has(model);
}

/**
 * Runs one write and records it. `tx` is the scope's transaction client, used to read the
 * rows before they change; `query` runs the write itself.
 */
export async function auditedWrite(options: {
  tx: AuditTx;
  tenantId: string | null;
  actor: Actor;
  model: string;
  operation: string;
  args: Row;
  query: (args: Row) => Promise<unknown>;
}): Promise<unknown> {
  const { tx, model, operation, args, query } = options;
  const delegate = tx[model.charAt(0).toLowerCase() + model.slice(1)] as Delegate;
  const entries: { action: string; id: unknown; before: Row | null; after: Row | null }[] = [];
  let result: unknown;

  switch (operation) {
    case "create": {
      result = await query(args);
      entries.push({ action: "create", id: (result as Row).id, before: null, after: result as Row });
      break;
    }
    case "createMany":
    case "createManyAndReturn": {
      result = await query(args);
      const rows = operation === "createManyAndReturn" ? (result as Row[]) : ([] as Row[]).concat(args.data as Row);
      for (const row of rows) entries.push({ action: "create", id: row.id ?? null, before: null, after: row });
      break;
    }
    case "update":
    case "delete":
    case "upsert": {
      const before = await delegate.findUnique({ where: args.where });
      result = await query(args);
      const action = operation === "upsert" ? (before ? "update" : "create") : operation;
      const after = operation === "delete" ? null : (result as Row);
      entries.push({ action, id: (result as Row).id, before, after });
      break;
    }
    case "updateMany":
    case "updateManyAndReturn":
    case "deleteMany": {
      const before = await delegate.findMany({ where: args.where });
      result = await query(args);
      const ids = before.map((row) => row.id);
      const afterRows = operation === "deleteMany" ? [] : await delegate.findMany({ where: { id: { in: ids } } });
      const afterById = new Map(afterRows.map((row) => [row.id, row]));
      const action = operation === "deleteMany" ? "delete" : "update";
      for (const row of before) entries.push({ action, id: row.id, before: row, after: afterById.get(row.id) ?? null });
      break;
    }
    default:
      return query(args);
  }

  const data = entries
    .map((entry) => ({ ...entry, ...changedFields(withoutSecrets(entry.before), withoutSecrets(entry.after)) }))
    .filter((entry) => entry.action !== "update" || Object.keys(entry.after ?? {}).length > 0)
    .map((entry) => ({
      userId: options.actor.userId,
      action: entry.action,
      entity: model,
      entityId: entry.id == null ? null : String(entry.id),
      before: auditJson(model, entry.before),
      after: auditJson(model, entry.after),
      requestId: options.actor.requestId ?? null,
      ip: options.actor.ip ?? null,
    }));
  await recordAuditRows(tx, options.tenantId, data);
  return result;
}

function withoutSecrets(row: Row | null): Row | null {
  if (!row) return row;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_FIELDS.has(key)));
}
