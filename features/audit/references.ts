// The names behind the ids an audit entry holds: "opdId c5cub…" reads "OPD: Dinas Sosial".
// Only names the reader may see: OPDs, areas, programmes, budget lines, trainings and the
// city's users to every reader of the log; a household's head and a member's name only to
// readers of personal data (registry:read-personal). Everything else keeps its id.
import type { Tx } from "@/lib/db";

type Kind = "Opd" | "Area" | "Programme" | "BudgetLine" | "Training" | "User" | "Household" | "Member";

const PERSONAL: ReadonlySet<Kind> = new Set(["Household", "Member"]);

/** The table a field's id points into, by the field's name, wherever it appears. */
const FIELD_KINDS: Readonly<Record<string, Kind>> = {
  opdId: "Opd",
  areaId: "Area",
  kecamatanId: "Area",
  kelurahanId: "Area",
  programmeId: "Programme",
  budgetLineId: "BudgetLine",
  trainingId: "Training",
  userId: "User",
  approvedById: "User",
  createdById: "User",
  decidedById: "User",
  overrideById: "User",
  proposedById: "User",
  recordedById: "User",
  resolvedById: "User",
  returnedById: "User",
  verifiedById: "User",
  householdId: "Household",
  memberId: "Member",
};

/** Fields whose meaning depends on their entity: an area's parent is an area. */
const ENTITY_FIELD_KINDS: Readonly<Record<string, Readonly<Record<string, Kind>>>> = { Area: { parentId: "Area" } };

const ENTITY_KINDS = new Set<string>(["Opd", "Area", "Programme", "BudgetLine", "Training", "User", "Household", "Member"]);

/** Entries about something other than a table, whose id is a record of one: a kelurahan's printed list. */
const ENTITY_ID_KINDS: Readonly<Record<string, Kind>> = { UnreachedHouseholds: "Area" };

const entityKind = (entity: string): Kind | null => (ENTITY_KINDS.has(entity) ? (entity as Kind) : (ENTITY_ID_KINDS[entity] ?? null));

/** The table `field` of an `entity`'s record points into, or null for a field that holds no id. */
export function referenceKind(field: string, entity?: string): Kind | null {
  return (entity ? ENTITY_FIELD_KINDS[entity]?.[field] : undefined) ?? FIELD_KINDS[field] ?? null;
}

export type AuditNames = {
  /** The name behind a field's id, if the reader may see it. */
  of: (field: string, id: unknown, entity?: string) => string | undefined;
  /** The name of the record an entry is about. */
  entity: (entity: string, id: string | null) => string | undefined;
};

type Entry = { entity: string; entityId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** The names behind every id of these entries that the reader may see, read once per table. */
export async function auditNames(tx: Tx, entries: readonly Entry[], options: { personal: boolean }): Promise<AuditNames> {
  const may = (kind: Kind) => options.personal || !PERSONAL.has(kind);
  const wanted = new Map<Kind, Set<string>>();
  const want = (kind: Kind | null, id: unknown) => {
    if (!kind || !may(kind) || typeof id !== "string" || id.length === 0 || id.length > 64) return;
    const ids = wanted.get(kind) ?? new Set<string>();
    wanted.set(kind, ids.add(id));
  };
  for (const entry of entries) {
    want(entityKind(entry.entity), entry.entityId);
    for (const record of [entry.before, entry.after]) {
      for (const [field, value] of Object.entries(record ?? {})) want(referenceKind(field, entry.entity), value);
    }
  }
  const names = new Map<string, string>();
  const put = (kind: Kind, rows: { id: string; name: string | null }[]) => {
    for (const row of rows) if (row.name) names.set(`${kind}:${row.id}`, row.name);
  };
  const ids = (kind: Kind) => [...(wanted.get(kind) ?? [])];
  await Promise.all([
    ids("Opd").length && tx.opd.findMany({ where: { id: { in: ids("Opd") } }, select: { id: true, name: true } }).then((rows) => put("Opd", rows)),
    ids("Area").length && tx.area.findMany({ where: { id: { in: ids("Area") } }, select: { id: true, name: true } }).then((rows) => put("Area", rows)),
    ids("Programme").length &&
      tx.programme.findMany({ where: { id: { in: ids("Programme") } }, select: { id: true, name: true } }).then((rows) => put("Programme", rows)),
    ids("BudgetLine").length &&
      tx.budgetLine.findMany({ where: { id: { in: ids("BudgetLine") } }, select: { id: true, description: true } }).then((rows) =>
        put(
          "BudgetLine",
          rows.map((row) => ({ id: row.id, name: row.description })),
        ),
      ),
    ids("Training").length &&
      tx.training.findMany({ where: { id: { in: ids("Training") } }, select: { id: true, skill: true } }).then((rows) =>
        put(
          "Training",
          rows.map((row) => ({ id: row.id, name: row.skill })),
        ),
      ),
    ids("User").length && tx.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true } }).then((rows) => put("User", rows)),
    ids("Member").length && tx.member.findMany({ where: { id: { in: ids("Member") } }, select: { id: true, name: true } }).then((rows) => put("Member", rows)),
    ids("Household").length &&
      tx.member.findMany({ where: { householdId: { in: ids("Household") }, relation: "HEAD" }, select: { householdId: true, name: true } }).then((rows) =>
        put(
          "Household",
          rows.map((row) => ({ id: row.householdId, name: row.name })),
        ),
      ),
  ]);
  const named = (kind: Kind | null, id: unknown) => (kind && may(kind) && typeof id === "string" ? names.get(`${kind}:${id}`) : undefined);
  return {
    of: (field, id, entity) => named(referenceKind(field, entity), id),
    entity: (entity, id) => named(entityKind(entity), id),
  };
}
