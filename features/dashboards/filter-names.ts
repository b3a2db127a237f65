// The dashboard filters by name, for the title rows and the names of exported files: the
// chosen kecamatan, OPD and programme as the city calls them, never their ids, and the SIPD code.
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "./filters";

/** "Dinas Tenaga Kerja (Disnaker)" → "dinas-tenaga-kerja-disnaker": safe in a file name on any system. */
export function fileNamePart(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export type FilterNames = { kecamatan: string | null; opd: string | null; programme: string | null; sipd: string | null };

/** The chosen kecamatan, OPD and programme by name (an id of nothing the city has reads as no filter). */
export async function filterNames(tx: Tx, filters: DashboardFilters): Promise<FilterNames> {
  const [kecamatan, opd, programme] = await Promise.all([
    filters.kecamatanId ? tx.area.findFirst({ where: { id: filters.kecamatanId, level: "KECAMATAN" }, select: { name: true } }) : null,
    filters.opdId ? tx.opd.findFirst({ where: { id: filters.opdId }, select: { shortName: true } }) : null,
    filters.programmeId ? tx.programme.findFirst({ where: { id: filters.programmeId }, select: { name: true } }) : null,
  ]);
  return { kecamatan: kecamatan?.name ?? null, opd: opd?.shortName ?? null, programme: programme?.name ?? null, sipd: filters.sipdCode ?? null };
}
