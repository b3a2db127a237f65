// The city's home page figures: its areas and its active and extreme-poor households, read
// from the registry's per-area counts (kept by trigger).
import type { Tx } from "@/lib/db";

export type TenantOverview = {
  kecamatan: number;
  kelurahan: number;
  /** Households in the registry with status ACTIVE (not graduated, moved or deceased). */
  households: number;
  extremePoorHouseholds: number;
};

/** Headline counts of the scope's tenant, from the registry's per-area counts (kept by trigger). */
export async function getTenantOverview(tx: Tx): Promise<TenantOverview> {
  const [areas, households] = await Promise.all([
    tx.area.groupBy({ by: ["level"], _count: { _all: true } }),
    tx.householdAreaCount.groupBy({ by: ["isExtremePoor"], where: { status: "ACTIVE" }, _sum: { households: true } }),
  ]);
  const areaCount = (level: "KECAMATAN" | "KELURAHAN") => areas.find((row) => row.level === level)?._count._all ?? 0;
  const extremePoor = households.find((row) => row.isExtremePoor)?._sum.households ?? 0;
  return {
    kecamatan: areaCount("KECAMATAN"),
    kelurahan: areaCount("KELURAHAN"),
    households: households.reduce((sum, row) => sum + (row._sum.households ?? 0), 0),
    extremePoorHouseholds: extremePoor,
  };
}

export type KecamatanBreakdownRow = {
  id: string;
  code: string;
  name: string;
  kelurahan: number;
  households: number;
  extremePoorHouseholds: number;
};

/** Per kecamatan: its kelurahan and its active and extreme-poor households, by name. */
export async function getKecamatanBreakdown(tx: Tx): Promise<KecamatanBreakdownRow[]> {
  const [kecamatan, kelurahanByKecamatan, householdsByKecamatan] = await Promise.all([
    tx.area.findMany({
      where: { level: "KECAMATAN" },
      select: { id: true, code: true, name: true },
      orderBy: { name: "asc" },
    }),
    tx.area.groupBy({ by: ["parentId"], where: { level: "KELURAHAN" }, _count: { _all: true } }),
    tx.householdAreaCount.groupBy({
      by: ["kecamatanId", "isExtremePoor"],
      where: { status: "ACTIVE" },
      _sum: { households: true },
    }),
  ]);

  const kelurahanCount = new Map(kelurahanByKecamatan.map((row) => [row.parentId, row._count._all]));
  return kecamatan.map((area) => {
    const groups = householdsByKecamatan.filter((row) => row.kecamatanId === area.id);
    return {
      ...area,
      kelurahan: kelurahanCount.get(area.id) ?? 0,
      households: groups.reduce((sum, row) => sum + (row._sum.households ?? 0), 0),
      extremePoorHouseholds: groups.find((row) => row.isExtremePoor)?._sum.households ?? 0,
    };
  });
}

/** `part` as a percentage of `whole` (percent units), or null when there is no whole. */
export function sharePercent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}
