// The audit page's reads: one city's trail, newest first, filtered by
// user, entity, action and date, paged by id so that page 1,000 costs what page 1 does.
import { addDays, dateToDay, dayToDate, startOfDay } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "@/lib/validation/zod";
import { searchParam } from "@/lib/validation/search-params";
import { userNames } from "@/features/users/queries";
import { INTERNAL_ENTITIES } from "./entities";

export const AUDIT_PAGE_SIZE = 50;

/** The actions the app records; the filter offers these (the trail may hold others later). */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "export",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.password_changed",
  "auth.password_change_failed",
  "retention.purge",
] as const;

export { AUDIT_ENTITIES } from "./entities";

const isoDate = z.iso.date();
const cursor = z.string().regex(/^\d{1,18}$/);

/**
 * The page's URL search parameters. Anything malformed is dropped rather than refused:
 * a hand-edited URL shows the unfiltered log instead of an error.
 */
export const auditSearchSchema = z
  .object({
    user: searchParam(z.string().regex(/^[\w-]{1,64}$/)),
    entity: searchParam(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/)),
    action: searchParam(z.string().regex(/^[a-z][a-z_.]{0,63}$/)),
    from: searchParam(isoDate),
    to: searchParam(isoDate),
    /** Older than this id (the next page). */
    before: searchParam(cursor),
    /** Newer than this id (the previous page). */
    after: searchParam(cursor),
  })
  .transform((filter) => {
    // Dates typed the wrong way round still mean the range between them.
    if (filter.from && filter.to && filter.from > filter.to) return { ...filter, from: filter.to, to: filter.from };
    return filter;
  });

export type AuditFilter = z.output<typeof auditSearchSchema>;

/** The filters (not the page) as a query string, for the export that keeps them. */
export function auditFilterQuery(filter: AuditFilter): string {
  const query = new URLSearchParams();
  for (const key of ["user", "entity", "action", "from", "to"] as const) if (filter[key]) query.set(key, filter[key]);
  return query.toString();
}

export function parseAuditSearchParams(params: Record<string, string | string[] | undefined>): AuditFilter {
  return auditSearchSchema.parse(params);
}

/** Who wrote an entry: a user of the city, someone outside it (the platform admin), or nobody. */
export type AuditActor = { kind: "user"; id: string; name: string } | { kind: "outside"; id: string } | { kind: "none" };

export type AuditEntryRow = {
  id: string;
  createdAt: Date;
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type AuditPage = {
  rows: AuditEntryRow[];
  /** Cursor for the next (older) page, or null on the last page. */
  olderThan: string | null;
  /** Cursor for the previous (newer) page, or null on the first page. */
  newerThan: string | null;
};

/**
 * One page of the scope's tenant's audit trail, newest first. Keyset pagination on the
 * id (monotonic with time): `before` gives the older page, `after` the newer one. Dates
 * are calendar days in the tenant's time zone, both ends included.
 */
export async function listAuditEntries(tx: Tx, filter: AuditFilter, options: { timeZone: string; pageSize?: number }): Promise<AuditPage> {
  const size = options.pageSize ?? AUDIT_PAGE_SIZE;
  const where = auditWhere(filter, options.timeZone);
  const goingBack = Boolean(filter.after) && !filter.before;
  const cursorId = goingBack ? { gt: BigInt(filter.after!) } : filter.before ? { lt: BigInt(filter.before) } : undefined;

  const found = await tx.auditLog.findMany({
    where: cursorId ? { AND: [where, { id: cursorId }] } : where,
    orderBy: { id: goingBack ? "asc" : "desc" },
    take: size + 1,
    select: { id: true, createdAt: true, userId: true, action: true, entity: true, entityId: true, before: true, after: true },
  });
  const more = found.length > size;
  const page = (more ? found.slice(0, size) : found).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  const first = page[0]?.id;
  const last = page.at(-1)?.id;
  // The side we came from has entries unless the cursor pointed past them; ask only then.
  const hasNewer = goingBack ? more : Boolean(filter.before) && first !== undefined && (await exists(tx, where, { gt: first }));
  const hasOlder = goingBack ? last !== undefined && (await exists(tx, where, { lt: last })) : more;

  const names = await userNames(
    tx,
    page.map((row) => row.userId),
  );
  return {
    rows: page.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      actor: !row.userId
        ? { kind: "none" }
        : names.has(row.userId)
          ? { kind: "user", id: row.userId, name: names.get(row.userId)! }
          : { kind: "outside", id: row.userId },
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: asRecord(row.before),
      after: asRecord(row.after),
    })),
    olderThan: hasOlder && last !== undefined ? last.toString() : null,
    newerThan: hasNewer && first !== undefined ? first.toString() : null,
  };
}

/** The city's users, for the user filter, by name. */
export async function listAuditUsers(tx: Tx): Promise<{ id: string; name: string; email: string }[]> {
  return tx.user.findMany({ select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] });
}

function auditWhere(filter: AuditFilter, timeZone: string): Prisma.AuditLogWhereInput {
  const createdAt: Prisma.DateTimeFilter<"AuditLog"> = {};
  if (filter.from) createdAt.gte = startOfDay(filter.from, timeZone);
  if (filter.to) createdAt.lt = startOfDay(nextDay(filter.to), timeZone);
  return {
    ...(filter.user ? { userId: filter.user } : {}),
    entity: filter.entity && !INTERNAL_ENTITIES.has(filter.entity) ? filter.entity : { notIn: [...INTERNAL_ENTITIES] },
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}

async function exists(tx: Tx, where: Prisma.AuditLogWhereInput, id: Prisma.BigIntFilter<"AuditLog">): Promise<boolean> {
  const row = await tx.auditLog.findFirst({ where: { AND: [where, { id }] }, select: { id: true } });
  return row !== null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function nextDay(day: string): string {
  return dateToDay(addDays(dayToDate(day), 1));
}
