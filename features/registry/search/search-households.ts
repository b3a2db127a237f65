// The registry search: filters, two sort orders and keyset pagination
// that costs the same on page 1 and page 20,000.
//
// - Keyset on (sort key, id), never OFFSET. The URL carries only the id of the row a page
//   starts after (or ends before); its sort key is read back from the database, so no
//   No. KK ever appears in a URL.
// - Households without a desil sort after all others, in both directions: the order is
//   split into segments (desil known, desil unknown), each walked with a row comparison
//   that an index on (tenantId, sort key, id) can answer.
// - The total is counted only up to REGISTRY_COUNT_CAP: "1.000+" beyond it.
// - Numbers (NIK, No. KK) are never searched from a URL (search/lookup-number.ts finds them
//   by POST), and every number in the result is masked.
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FamilyRelation, HouseholdStatus } from "@/lib/generated/prisma/enums";
import { maskNumber } from "@/lib/privacy/person-view";
import type { RegistryScope } from "@/lib/auth/scope";
import { casingVariants, escapeLike, isByteOrderCollation, nameMatches, normaliseNameQuery, prefixUpperBound } from "./name-match";
import { REGISTRY_COUNT_CAP, REGISTRY_PAGE_SIZE, type RegistryFilter } from "./schema";

export type RegistryRow = {
  id: string;
  noKkMasked: string;
  headName: string | null;
  memberCount: number;
  /** The member the name search found, when it was not the head. */
  match: { name: string; nikMasked: string } | null;
  address: string;
  rt: string | null;
  rw: string | null;
  kecamatan: string;
  kelurahan: string;
  desil: number | null;
  isExtremePoor: boolean;
  status: HouseholdStatus;
};

export type RegistryPage = {
  rows: RegistryRow[];
  /** Cursor of the next page (the last row's id), or null on the last page. */
  nextAfter: string | null;
  /** Cursor of the previous page (the first row's id), or null on the first page. */
  prevBefore: string | null;
  /** Matching households, counted up to the cap. */
  total: { count: number; capped: boolean };
  /** The cursor named a household that no longer exists (or is out of scope): page 1 shown. */
  cursorLost: boolean;
  /** A "contains" name search ran out of time: nothing shown, narrow the search. */
  tooSlow: boolean;
};

type Direction = "asc" | "desc";
type KeyRow = { id: string; desil: number | null; noKk: string };
type Segment = {
  where: Prisma.Sql;
  columns: Prisma.Sql[];
  holds: (row: KeyRow) => boolean;
  key: (row: KeyRow) => unknown[];
};

const ID = Prisma.raw(`h."id"`);

function segmentsFor(sort: RegistryFilter["sort"]): Segment[] {
  if (sort === "kk") {
    return [{ where: Prisma.sql`TRUE`, columns: [Prisma.raw(`h."noKk"`), ID], holds: () => true, key: (row) => [row.noKk, row.id] }];
  }
  return [
    {
      where: Prisma.sql`h."desil" IS NOT NULL`,
      columns: [Prisma.raw(`h."desil"`), ID],
      holds: (row) => row.desil !== null,
      key: (row) => [row.desil, row.id],
    },
    { where: Prisma.sql`h."desil" IS NULL`, columns: [ID], holds: (row) => row.desil === null, key: (row) => [row.id] },
  ];
}

export type SearchOptions = {
  tenantId: string;
  scope: RegistryScope;
  pageSize?: number;
  /** Count up to this many (default REGISTRY_COUNT_CAP). */
  countCap?: number;
  /** Time budget of a "contains" name search (default CONTAINS_BUDGET_MS). */
  containsBudgetMs?: number;
  /** Member rows that make a name fragment common (default NAME_HITS_LIMIT). */
  nameHitsLimit?: number;
};

