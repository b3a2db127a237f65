import type { Tx } from "@/lib/db";

export type KecamatanChoice = { id: string; name: string; kelurahan: { id: string; name: string }[] };

/** The city's kecamatan with their kelurahan, by name, for filters and forms. */
export async function listAreaChoices(tx: Tx): Promise<KecamatanChoice[]> {
  const areas = await tx.area.findMany({ select: { id: true, name: true, level: true, parentId: true }, orderBy: { name: "asc" } });
  const kecamatan = areas.filter((a) => a.level === "KECAMATAN").map((a) => ({ id: a.id, name: a.name, kelurahan: [] as { id: string; name: string }[] }));
  const byId = new Map(kecamatan.map((k) => [k.id, k]));
  for (const area of areas) {
    if (area.level === "KELURAHAN" && area.parentId) byId.get(area.parentId)?.kelurahan.push({ id: area.id, name: area.name });
  }
  return kecamatan;
}
