import { getProvinces, getRegencies } from "idn-area-data";
import { toTitleCase } from "@/features/areas";
import type { TenantKind } from "@/lib/generated/prisma/enums";

export type RegencyOption = { code: string; name: string; kind: TenantKind };
export type ProvinceOption = { code: string; name: string; regencies: RegencyOption[] };

let cached: Promise<ProvinceOption[]> | undefined;

/**
 * Every province with its kota/kabupaten (38 and 514 in idn-area-data), by code, for
 * the platform admin's picker. Parsed once per process.
 */
export function listProvincesWithRegencies(): Promise<ProvinceOption[]> {
  cached ??= load().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(): Promise<ProvinceOption[]> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const byProvince = new Map<string, RegencyOption[]>();
  for (const regency of regencies) {
    const name = toTitleCase(regency.name);
    const list = byProvince.get(regency.province_code) ?? [];
    list.push({ code: regency.code, name, kind: name.startsWith("Kota ") ? "KOTA" : "KABUPATEN" });
    byProvince.set(regency.province_code, list);
  }
  return provinces
    .map((province) => ({
      code: province.code,
      name: toTitleCase(province.name),
      regencies: (byProvince.get(province.code) ?? []).sort((a, b) => a.code.localeCompare(b.code)),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** What the picker needs of a kota/kabupaten; its province is the code's first two digits. */
export type RegencyChoice = { code: string; name: string; registered: boolean };
export type RegencyChoices = { provinces: { code: string; name: string }[]; regencies: RegencyChoice[] };

/** The picker's data (about 20 kB for 514 kota/kabupaten): provinces, and which regencies are tenants already. */
export async function regencyChoices(takenCodes: readonly string[]): Promise<RegencyChoices> {
  const provinces = await listProvincesWithRegencies();
  const taken = new Set(takenCodes);
  return {
    provinces: provinces.map(({ code, name }) => ({ code, name })),
    regencies: provinces.flatMap((province) => province.regencies.map(({ code, name }) => ({ code, name, registered: taken.has(code) }))),
  };
}