/** One page of the scope's households matching the filter. */
export async function searchHouseholds(tx: Tx, filter: RegistryFilter, options: SearchOptions): Promise<RegistryPage> {
  const size = options.pageSize ?? REGISTRY_PAGE_SIZE;
  const empty: RegistryPage = { rows: [], nextAfter: null, prevBefore: null, total: { count: 0, capped: false }, cursorLost: false, tooSlow: false };
  const text = filter.text;
  if (options.scope.nothing || text.kind === "badNumber" || text.kind === "shortName" || text.kind === "numberNotHere") return empty;

  const { where, countWhere, commonName } = await filterSql(tx, filter, options);
  const segments = segmentsFor(filter.sort);

  const cursorId = filter.after ?? filter.before;
  const cursor = cursorId
    ? await tx.household.findFirst({
        where: { id: cursorId, ...(options.scope.kelurahanId ? { kelurahanId: options.scope.kelurahanId } : {}) },
        select: { id: true, desil: true, noKk: true },
      })
    : null;
  const backwards = Boolean(cursor && filter.before);

  const walk = async () => {
    const ids: string[] = [];
    const start = cursor ? segments.findIndex((segment) => segment.holds(cursor)) : 0;
    const order = backwards ? segments.slice(0, start + 1).reverse() : segments.slice(start);
    for (const [i, segment] of order.entries()) {
      if (ids.length > size) break;
      const after = i === 0 && cursor ? segment.key(cursor) : null;
      ids.push(...(await segmentIds(tx, where, segment, filter.dir, backwards, after, size + 1 - ids.length)));
    }
    const cap = options.countCap ?? REGISTRY_COUNT_CAP;
    // A common name fragment matches thousands of households: past the budget, "over the cap" is true.
    const total = commonName
      ? ((await withinTime(tx, COMMON_NAME_COUNT_BUDGET_MS, () => countCapped(tx, countWhere, cap))) ?? { count: cap, capped: true })
      : await countCapped(tx, countWhere, cap);
    return { ids, total };
  };
  // "Contains" uses the trigram index where pg_trgm is installed, and scans the city's
  // members where it is not; a text with few trigrams ("ani") still matches much of the
  // city. It gets a time budget; past it the page asks for a narrower search.
  const found = text.kind === "name" && text.match === "contains" ? await withinTime(tx, options.containsBudgetMs ?? CONTAINS_BUDGET_MS, walk) : await walk();
  if (!found) return { ...empty, tooSlow: true };
  const { ids, total } = found;
  const more = ids.length > size;
  const pageIds = more ? ids.slice(0, size) : ids;
  if (backwards) pageIds.reverse();

  const rows = await loadRows(tx, pageIds, text.kind === "name" ? text : null);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(cursor);
  return {
    rows,
    nextAfter: hasNext && rows.length > 0 ? rows.at(-1)!.id : null,
    prevBefore: hasPrev && rows.length > 0 ? rows[0]!.id : null,
    total,
    cursorLost: Boolean(cursorId) && !cursor,
    tooSlow: false,
  };
}

/** Milliseconds a "contains" name search may take before the page asks for a narrower one. */
export const CONTAINS_BUDGET_MS = 4000;

/** Milliseconds to count the matches of a common name fragment before answering "over the cap". */
const COMMON_NAME_COUNT_BUDGET_MS = 1000;

/**
 * Member rows a name search reads through the name function before it calls the fragment
 * common: past it, households are walked in page order and each checked by its members.
 */
export const NAME_HITS_LIMIT = 5000;

/**
 * Runs `fn` under a statement timeout inside a savepoint; null when it ran out of time.
 * The transaction stays usable either way.
 */
export async function withinTime<T>(tx: Tx, ms: number, fn: () => Promise<T>): Promise<T | null> {
  const previous = (await tx.$queryRaw<{ previous: string }[]>`SELECT current_setting('statement_timeout') AS previous`)[0]?.previous;
  await tx.$executeRaw`SAVEPOINT registry_search`;
  await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(ms)}, true)`;
  try {
    const result = await fn();
    await tx.$executeRaw`SELECT set_config('statement_timeout', ${previous ?? "0"}, true)`;
    await tx.$executeRaw`RELEASE SAVEPOINT registry_search`;
    return result;
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    // Rolling back to the savepoint also undoes the timeout set after it.
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT registry_search`;
    await tx.$executeRaw`RELEASE SAVEPOINT registry_search`;
    return null;
  }
}

