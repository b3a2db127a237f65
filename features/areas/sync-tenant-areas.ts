import type { Db, Tx } from "@/lib/db";
import type { AreaLevel } from "@/lib/generated/prisma/enums";
import { listRegencyAreas } from "./idn-area";

export type AreaSyncResult = { created: number; updated: number; unchanged: number };

type WantedArea = { code: string; name: string; level: AreaLevel; parentCode: string | null };
type ExistingArea = { id: string; code: string; name: string; officialName: string | null; level: AreaLevel; parentId: string | null };

/**
 * Brings a tenant's kecamatan → kelurahan tree in line with idn-area-data for its
 * kota/kabupaten. Idempotent: adds missing areas, corrects names and parents, and never
 * deletes (households and users point at areas). A name the city admin has corrected stays:
 * only the official name kept beside it follows the data.
 *
 * Give it the owner client (the seed: it opens its own transaction) or a scope's
 * transaction (a CITY_ADMIN's action: the writes are then scoped and audited there).
 */
export async function syncTenantAreas(client: Db | Tx, tenantId: string, kemendagriCode: string): Promise<AreaSyncResult> {
  const tree = await listRegencyAreas(kemendagriCode);
  if (tree.length === 0) throw new Error(`No kecamatan found for Kemendagri code ${kemendagriCode}`);

  const kecamatan: WantedArea[] = tree.map((k) => ({ code: k.code, name: k.name, level: "KECAMATAN", parentCode: null }));
  const kelurahan: WantedArea[] = tree.flatMap((k) =>
    k.kelurahan.map((v) => ({ code: v.code, name: v.name, level: "KELURAHAN" as const, parentCode: k.code })),
  );

  const sync = async (tx: Tx) => {
    // Kecamatan first: kelurahan need their parents' ids.
    const first = await upsertLevel(tx, tenantId, kecamatan);
    const second = await upsertLevel(tx, tenantId, kelurahan);
    return {
      created: first.created + second.created,
      updated: first.updated + second.updated,
      unchanged: first.unchanged + second.unchanged,
    };
  };
  // A transaction client (no $connect) is already inside one; the owner client opens its own.
  if ("$connect" in client) {
    return (client as Db).$transaction((tx) => sync(tx as unknown as Tx), { timeout: 60_000 });
  }
  return sync(client as Tx);
}

async function upsertLevel(tx: Tx, tenantId: string, wanted: WantedArea[]): Promise<AreaSyncResult> {
  const existing = await tx.area.findMany({
    where: { tenantId },
    select: { id: true, code: true, name: true, officialName: true, level: true, parentId: true },
  });
  const byCode = new Map<string, ExistingArea>(existing.map((area) => [area.code, area]));
  const parentId = (area: WantedArea) => {
    if (!area.parentCode) return null;
    const parent = byCode.get(area.parentCode);
    if (!parent) throw new Error(`Parent ${area.parentCode} of ${area.code} is missing`);
    return parent.id;
  };

  const toCreate = wanted.filter((area) => !byCode.has(area.code));
  const toUpdate = wanted.filter((area) => {
    const current = byCode.get(area.code);
    return current && (sourceName(current) !== area.name || current.level !== area.level || current.parentId !== parentId(area));
  });

  if (toCreate.length > 0) {
    // …AndReturn, whole rows: the audit trail of an admin's sync records each new area with its id.
    await tx.area.createManyAndReturn({
      data: toCreate.map((area) => ({
        tenantId,
        code: area.code,
        name: area.name,
        level: area.level,
        parentId: parentId(area),
      })),
      skipDuplicates: true,
    });
  }
  for (const area of toUpdate) {
    const corrected = byCode.get(area.code)?.officialName != null;
    await tx.area.update({
      where: { tenantId_code: { tenantId, code: area.code } },
      data: { ...(corrected ? { officialName: area.name } : { name: area.name }), level: area.level, parentId: parentId(area) },
    });
  }
  return { created: toCreate.length, updated: toUpdate.length, unchanged: wanted.length - toCreate.length - toUpdate.length };
}

/** The name the data gave the area last: the official one kept beside a correction, else its name. */
function sourceName(area: ExistingArea): string {
  return area.officialName ?? area.name;
}
