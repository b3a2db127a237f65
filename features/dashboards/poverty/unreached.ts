// The unreached extreme-poor households as a work list: active extreme-poor households that no
// programme (of the chosen OPD / programme) reached in the fiscal year, with their total, paged
// on screen, exported whole and printed per kelurahan as a visiting list for the musyawarah
// kelurahan. The dashboard's filters (year, kecamatan, OPD, programme) plus a kelurahan and a
// desil, all ids and numbers in the URL, never a name or a number of a person.
//
// The lists read Household through an index leading with tenantId (…, isExtremePoor, desil, id)
// and look each household up in the trigger-kept reach of the year (HouseholdYearReach, one
// row per household: its primary key); the total is a difference of two count summaries
// (active extreme-poor households less those reached), never an anti-join over the registry.
import { loadKelurahanLabels } from "@/features/areas/labels";
import type { DashboardFilters } from "@/features/dashboards/filters";
import type { PageRequirement } from "@/lib/auth/gate";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { reachCounts } from "@/features/dashboards/poverty/reach-summaries";
import { reachWhere } from "@/lib/reach/reached";
import { firstParam, searchParam, type SearchParamValue } from "@/lib/validation/search-params";
import { KEY_CURSOR_PARAMS } from "@/lib/paging/key-page";
import { z } from "@/lib/validation/zod";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/**
 * Who may see the named list, take its file and print it: the dashboard's readers who may read
 * personal data. Everyone else sees the count only, and "not found" for the file and the print.
 */
export const unreachedListRequirement = { page: "povertyDashboard", also: "registry:read-personal", people: true } as const satisfies PageRequirement;

/** The list's own filters beside the dashboard's: `?kelurahan=<id>&desil=1..10` (0: no desil recorded). */
const listSchema = z.object({
  kelurahan: searchParam(z.string().regex(/^[a-z0-9]{8,40}$/i)),
  desil: searchParam(z.coerce.number().int().min(0).max(10)),
});

export type UnreachedListFilter = { kelurahanId: string | null; desil: number | null };

export function parseUnreachedListFilter(params: Record<string, SearchParamValue>): UnreachedListFilter {
  const parsed = listSchema.parse(params);
  return { kelurahanId: parsed.kelurahan ?? null, desil: parsed.desil ?? null };
}

/** The list's filters as URL parameters, for links that keep them. */
export function unreachedListQuery(filter: UnreachedListFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.kelurahanId) query.kelurahan = filter.kelurahanId;
  if (filter.desil !== null) query.desil = String(filter.desil);
  return query;
}

export type UnreachedHousehold = {
  householdId: string;
  noKk: string;
  headName: string | null;
  kelurahanId: string;
  kelurahan: string;
  address: string;
  rt: string | null;
  rw: string | null;
  desil: number | null;
  members: number;
};

/**
 * "No reach row of the filters names household h": one primary-key probe of the household's
 * year row, whose OPD and programme lists answer a single OPD or programme; both at once need
 * the pair on one reach row, so they probe HouseholdReach. Reach rows carry the household's
 * current area, so the kecamatan is tested on h alone.
 */
