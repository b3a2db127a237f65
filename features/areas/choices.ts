import type { Tx } from "@/lib/db";
import { kelurahanLabels } from "./labels";

export type KecamatanChoice = { id: string; name: string; kelurahan: { id: string; name: string }[] };

/** The city's kecamatan with their kelurahan, by name, for filters and forms; a shared kelurahan name is told apart (labels.ts). */
export async function listAreaChoices(tx: Tx): Promise<KecamatanChoice[]> {
  const areas = await tx.area.findMany({ select: { id: true, code: true, name: true, level: true, parentId: true }, orderBy: { name: "asc" } });
  const kecamatan = areas.filter((a) => a.level === "KECAMATAN").map((a) => ({ id: a.id, name: a.name, kelurahan: [] as { id: string; name: string }[] }));
  const byId = new Map(kecamatan.map((k) => [k.id, k]));
  const kelurahan = areas.filter((area) => area.level === "KELURAHAN" && area.parentId && byId.has(area.parentId));
  const labels = kelurahanLabels(kelurahan.map((area) => ({ ...area, kecamatan: byId.get(area.parentId!)!.name })));
  for (const area of kelurahan) byId.get(area.parentId!)!.kelurahan.push({ id: area.id, name: labels.get(area.id) ?? area.name });
  return kecamatan;
}
