import type { Tx } from "@/lib/db";

export type AreaCounts = { households: number; extremePoorHouseholds: number };
export type KelurahanNode = { id: string; code: string; name: string } & AreaCounts;
export type KecamatanNode = { id: string; code: string; name: string; kelurahan: KelurahanNode[] } & AreaCounts;

/**
 * The scope's city as kecamatan → kelurahan, by Kemendagri code, with its active and
 * extreme-poor households per area (from the registry's per-area counts, kept by trigger).
 */
export async function getAreaTree(tx: Tx): Promise<KecamatanNode[]> {
  const [areas, byKecamatan, byKelurahan] = await Promise.all([
    tx.area.findMany({ select: { id: true, code: true, name: true, level: true, parentId: true }, orderBy: { code: "asc" } }),
    tx.householdAreaCount.groupBy({ by: ["kecamatanId", "isExtremePoor"], where: { status: "ACTIVE" }, _sum: { households: true } }),
    tx.householdAreaCount.groupBy({ by: ["kelurahanId", "isExtremePoor"], where: { status: "ACTIVE" }, _sum: { households: true } }),
  ]);
  const counts = (rows: { isExtremePoor: boolean; _sum: { households: number | null } }[]): AreaCounts => ({
    households: rows.reduce((sum, row) => sum + (row._sum.households ?? 0), 0),
    extremePoorHouseholds: rows.find((row) => row.isExtremePoor)?._sum.households ?? 0,
  });

  const tree = new Map<string, KecamatanNode>();
  for (const area of areas) {
    if (area.level !== "KECAMATAN") continue;
    const rows = byKecamatan.filter((row) => row.kecamatanId === area.id);
    tree.set(area.id, { id: area.id, code: area.code, name: area.name, kelurahan: [], ...counts(rows) });
  }
  for (const area of areas) {
    if (area.level !== "KELURAHAN" || !area.parentId) continue;
    const rows = byKelurahan.filter((row) => row.kelurahanId === area.id);
    tree.get(area.parentId)?.kelurahan.push({ id: area.id, code: area.code, name: area.name, ...counts(rows) });
  }
  return [...tree.values()];
}

/** The city's figures over its tree: kecamatan, kelurahan and the households counted in them. */
export function treeTotals(tree: readonly KecamatanNode[]): AreaCounts & { kecamatan: number; kelurahan: number } {
  return {
    kecamatan: tree.length,
    kelurahan: tree.reduce((sum, k) => sum + k.kelurahan.length, 0),
    households: tree.reduce((sum, k) => sum + k.households, 0),
    extremePoorHouseholds: tree.reduce((sum, k) => sum + k.extremePoorHouseholds, 0),
  };
}

/** An area the city admin may rename, as the rename form lists it. */
export type RenamableArea = { id: string; label: string; name: string; officialName: string | null; version: number };

/** Kecamatan and kelurahan in code order, each labelled with its code (and a kelurahan with its kecamatan). */
export async function listRenamableAreas(tx: Tx): Promise<RenamableArea[]> {
  const areas = await tx.area.findMany({
    select: { id: true, code: true, name: true, officialName: true, version: true, level: true, parent: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
  return areas.map((area) => ({
    id: area.id,
    label: area.level === "KELURAHAN" ? `${area.code} · ${area.parent?.name ?? ""} › ${area.name}` : `${area.code} · ${area.name}`,
    name: area.name,
    officialName: area.officialName,
    version: area.version,
  }));
}
