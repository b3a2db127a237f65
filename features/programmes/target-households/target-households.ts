// "Who to reach next": the city's active households that no programme of
// any OPD has reached in a fiscal year (lib/reach) — extreme-poor first, then by desil
// (unknown desil last), paged by key.
//
// The order is walked as four segments (extreme with desil, extreme without, others with,
// others without), each through an index on (tenantId, [area,] isExtremePoor, desil, id) with
// a row comparison, so page 1 and page 20,000 cost the same. Candidates are read in batches
// and the reached ones among them looked up by household id: an anti-join in one statement
// was fast only while the planner had fresh statistics.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadRows, type RegistryRow } from "@/features/registry/search/search-households";
import { reachedAmong } from "@/lib/reach/reached";
import type { TargetHouseholdsFilter } from "@/features/programmes/target-households/schema";

export const REACH_NEXT_PAGE_SIZE = 50;
const BATCH = 500;

type Key = { id: string; isExtremePoor: boolean; desil: number | null };
type Segment = { extreme: boolean; withDesil: boolean };

const SEGMENTS: Segment[] = [
  { extreme: true, withDesil: true },
  { extreme: true, withDesil: false },
  { extreme: false, withDesil: true },
  { extreme: false, withDesil: false },
];

const segmentOf = (key: Key) => SEGMENTS.findIndex((s) => s.extreme === key.isExtremePoor && s.withDesil === (key.desil !== null));

function areaWhere(tenantId: string, filter: TargetHouseholdsFilter): Prisma.Sql {
  const conditions = [Prisma.sql`h."tenantId" = ${tenantId}`, Prisma.sql`h."status" = 'ACTIVE'`];
  if (filter.kecamatan) conditions.push(Prisma.sql`h."kecamatanId" = ${filter.kecamatan}`);
  if (filter.kelurahan) conditions.push(Prisma.sql`h."kelurahanId" = ${filter.kelurahan}`);
  return Prisma.join(conditions, " AND ");
}

async function candidates(tx: Tx, where: Prisma.Sql, segment: Segment, after: Key | null, limit: number): Promise<Key[]> {
  const desil = segment.withDesil ? Prisma.sql`h."desil" IS NOT NULL` : Prisma.sql`h."desil" IS NULL`;
  const keyset = !after
    ? Prisma.empty
    : segment.withDesil
      ? Prisma.sql`AND (h."desil", h."id") > (${after.desil}, ${after.id})`
      : Prisma.sql`AND h."id" > ${after.id}`;
  const order = segment.withDesil ? Prisma.sql`h."desil", h."id"` : Prisma.sql`h."id"`;
  return tx.$queryRaw<Key[]>`
    SELECT h."id", h."isExtremePoor", h."desil" FROM "Household" h
    WHERE ${where} AND h."isExtremePoor" = ${segment.extreme} AND ${desil} ${keyset}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

export type TargetHouseholdsPage = {
  rows: RegistryRow[];
  nextAfter: string | null;
  /** Households in the filter not yet reached: all of them, not only this page's. */
  total: number;
  /** The cursor named a household that no longer exists: page 1 shown. */
  cursorLost: boolean;
};

export type TargetHouseholdsOptions = { tenantId: string; fiscalYear: number; pageSize?: number; withCount?: boolean };

/** The ids of the next `size` (+1, to know whether more follow) unreached households after the cursor. */
async function nextUnreached(tx: Tx, where: Prisma.Sql, fiscalYear: number, cursor: Key | null, want: number): Promise<string[]> {
  const found: string[] = [];
  const start = cursor ? segmentOf(cursor) : 0;
  for (const [i, segment] of SEGMENTS.slice(start).entries()) {
    let after = i === 0 ? cursor : null;
    while (found.length < want) {
      const batch = await candidates(tx, where, segment, after, BATCH);
      if (batch.length === 0) break;
      const reached = await reachedAmong(
        tx,
        batch.map((row) => row.id),
        fiscalYear,
      );
      for (const row of batch) if (!reached.has(row.id) && found.length < want) found.push(row.id);
      if (batch.length < BATCH) break;
      after = batch.at(-1)!;
    }
    if (found.length >= want) break;
  }
  return found;
}

/** One page of the households to reach next. */
export async function targetHouseholdsPage(tx: Tx, filter: TargetHouseholdsFilter, options: TargetHouseholdsOptions): Promise<TargetHouseholdsPage> {
  const size = options.pageSize ?? REACH_NEXT_PAGE_SIZE;
  const where = areaWhere(options.tenantId, filter);
  const cursor = filter.after ? await tx.household.findFirst({ where: { id: filter.after }, select: { id: true, isExtremePoor: true, desil: true } }) : null;
  const ids = await nextUnreached(tx, where, options.fiscalYear, cursor, size + 1);
  const more = ids.length > size;
  const pageIds = more ? ids.slice(0, size) : ids;
  const [rows, total] = await Promise.all([
    loadRows(tx, pageIds, null),
    options.withCount === false ? Promise.resolve(0) : countNotReached(tx, options.tenantId, filter, options.fiscalYear),
  ]);
  return { rows, nextAfter: more && rows.length > 0 ? rows.at(-1)!.id : null, total, cursorLost: Boolean(filter.after) && !cursor };
}

/**
 * Unreached households of the filter, exactly: the active households of its area less those
 * reached in the year, both from the summaries the triggers keep (HouseholdAreaCount,
 * ReachAreaCount, each by the household's current area and status), never a scan of the registry.
 */
async function countNotReached(tx: Tx, tenantId: string, filter: TargetHouseholdsFilter, fiscalYear: number): Promise<number> {
  const area = [
    filter.kecamatan ? Prisma.sql`AND c."kecamatanId" = ${filter.kecamatan}` : Prisma.empty,
    filter.kelurahan ? Prisma.sql`AND c."kelurahanId" = ${filter.kelurahan}` : Prisma.empty,
  ];
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT (SELECT coalesce(sum(c.households), 0) FROM "HouseholdAreaCount" c WHERE c."tenantId" = ${tenantId} AND c.status = 'ACTIVE' ${area[0]} ${area[1]})
         - (SELECT coalesce(sum(c.households), 0) FROM "ReachAreaCount" c
             WHERE c."tenantId" = ${tenantId} AND c."fiscalYear" = ${fiscalYear} AND c.active ${area[0]} ${area[1]}) AS n`;
  return Number(row?.n ?? 0);
}