function notReachedSql(filters: DashboardFilters): Prisma.Sql {
  if (filters.opdId && filters.programmeId) {
    return Prisma.sql`NOT EXISTS (SELECT 1 FROM "HouseholdReach" r WHERE ${reachWhere({ ...filters, kecamatanId: null })} AND r."householdId" = h.id)`;
  }
  const parts = [Prisma.sql`y."tenantId" = ${scopeTenantId()}`, Prisma.sql`y."fiscalYear" = ${filters.year}`, Prisma.sql`y."householdId" = h.id`];
  if (filters.opdId) parts.push(Prisma.sql`${filters.opdId}::text = ANY (y."opdIds")`);
  if (filters.programmeId) parts.push(Prisma.sql`${filters.programmeId}::text = ANY (y."programmeIds")`);
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "HouseholdYearReach" y WHERE ${Prisma.join(parts, " AND ")})`;
}

function unreachedWhere(filters: DashboardFilters, list: Partial<UnreachedListFilter>): Prisma.Sql {
  const parts = [Prisma.sql`h."tenantId" = ${scopeTenantId()}`, Prisma.sql`h."isExtremePoor"`, Prisma.sql`h.status = 'ACTIVE'`];
  if (filters.kecamatanId) parts.push(Prisma.sql`h."kecamatanId" = ${filters.kecamatanId}`);
  if (list.kelurahanId) parts.push(Prisma.sql`h."kelurahanId" = ${list.kelurahanId}`);
  if (list.desil === 0) parts.push(Prisma.sql`h.desil IS NULL`);
  else if (list.desil) parts.push(Prisma.sql`h.desil = ${list.desil}`);
  parts.push(notReachedSql(filters));
  return Prisma.join(parts, " AND ");
}

/** The list's own filters on a count summary (alias `c`; desil 0 there: none recorded). */
function listCountsWhere(list: Partial<UnreachedListFilter>): Prisma.Sql {
  const parts = [Prisma.sql`c."isExtremePoor"`];
  if (list.kelurahanId) parts.push(Prisma.sql`c."kelurahanId" = ${list.kelurahanId}`);
  if (list.desil != null) parts.push(Prisma.sql`c.desil = ${list.desil}`);
  return Prisma.join(parts, " AND ");
}

/**
 * How many households the list holds under these filters: the total shown above it. The active
 * extreme-poor households (HouseholdAreaCount) less those reached (the reach count summary of
 * the filters, or HouseholdReach itself for an OPD and a programme at once, a narrow slice);
 * both summaries carry each household's current area, desil and flags, as the list reads them.
 */
export async function unreachedCount(tx: Tx, filters: DashboardFilters, list: Partial<UnreachedListFilter> = {}): Promise<number> {
  const counts = reachCounts(filters);
  const reached = counts
    ? Prisma.sql`SELECT coalesce(sum(c.households), 0)::int FROM ${counts.from} WHERE ${counts.where} AND c.active AND ${listCountsWhere(list)}`
    : Prisma.sql`SELECT count(DISTINCT c."householdId")::int FROM "HouseholdReach" c
          WHERE ${reachWhere(filters, "c")} AND c.active AND c."isExtremePoor"
            ${list.kelurahanId ? Prisma.sql`AND c."kelurahanId" = ${list.kelurahanId}` : Prisma.empty}
            ${list.desil != null ? Prisma.sql`AND coalesce(c.desil, 0) = ${list.desil}` : Prisma.empty}`;
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT (SELECT coalesce(sum(c.households), 0)::int FROM "HouseholdAreaCount" c
             WHERE c."tenantId" = ${scopeTenantId()} AND c.status = 'ACTIVE' AND ${listCountsWhere(list)}
               ${filters.kecamatanId ? Prisma.sql`AND c."kecamatanId" = ${filters.kecamatanId}` : Prisma.empty})
         - (${reached}) AS n`;
  return row?.n ?? 0;
}

const COLUMNS = Prisma.sql`
  h.id AS "householdId", h."noKk", h."kelurahanId", l.name AS kelurahan, h.address, h.rt, h.rw, h.desil,
  (SELECT m.name FROM "Member" m WHERE m."tenantId" = h."tenantId" AND m."householdId" = h.id AND m.relation = 'HEAD' LIMIT 1) AS "headName",
  (SELECT count(*)::int FROM "Member" m WHERE m."tenantId" = h."tenantId" AND m."householdId" = h.id) AS members`;

async function withLabels(tx: Tx, rows: UnreachedHousehold[]): Promise<UnreachedHousehold[]> {
  if (rows.length === 0) return rows;
  const labels = await loadKelurahanLabels(tx);
  return rows.map((row) => ({ ...row, kelurahan: labels.get(row.kelurahanId) ?? row.kelurahan }));
}

/** A page of the list starts after (or ends before) a row's key (unreachedCursor), never at an offset. */
export type UnreachedPageOptions = Partial<UnreachedListFilter> & { limit?: number; after?: string | null; before?: string | null };

/** The key of a row: "<desil or empty>:<household id>", in the list's order (desil NULLS LAST, id). */
export const unreachedCursor = (row: Pick<UnreachedHousehold, "desil" | "householdId">) => `${row.desil ?? ""}:${row.householdId}`;

const CURSOR = /^(\d{0,2}):([a-z0-9]{1,40})$/i;

/** A key from the URL, or null when it is no key of the list. */
export function parseUnreachedCursor(value: string | null | undefined): string | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match) return null;
  return match[1] && Number(match[1]) > 10 ? null : value!;
}

/** The page's key as the URL asks it (`setelah` / `sebelum`, as lib/paging/key-page names them); `after` wins. */
export function unreachedCursorOf(query: Record<string, SearchParamValue>): { after?: string; before?: string } {
  const after = parseUnreachedCursor(firstParam(query[KEY_CURSOR_PARAMS.after]));
  if (after) return { after };
  const before = parseUnreachedCursor(firstParam(query[KEY_CURSOR_PARAMS.before]));
  return before ? { before } : {};
}

