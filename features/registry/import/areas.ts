// Finds a row's kecamatan and kelurahan among the city's areas by name (or Kemendagri
// code), ignoring case, spacing, punctuation and the "Kelurahan"/"Kec." prefixes, and
// reading numbers in any form: "Naikoten 1" = "Naikoten I" = "Naikoten Satu".
import type { Tx } from "@/lib/db";

export type AreaRef = { id: string; code: string; name: string };
export type KelurahanRef = AreaRef & { kecamatan: AreaRef };

const NUMBER_WORDS: Record<string, number> = {
  SATU: 1,
  DUA: 2,
  TIGA: 3,
  EMPAT: 4,
  LIMA: 5,
  ENAM: 6,
  TUJUH: 7,
  DELAPAN: 8,
  SEMBILAN: 9,
  SEPULUH: 10,
};
const ROMAN = /^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$/;
const PREFIX = /^(KELURAHAN|KEL|DESA|DS|KECAMATAN|KEC)\b\.?\s*/;

function romanValue(word: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < word.length; i += 1) {
    const value = values[word[i]!]!;
    const next = values[word[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** The comparison key of an area name. */
export function areaKey(name: string): string {
  const upper = name
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\u00A0\s]+/g, " ")
    .trim()
    .replace(PREFIX, "");
  return upper
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((word, index) => {
      if (/^\d+$/.test(word)) return `#${Number(word)}`;
      if (NUMBER_WORDS[word] !== undefined) return `#${NUMBER_WORDS[word]}`;
      // "I" alone is a numeral only after a name ("Manulai II"), never the name itself.
      if (index > 0 && ROMAN.test(word)) return `#${romanValue(word)}`;
      return word;
    })
    .join("");
}

function codeKey(text: string): string | null {
  const digits = text.replace(/[.\s]/g, "");
  return /^\d{6}(\d{4})?$/.test(digits) ? digits : null;
}

export type KelurahanMatch = {
  found: KelurahanRef | null;
  /** Several kelurahan answer to the text (in the kecamatan given, or in the city): none is picked. */
  ambiguous: boolean;
  /** Those kelurahan, for the reason that names them. */
  candidates: KelurahanRef[];
};

export type AreaMatcher = {
  /** The city's kecamatan named (or coded) so, or null. */
  kecamatan(text: string): AreaRef | null;
  /**
   * The kelurahan named (or coded) so within the kecamatan, or without one in the city;
   * never one of several that share the name.
   */
  kelurahan(text: string, kecamatan: AreaRef | null): KelurahanMatch;
};

/** A kelurahan as the city's areas list it; `officialName` is Kemendagri's when the city admin corrected the name. */
export type KelurahanArea = AreaRef & { parentId: string | null; officialName?: string | null };

export function areaMatcher(kecamatanList: AreaRef[], kelurahanList: KelurahanArea[]): AreaMatcher {
  const kecamatanById = new Map(kecamatanList.map((area) => [area.id, area]));
  const kecamatanByKey = new Map<string, AreaRef>();
  for (const area of kecamatanList) {
    kecamatanByKey.set(areaKey(area.name), area);
    kecamatanByKey.set(area.code.replace(/\./g, ""), area);
  }
  const byShownName = new Map<string, KelurahanRef[]>();
  // Kemendagri's name of a corrected area still finds it, unless an area is shown by that name.
  const byOfficialName = new Map<string, KelurahanRef[]>();
  const add = (map: Map<string, KelurahanRef[]>, key: string, ref: KelurahanRef) => map.set(key, [...(map.get(key) ?? []), ref]);
  for (const area of kelurahanList) {
    const kecamatan = area.parentId ? kecamatanById.get(area.parentId) : undefined;
    if (!kecamatan) continue;
    const ref: KelurahanRef = { id: area.id, code: area.code, name: area.name, kecamatan };
    add(byShownName, areaKey(area.name), ref);
    add(byShownName, area.code.replace(/\./g, ""), ref);
    if (area.officialName) add(byOfficialName, areaKey(area.officialName), ref);
  }
  return {
    kecamatan(text) {
      return kecamatanByKey.get(codeKey(text) ?? areaKey(text)) ?? null;
    },
    kelurahan(text, kecamatan) {
      const key = codeKey(text) ?? areaKey(text);
      const named = byShownName.get(key) ?? byOfficialName.get(key) ?? [];
      const candidates = kecamatan ? named.filter((item) => item.kecamatan.id === kecamatan.id) : named;
      if (candidates.length === 1) return { found: candidates[0]!, ambiguous: false, candidates };
      return { found: null, ambiguous: candidates.length > 1, candidates };
    },
  };
}

/** Why a kelurahan name that several areas share is refused, naming them with their kecamatan and code. */
export function ambiguousKelurahanReason(text: string, candidates: readonly KelurahanRef[]): string {
  const named = candidates.map((item) => `${item.name} (Kecamatan ${item.kecamatan.name}, kode ${item.code})`).join("; ");
  return `Kelurahan "${text}" bisa berarti beberapa kelurahan: ${named}. Tulis nama lengkapnya atau kodenya di kolom KELURAHAN`;
}

/** The city's areas, for a matcher. */
export async function loadAreaMatcher(tx: Tx): Promise<AreaMatcher> {
  const areas = await tx.area.findMany({ select: { id: true, code: true, name: true, officialName: true, level: true, parentId: true } });
  return areaMatcher(
    areas.filter((area) => area.level === "KECAMATAN"),
    areas.filter((area) => area.level === "KELURAHAN"),
  );
}
