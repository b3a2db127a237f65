import type { Tx } from "@/lib/db";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { notFound } from "@/lib/errors";
import { wordedFieldError } from "@/lib/errors/worded";
import { sameNameKey } from "@/features/areas/labels";

export type RenamedArea = { id: string; code: string; name: string; officialName: string | null };

/**
 * Sets an area's display name. Kemendagri's name is kept beside it (officialName), so the sync
 * leaves the correction alone; naming it as Kemendagri does again drops the correction.
 */
export async function renameArea(tx: Tx, input: { areaId: string; version: number; name: string }): Promise<RenamedArea> {
  const area = await tx.area.findFirst({
    where: { id: input.areaId },
    select: { id: true, code: true, name: true, officialName: true, level: true, parentId: true },
  });
  if (!area) throw notFound("Wilayah");
  const siblings = await tx.area.findMany({ where: { level: area.level, parentId: area.parentId, id: { not: area.id } }, select: { name: true, code: true } });
  const taken = siblings.find((sibling) => sameNameKey(sibling.name) === sameNameKey(input.name));
  if (taken) {
    throw wordedFieldError("CONFLICT", "name", "Areas.errors.nameTaken", { code: taken.code });
  }
  const official = area.officialName ?? area.name;
  const officialName = input.name === official ? null : official;
  await updateAtVersion(tx, "area", { where: { id: area.id }, version: input.version, data: { name: input.name, officialName } });
  return { id: area.id, code: area.code, name: input.name, officialName };
}
