import type { CitySummary } from "./steps/summarise-city";

const number = new Intl.NumberFormat("id-ID");

/** "Rp 10,4 miliar" style for the console summary. */
export function formatRupiah(value: bigint): string {
  const miliar = Number(value) / 1e9;
  if (miliar >= 1) return `Rp ${miliar.toLocaleString("id-ID", { maximumFractionDigits: 2 })} miliar`;
  return `Rp ${(Number(value) / 1e6).toLocaleString("id-ID", { maximumFractionDigits: 1 })} juta`;
}

/** A few lines per city, for the seed's console output. */
export function formatSummary(summaries: readonly CitySummary[]): string {
  return summaries
    .map((s) =>
      [
        `${s.name} (${s.slug})`,
        `  wilayah       ${s.kecamatan} kecamatan, ${s.kelurahan} kelurahan`,
        `  OPD           ${s.opds}; ${s.programmes} program, ${s.budgetLines} pos anggaran, pagu ${formatRupiah(s.pagu)}, ${number.format(s.realisations)} realisasi`,
        `  registri      ${number.format(s.households)} KK (${number.format(s.extremePoorHouseholds)} miskin ekstrem aktif), ${number.format(s.members)} anggota`,
        `  kegiatan      ${s.trainings} pelatihan, ${number.format(s.participants)} peserta, ${number.format(s.aidDistributions)} penyaluran bantuan`,
        `  Dana PEM      ${s.revolvingFunds} dana, ${s.loans} pinjaman`,
      ].join("\n"),
    )
    .join("\n");
}
