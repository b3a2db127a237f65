// How a kelurahan is named where a list shows it (pickers, filters, dashboard rows, exports):
// by its name, with its kecamatan when another kelurahan of the city has the same name
// ("Tanjung Karang (Sekarbela)"), and with its code when one of its own kecamatan has it too.
import type { Tx } from "@/lib/db";

export type KelurahanToLabel = { id: string; code: string; name: string; kecamatan: string };

/** Names compared as a reader would: without case or repeated spaces. */
export function sameNameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleUpperCase("id");
}

/** Each kelurahan's label by id; give it all the kelurahan that a reader can see side by side (the city's, normally). */
export function kelurahanLabels(kelurahan: readonly KelurahanToLabel[]): Map<string, string> {
  const count = (key: (area: KelurahanToLabel) => string) => {
    const counts = new Map<string, number>();
    for (const area of kelurahan) counts.set(key(area), (counts.get(key(area)) ?? 0) + 1);
    return (area: KelurahanToLabel) => counts.get(key(area)) ?? 0;
  };
  const inCity = count((area) => sameNameKey(area.name));
  const inKecamatan = count((area) => `${sameNameKey(area.kecamatan)}\u0000${sameNameKey(area.name)}`);
  return new Map(
    kelurahan.map((area) => {
      if (inKecamatan(area) > 1) return [area.id, `${area.name} (${area.kecamatan}, ${area.code})`];
      if (inCity(area) > 1) return [area.id, `${area.name} (${area.kecamatan})`];
      return [area.id, area.name];
    }),
  );
}

/** The labels of the scope's city's kelurahan, by id. */
export async function loadKelurahanLabels(tx: Tx): Promise<Map<string, string>> {
  const areas = await tx.area.findMany({
    where: { level: "KELURAHAN" },
    select: { id: true, code: true, name: true, parent: { select: { name: true } } },
  });
  return kelurahanLabels(areas.map((area) => ({ id: area.id, code: area.code, name: area.name, kecamatan: area.parent?.name ?? "" })));
}

/**
 * A kelurahan's label by its id, for queries that show rows of households, loans or funds:
 * the city's kelurahan are read once (a few hundred rows at most), whatever the rows' number.
 */
export async function loadKelurahanLabel(tx: Tx): Promise<(kelurahanId: string) => string> {
  const labels = await loadKelurahanLabels(tx);
  return (kelurahanId) => labels.get(kelurahanId) ?? "";
}