function keyParts(key: string): { desil: number | null; id: string } {
  const [, desil, id] = CURSOR.exec(key)!;
  return { desil: desil ? Number(desil) : null, id: id! };
}

function afterKey(after: string | null | undefined): Prisma.Sql {
  const key = parseUnreachedCursor(after);
  if (!key) return Prisma.empty;
  const { desil, id } = keyParts(key);
  if (desil === null) return Prisma.sql`AND h.desil IS NULL AND h.id > ${id}`;
  return Prisma.sql`AND (h.desil > ${desil} OR (h.desil = ${desil} AND h.id > ${id}) OR h.desil IS NULL)`;
}

function beforeKey(before: string): Prisma.Sql {
  const { desil, id } = keyParts(before);
  if (desil === null) return Prisma.sql`AND (h.desil IS NOT NULL OR h.id < ${id})`;
  return Prisma.sql`AND (h.desil < ${desil} OR (h.desil = ${desil} AND h.id < ${id}))`;
}

/** One screen page of the list and the keys of its neighbours (null: none that way). */
export type UnreachedPage = { rows: UnreachedHousehold[]; nextAfter: string | null; prevBefore: string | null };

/**
 * One screen page of the list, poorest first (no desil last), found from the key of the row it
 * follows or precedes: page 5,000 costs what page 1 does. A key whose household was reached
 * meanwhile still marks a place in the order, so no row repeats or vanishes between pages.
 */
export async function unreachedPage(tx: Tx, filters: DashboardFilters, options: UnreachedPageOptions = {}): Promise<UnreachedPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const after = parseUnreachedCursor(options.after);
  const before = after ? null : parseUnreachedCursor(options.before);
  const found = await tx.$queryRaw<UnreachedHousehold[]>`
    SELECT ${COLUMNS}
      FROM "Household" h
      JOIN "Area" l ON l."tenantId" = h."tenantId" AND l.id = h."kelurahanId"
     WHERE ${unreachedWhere(filters, options)} ${before ? beforeKey(before) : afterKey(after)}
     ORDER BY ${before ? Prisma.sql`h.desil DESC NULLS FIRST, h.id DESC` : Prisma.sql`h.desil NULLS LAST, h.id`}
     LIMIT ${limit + 1}`;
  const more = found.length > limit;
  const rows = found.slice(0, limit);
  if (before) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: await withLabels(tx, rows),
    nextAfter: (before ? rows.length > 0 : more) && last ? unreachedCursor(last) : null,
    prevBefore: (before ? more : Boolean(after)) && first ? unreachedCursor(first) : null,
  };
}

/** A batch of the list after a key (unreachedCursor), for the export: a page 500 costs what page 1 does. */
export async function unreachedBatch(
  tx: Tx,
  filters: DashboardFilters,
  list: Partial<UnreachedListFilter>,
  after: string | null,
  take: number,
): Promise<UnreachedHousehold[]> {
  const rows = await tx.$queryRaw<UnreachedHousehold[]>`
    SELECT ${COLUMNS}
      FROM "Household" h
      JOIN "Area" l ON l."tenantId" = h."tenantId" AND l.id = h."kelurahanId"
     WHERE ${unreachedWhere(filters, list)} ${afterKey(after)}
     ORDER BY h.desil NULLS LAST, h.id
     LIMIT ${take}`;
  return withLabels(tx, rows);
}

/** A printed visiting list holds at most this many households; the page says when more are left out. */
export const VISITING_LIST_MAX = 5000;

/**
 * One kelurahan's unreached households as the visiting list for its musyawarah: by RW, RT and
 * address, so a cadre walks the streets in order; at most VISITING_LIST_MAX rows.
 */
export async function visitingList(tx: Tx, filters: DashboardFilters, list: UnreachedListFilter & { kelurahanId: string }): Promise<UnreachedHousehold[]> {
  const rows = await tx.$queryRaw<UnreachedHousehold[]>`
    SELECT ${COLUMNS}
      FROM "Household" h
      JOIN "Area" l ON l."tenantId" = h."tenantId" AND l.id = h."kelurahanId"
     WHERE ${unreachedWhere(filters, list)}
     ORDER BY lpad(coalesce(h.rw, ''), 4, '0'), lpad(coalesce(h.rt, ''), 4, '0'), h.address, h.id
     LIMIT ${VISITING_LIST_MAX}`;
  return withLabels(tx, rows);
}
