import type { OpdSpec } from "./types";

/**
 * The agencies that run poverty programmes in a kota. Codes follow the government-affairs
 * numbering of Kepmendagri 050-5889/2021 (urusan), which OPD staff recognise.
 */
export function povertyOpds(planningAgency: { name: string; shortName: string }): OpdSpec[] {
  return [
    { code: "1.01", name: "Dinas Pendidikan", shortName: "Disdik" },
    { code: "1.02", name: "Dinas Kesehatan", shortName: "Dinkes" },
    { code: "1.04", name: "Dinas Perumahan dan Kawasan Permukiman", shortName: "Disperkim" },
    { code: "1.06", name: "Dinas Sosial", shortName: "Dinsos", decidesRegistryChanges: true },
    { code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" },
    { code: "2.09", name: "Dinas Ketahanan Pangan", shortName: "DKP" },
    { code: "2.17", name: "Dinas Koperasi dan Usaha Mikro, Kecil dan Menengah", shortName: "Diskop UKM" },
    { code: "3.27", name: "Dinas Pertanian", shortName: "Distan" },
    { code: "3.30", name: "Dinas Perdagangan", shortName: "Disdag" },
    { code: "3.31", name: "Dinas Perindustrian", shortName: "Disperin" },
    { code: "4.01", name: "Bagian Perekonomian Sekretariat Daerah", shortName: "Bag. Perekonomian" },
    { code: "5.01", ...planningAgency },
  ];
}

export const OPD = {
  education: "1.01",
  health: "1.02",
  housing: "1.04",
  social: "1.06",
  manpower: "2.07",
  food: "2.09",
  cooperatives: "2.17",
  agriculture: "3.27",
  trade: "3.30",
  industry: "3.31",
  economy: "4.01",
  planning: "5.01",
} as const;
