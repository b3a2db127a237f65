import { formatRupiahShort as formatRupiah } from "@/lib/format";
import { DEMO_CITIES } from "./cities";
import { DEMO_PASSWORD, PLATFORM_ADMIN_ACCOUNT, demoAccountsFor } from "./demo-accounts";
import type { CitySummary } from "./steps/summarise-city";

const number = new Intl.NumberFormat("id-ID");

/** The demo accounts and where each one signs in, for the console. */
export function formatDemoAccounts(): string {
  const rows = [
    [PLATFORM_ADMIN_ACCOUNT.email, PLATFORM_ADMIN_ACCOUNT.role, "/platform"],
    ...DEMO_CITIES.flatMap((city) => demoAccountsFor(city.slug, city.demoKelurahan).map((account) => [account.email, account.role, `/${city.slug}`])),
  ];
  const width = Math.max(...rows.map(([email]) => email!.length));
  return [
    `Akun demo (kata sandi semua akun: ${DEMO_PASSWORD}) — masuk di /masuk`,
    ...rows.map(([email, role, home]) => `  ${email!.padEnd(width)}  ${role!.padEnd(14)} ${home}`),
  ].join("\n");
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
