import type { Db } from "@/lib/db";
import type { AreaLevel } from "@/lib/generated/prisma/enums";
import { listRegencyAreas } from "./idn-area";

export type AreaSyncResult = { created: number; updated: number; unchanged: number };

type WantedArea = { code: string; name: string; level: AreaLevel; parentCode: string | null };
type ExistingArea = { id: string; code: string; name: string; level: AreaLevel; parentId: string | null };

/**
 * Brings a tenant's kecamatan → kelurahan tree in line with idn-area-data for its
 * kota/kabupaten. Idempotent: adds missing areas, corrects names and parents, and never
 * deletes (households and users point at areas).
 */
export async function syncTenantAreas(db: Db, tenantId: string, kemendagriCode: string): Promise<AreaSyncResult> {
  const tree = await listRegencyAreas(kemendagriCode);
  if (tree.length === 0) throw new Error(`No kecamatan found for Kemendagri code ${kemendagriCode}`);

  const kecamatan: WantedArea[] = tree.map((k) => ({ code: k.code, name: k.name, level: "KECAMATAN", parentCode: null }));
  const kelurahan: WantedArea[] = tree.flatMap((k) =>
    k.kelurahan.map((v) => ({ code: v.code, name: v.name, level: "KELURAHAN" as const, parentCode: k.code })),
  );

  // Kecamatan first: kelurahan need their parents' ids.
  const first = await upsertLevel(db, tenantId, kecamatan);
  const second = await upsertLevel(db, tenantId, kelurahan);
  return {
    created: first.created + second.created,
    updated: first.updated + second.updated,
    unchanged: first.unchanged + second.unchanged,
  };
}

async function upsertLevel(db: Db, tenantId: string, wanted: WantedArea[]): Promise<AreaSyncResult> {
  const existing = await db.area.findMany({
    where: { tenantId },
    select: { id: true, code: true, name: true, level: true, parentId: true },
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
    return current && (current.name !== area.name || current.level !== area.level || current.parentId !== parentId(area));
  });

  await db.$transaction([
    db.area.createMany({
      data: toCreate.map((area) => ({
        tenantId,
        code: area.code,
        name: area.name,
        level: area.level,
        parentId: parentId(area),
      })),
      skipDuplicates: true,
    }),
    ...toUpdate.map((area) =>
      db.area.update({
        where: { tenantId_code: { tenantId, code: area.code } },
        data: { name: area.name, level: area.level, parentId: parentId(area) },
      }),
    ),
  ]);
  return { created: toCreate.length, updated: toUpdate.length, unchanged: wanted.length - toCreate.length - toUpdate.length };
}
