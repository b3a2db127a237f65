// Finds suspected duplicates in a city's registry and records each pair
// once as an OPEN DuplicateCandidate; a pair already recorded (even dismissed) is left
// alone, so a dismissal sticks across scans.
//
// - NIK_IN_TWO_HOUSEHOLDS cannot arise inside the registry: Member has a unique index on
//   (tenantId, nik), so a NIK belongs to one household. It arises between the registry and
//   an incoming extract (a NIK listed under another No. KK); the import records those.
// - SIMILAR_PERSON: the same name (case and spacing ignored) and birth date under two
//   NIKs — a mistyped NIK.
// - SAME_ADDRESS_AND_HEAD: two households in one kelurahan at the same address and RT/RW
//   whose heads have the same name.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshStatistics } from "@/lib/db/refresh-statistics";

export const SCANNED_KINDS = ["SIMILAR_PERSON", "SAME_ADDRESS_AND_HEAD"] as const;
export type ScannedKind = (typeof SCANNED_KINDS)[number];

/** How long a scan's transaction may run: a city of a million households needs 10–20 s. */
export const DUPLICATE_SCAN_TIMEOUT_MS = 120_000;

/** New pairs recorded per scan at most; the next scan records more. */
const MAX_PAIRS_PER_SCAN = 5000;
/** Groups read per check at most (known pairs among them are skipped). */
const MAX_GROUPS = 50_000;
/** Members of one group compared at most (a very common name on one day). */
const MAX_GROUP = 10;

const normalised = (column: string) => Prisma.raw(`upper(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`);

// Each check is one grouping pass over the city's rows (no self-join), so its cost grows
// with the registry, not with the square of a group's size.
export async function scanDuplicates(tx: Tx, tenantId: string, kinds: readonly ScannedKind[]): Promise<Record<ScannedKind, number>> {
  const found: Record<ScannedKind, number> = { SIMILAR_PERSON: 0, SAME_ADDRESS_AND_HEAD: 0 };
  if (kinds.includes("SIMILAR_PERSON")) {
    const groups = await tx.$queryRaw<{ ids: string[]; name: string; birthDate: Date }[]>`
      SELECT (array_agg(m."id" ORDER BY m."id"))[1:${MAX_GROUP}] AS ids, min(m."name") AS name, m."birthDate" AS "birthDate"
      FROM "Member" m
      WHERE m."tenantId" = ${tenantId}
      GROUP BY m."birthDate", ${normalised(`m."name"`)}
      HAVING count(*) > 1
      LIMIT ${MAX_GROUPS}`;
    const detail = (g: (typeof groups)[number]) => ({ name: g.name, birthDate: g.birthDate.toISOString().slice(0, 10) });
    found.SIMILAR_PERSON = await record(tx, tenantId, "SIMILAR_PERSON", groups, detail);
  }
  if (kinds.includes("SAME_ADDRESS_AND_HEAD")) {
    // Households sharing an address are found first (most addresses are unique), and
    // only their heads are looked up.
    const groups = await tx.$queryRaw<{ ids: string[]; head: string; address: string }[]>`
      WITH shared AS (
        SELECT s."id", s."kelurahanId", s.address, s.rt, s.rw, s."rawAddress"
        FROM (
          SELECT h."id", h."kelurahanId", ${normalised(`h."address"`)} AS address, coalesce(h."rt", '') AS rt,
                 coalesce(h."rw", '') AS rw, h."address" AS "rawAddress",
                 count(*) OVER (PARTITION BY h."kelurahanId", ${normalised(`h."address"`)}, coalesce(h."rt", ''), coalesce(h."rw", '')) AS n
          FROM "Household" h
          WHERE h."tenantId" = ${tenantId}
        ) s
        WHERE s.n > 1
      )
      SELECT (array_agg(s."id" ORDER BY s."id"))[1:${MAX_GROUP}] AS ids, min(m."name") AS head, min(s."rawAddress") AS address
      FROM shared s
      JOIN "Member" m ON m."tenantId" = ${tenantId} AND m."householdId" = s."id" AND m."relation" = 'HEAD'
      GROUP BY s."kelurahanId", s.address, s.rt, s.rw, ${normalised(`m."name"`)}
      HAVING count(*) > 1
      LIMIT ${MAX_GROUPS}`;
    found.SAME_ADDRESS_AND_HEAD = await record(tx, tenantId, "SAME_ADDRESS_AND_HEAD", groups, (g) => ({ head: g.head, address: g.address }));
  }
  await refreshStatistics(tx, ["DuplicateCandidate"], found.SIMILAR_PERSON + found.SAME_ADDRESS_AND_HEAD);
  return found;
}

type Pair = { first: string; second: string; detail: Record<string, string> };

/** Every pair within each group (ids sorted, so a pair is always written the same way). */
function pairsOf<G extends { ids: string[] }>(groups: G[], detail: (group: G) => Record<string, string>): Pair[] {
  return groups.flatMap((group) => group.ids.flatMap((first, i) => group.ids.slice(i + 1).map((second) => ({ first, second, detail: detail(group) }))));
}

/**
 * Records the pairs not recorded before, up to MAX_PAIRS_PER_SCAN, reading the groups a
 * batch at a time so known pairs are skipped without building them all; returns how many
 * were new.
 */
async function record<G extends { ids: string[] }>(
  tx: Tx,
  tenantId: string,
  kind: ScannedKind,
  groups: G[],
  detail: (group: G) => Record<string, string>,
): Promise<number> {
  const fresh: Pair[] = [];
  for (let i = 0; i < groups.length && fresh.length < MAX_PAIRS_PER_SCAN; i += 1000) {
    const pairs = pairsOf(groups.slice(i, i + 1000), detail);
    const existing = await tx.duplicateCandidate.findMany({
      where: { kind, firstId: { in: [...new Set(pairs.map((p) => p.first))] } },
      select: { firstId: true, secondId: true },
    });
    const known = new Set(existing.map((c) => `${c.firstId}/${c.secondId}`));
    fresh.push(...pairs.filter((p) => !known.has(`${p.first}/${p.second}`)).slice(0, MAX_PAIRS_PER_SCAN - fresh.length));
  }
  if (fresh.length === 0) return 0;
  await tx.duplicateCandidate.createMany({
    data: fresh.map((p) => ({ tenantId, kind, firstId: p.first, secondId: p.second, detail: p.detail })),
    skipDuplicates: true,
  });
  return fresh.length;
}
