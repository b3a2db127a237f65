import { getDistricts, getProvinces, getRegencies, getVillages, type DistrictCsv, type VillageCsv } from "idn-area-data";
import type { TenantKind } from "@/lib/generated/prisma/enums";
import { toTitleCase } from "./title-case";

/** A kota or kabupaten as listed by Kemendagri. */
export type Regency = {
  /** "52.71" */
  code: string;
  /** "Kota Mataram" */
  name: string;
  kind: TenantKind;
  provinceCode: string;
  /** "Nusa Tenggara Barat" */
  provinceName: string;
};

export type KelurahanEntry = { code: string; name: string };
export type KecamatanEntry = { code: string; name: string; kelurahan: KelurahanEntry[] };

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** Looks up a kota/kabupaten by Kemendagri code ("52.71"); null when there is none. */
export async function findRegency(code: string): Promise<Regency | null> {
  if (!REGENCY_CODE.test(code)) return null;
  const [regencies, provinces] = await Promise.all([getRegencies(), getProvinces()]);
  const regency = regencies.find((row) => row.code === code);
  if (!regency) return null;
  const province = provinces.find((row) => row.code === regency.province_code);
  const name = toTitleCase(regency.name);
  return {
    code,
    name,
    kind: name.startsWith("Kota ") ? "KOTA" : "KABUPATEN",
    provinceCode: regency.province_code,
    provinceName: province ? toTitleCase(province.name) : "",
  };
}

/** The kecamatan of a kota/kabupaten with their kelurahan/desa, ordered by code. */
export async function listRegencyAreas(regencyCode: string): Promise<KecamatanEntry[]> {
  const [districts, villages] = await Promise.all([cachedDistricts(), cachedVillages()]);
  const kelurahanByKecamatan = new Map<string, KelurahanEntry[]>();
  for (const village of villages) {
    if (!village.code.startsWith(`${regencyCode}.`)) continue;
    const list = kelurahanByKecamatan.get(village.district_code) ?? [];
    list.push({ code: village.code, name: toTitleCase(village.name) });
    kelurahanByKecamatan.set(village.district_code, list);
  }
  return districts
    .filter((district) => district.regency_code === regencyCode)
    .map((district) => ({
      code: district.code,
      name: toTitleCase(district.name),
      kelurahan: (kelurahanByKecamatan.get(district.code) ?? []).sort(byCode),
    }))
    .sort(byCode);
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code);
}

// The village list is 84k rows; parse it once per process.
let districtsPromise: Promise<DistrictCsv[]> | undefined;
let villagesPromise: Promise<VillageCsv[]> | undefined;

function cachedDistricts(): Promise<DistrictCsv[]> {
  districtsPromise ??= getDistricts();
  return districtsPromise;
}

function cachedVillages(): Promise<VillageCsv[]> {
  villagesPromise ??= getVillages();
  return villagesPromise;
}