function isStatementTimeout(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify(error, (_k, v) => (typeof v === "bigint" ? String(v) : v)) ?? ""}`;
  return text.includes("57014") || /statement timeout/i.test(text);
}

/** `where` walks households in page order; `countWhere`, the same set, is the cheaper way to count them. */
async function filterSql(tx: Tx, filter: RegistryFilter, options: SearchOptions): Promise<{ where: Prisma.Sql; countWhere: Prisma.Sql; commonName: boolean }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`h."tenantId" = ${options.tenantId}`];
  if (options.scope.kelurahanId) conditions.push(Prisma.sql`h."kelurahanId" = ${options.scope.kelurahanId}`);
  if (filter.kecamatan) conditions.push(Prisma.sql`h."kecamatanId" = ${filter.kecamatan}`);
  if (filter.kelurahan) conditions.push(Prisma.sql`h."kelurahanId" = ${filter.kelurahan}`);
  if (filter.desil !== undefined) conditions.push(Prisma.sql`h."desil" = ${filter.desil}`);
  if (filter.extreme) conditions.push(Prisma.sql`h."isExtremePoor" = ${filter.extreme === "1"}`);
  if (filter.status) conditions.push(Prisma.sql`h."status" = ${filter.status}::"HouseholdStatus"`);
  if (filter.text.kind !== "name") {
    const where = Prisma.join(conditions, " AND ");
    return { where, countWhere: where, commonName: false };
  }
  const name = await nameCondition(tx, options.tenantId, filter.text.text, filter.text.match, options.nameHitsLimit ?? NAME_HITS_LIMIT);
  return {
    where: Prisma.join([...conditions, name.sql], " AND "),
    countWhere: Prisma.join([...conditions, name.countSql ?? name.sql], " AND "),
    commonName: name.common,
  };
}

async function nameCondition(
  tx: Tx,
  tenantId: string,
  raw: string,
  match: "prefix" | "contains",
  hitsLimit: number,
): Promise<{ sql: Prisma.Sql; countSql?: Prisma.Sql; common: boolean }> {
  const text = normaliseNameQuery(raw);
  if (match === "prefix" && (await byteOrderCollation(tx))) {
    // In byte order a range [p, next(p)) is exactly "starts with p": the (tenantId, name)
    // index answers it under RLS, and the planner estimates the matches well.
    const variants = casingVariants(text);
    // One range per casing, each read from the (tenantId, name, householdId) index alone: an
    // OR of ranges is a bitmap scan, which reads a heap page per member before any LIMIT.
    const named = Prisma.join(
      variants.map(
        (variant) =>
          Prisma.sql`SELECT m."householdId" FROM "Member" m WHERE m."tenantId" = ${tenantId} AND m."name" >= ${variant} AND m."name" < ${prefixUpperBound(variant)}`,
      ),
      " UNION ALL ",
    );
    const hits = await tx.$queryRaw<{ id: string }[]>`SELECT named."householdId" AS id FROM (${named}) AS named LIMIT ${hitsLimit + 1}`;
    if (hits.length <= hitsLimit) return { sql: householdsIn(hits), common: false };
    // A common first name ("Wati": tens of thousands of members in a city of a million
    // households): a page walks households in its order, each checked by its own members;
    // the count gathers the households from the index.
    const ranges = variants.map((variant) => Prisma.sql`(m."name" >= ${variant} AND m."name" < ${prefixUpperBound(variant)})`);
    return { sql: checkedByOwnMembers(Prisma.sql`(${Prisma.join(ranges, " OR ")})`), countSql: Prisma.sql`h."id" IN (${named})`, common: true };
  }
  // ILIKE cannot use an index under RLS; the function runs it as the owner, on the trigram
  // index where pg_trgm is installed, for the scope's own tenant only (see its migrations).
  const pattern = match === "prefix" ? `${escapeLike(text)}%` : `%${escapeLike(text)}%`;
  const hits = await tx.$queryRaw<{ id: string }[]>`SELECT entas_member_households_named(${tenantId}, ${pattern}, ${hitsLimit + 1}::int) AS id`;
  if (hits.length <= hitsLimit) return { sql: householdsIn(hits), common: false };
  // So common that households in page order find their matches quickly, each by its own
  // members through the (tenantId, householdId) index.
  return { sql: checkedByOwnMembers(Prisma.sql`m."name" ILIKE ${pattern}`), common: true };
}

/**
 * Households walked in page order, each checked by its own members (alias m) through the
 * (tenantId, householdId) index. OFFSET 0 keeps the planner from turning the check into a join
 * driven from the members' side: misled by statistics of a database holding several cities, it
 * gathered all 41,561 members named "Wati…" and sorted their households (1.5 s) where the walk
 * reads about a thousand households (12 ms).
 */
export function checkedByOwnMembers(condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Member" m WHERE m."tenantId" = h."tenantId" AND m."householdId" = h."id" AND ${condition} OFFSET 0)`;
}

function householdsIn(hits: { id: string }[]): Prisma.Sql {
  const households = [...new Set(hits.map((hit) => hit.id))];
  return households.length ? Prisma.sql`h."id" IN (${Prisma.join(households)})` : Prisma.sql`FALSE`;
}

// The database's collation does not change while the process runs.
let collationIsByteOrder: Promise<boolean> | undefined;
function byteOrderCollation(tx: Tx): Promise<boolean> {
  collationIsByteOrder ??= tx.$queryRaw<{ collation: string }[]>`SELECT datcollate AS collation FROM pg_database WHERE datname = current_database()`
    .then((rows) => isByteOrderCollation(rows[0]?.collation))
    .catch(() => false);
  return collationIsByteOrder;
}

async function segmentIds(
  tx: Tx,
  where: Prisma.Sql,
  segment: Segment,
  dir: Direction,
  backwards: boolean,
  after: unknown[] | null,
  limit: number,
): Promise<string[]> {
  // Walking backwards reads the same order reversed.
  const ascending = (dir === "asc") !== backwards;
  const columns = Prisma.join(segment.columns, ", ");
  const comparison = after ? Prisma.sql`AND (${columns}) ${Prisma.raw(ascending ? ">" : "<")} (${Prisma.join(after)})` : Prisma.empty;
  const orderBy = Prisma.join(
    segment.columns.map((column) => Prisma.sql`${column} ${Prisma.raw(ascending ? "ASC" : "DESC")}`),
    ", ",
  );
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT h."id" FROM "Household" h
    WHERE ${where} AND ${segment.where} ${comparison}
    ORDER BY ${orderBy}
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

async function countCapped(tx: Tx, where: Prisma.Sql, cap: number): Promise<{ count: number; capped: boolean }> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Household" h WHERE ${where} LIMIT ${cap + 1}) AS capped`;
  const n = rows[0]?.n ?? 0;
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

const HEAD_FIRST: Record<FamilyRelation, number> = {
  HEAD: 0,
  SPOUSE: 1,
  CHILD: 2,
  CHILD_IN_LAW: 3,
  GRANDCHILD: 4,
  PARENT: 5,
  PARENT_IN_LAW: 6,
  OTHER_RELATIVE: 7,
  HOUSEHOLD_HELPER: 8,
  OTHER: 9,
};

/** Household rows (numbers masked, head named) for ids, in their order; also used by "who to reach next". */
export async function loadRows(tx: Tx, ids: string[], nameQuery: { text: string; match: "prefix" | "contains" } | null): Promise<RegistryRow[]> {
  if (ids.length === 0) return [];
  const [found, kelurahanLabel] = await Promise.all([householdsOfRows(tx, ids), loadKelurahanLabel(tx)]);
  const byId = new Map(found.map((household) => [household.id, household]));
  return ids.flatMap((id) => {
    const household = byId.get(id);
    if (!household) return [];
    return [rowOf(household, kelurahanLabel(household.kelurahanId), nameQuery)];
  });
}

function householdsOfRows(tx: Tx, ids: string[]) {
  return tx.household.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      noKk: true,
      address: true,
      rt: true,
      rw: true,
      desil: true,
      isExtremePoor: true,
      status: true,
      kecamatan: { select: { name: true } },
      kelurahanId: true,
      members: { select: { name: true, nik: true, relation: true, birthDate: true } },
    },
  });
}

function rowOf(
  household: Awaited<ReturnType<typeof householdsOfRows>>[number],
  kelurahan: string,
  nameQuery: { text: string; match: "prefix" | "contains" } | null,
): RegistryRow {
  const members = [...household.members].sort((a, b) => HEAD_FIRST[a.relation] - HEAD_FIRST[b.relation] || a.birthDate.getTime() - b.birthDate.getTime());
  const head = members[0] ?? null;
  let match: RegistryRow["match"] = null;
  if (nameQuery) {
    const member = members.find((one) => nameMatches(one.name, normaliseNameQuery(nameQuery.text), nameQuery.match));
    if (member && member !== head) match = { name: member.name, nikMasked: maskNumber(member.nik) };
  }
  return {
    id: household.id,
    noKkMasked: maskNumber(household.noKk),
    headName: head?.name ?? null,
    memberCount: members.length,
    match,
    address: household.address,
    rt: household.rt,
    rw: household.rw,
    kecamatan: household.kecamatan.name,
    kelurahan,
    desil: household.desil,
    isExtremePoor: household.isExtremePoor,
    status: household.status,
  };
}

/**
 * "The member's name starts with …" as a condition on `m` (a Member row), for pickers that
 * list people rather than households. In byte order the (tenantId, name) index answers it.
 */
export async function memberNameStartsWith(tx: Tx, raw: string): Promise<Prisma.Sql> {
  const text = normaliseNameQuery(raw);
  if (!(await byteOrderCollation(tx))) return Prisma.sql`m."name" ILIKE ${`${escapeLike(text)}%`}`;
  const ranges = casingVariants(text).map((variant) => Prisma.sql`(m."name" >= ${variant} AND m."name" < ${prefixUpperBound(variant)})`);
  return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
}
