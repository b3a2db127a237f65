import { utcDate } from "@/lib/calendar/days";
import { juta, ribu } from "../money";
import { trainingProgramme, type TrainingProgrammeInput } from "./builders";
import { OPD, povertyOpds } from "./opds";
import type { CitySpec, ProgrammeSpec } from "./types";

const YEAR = 2024;
const BLK = "UPTD Balai Latihan Kerja Kota Mataram";
const DISNAKER_HALL = "Aula Kantor Dinas Tenaga Kerja Kota Mataram";

const disnakerTrainings: ProgrammeSpec[] = [
  training("Pelatihan Menjahit", "Menjahit", juta(450), {
    batches: 3, days: 10, firstMonth: 5, preferredSex: "FEMALE", places: [BLK, DISNAKER_HALL],
    toolKit: { items: "1 unit mesin jahit, 1 unit mesin obras", value: ribu(4_750) },
  }),
  training("Pelatihan Tata Boga", "Tata Boga", juta(350), {
    batches: 2, days: 6, firstMonth: 4, preferredSex: "FEMALE", places: [BLK],
    toolKit: { items: "1 set kompor gas dan tabung, 1 oven, 1 mixer, peralatan masak", value: ribu(3_500) },
  }),
  training("Pelatihan Tata Rias", "Tata Rias", juta(300), {
    batches: 2, days: 8, firstMonth: 5, preferredSex: "FEMALE", places: [BLK],
    toolKit: { items: "1 set alat rias dan kosmetik, 1 kursi rias", value: ribu(3_000) },
  }),
  training("Pelatihan Sablon", "Sablon", juta(250), {
    batches: 2, days: 6, firstMonth: 9, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 set meja sablon, screen, rakel dan tinta", value: ribu(3_250) },
  }),
  training("Pelatihan Perbengkelan Sepeda Motor", "Perbengkelan Sepeda Motor", juta(400), {
    batches: 2, days: 10, firstMonth: 6, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 set kunci bengkel, 1 unit kompresor angin", value: ribu(5_000) },
  }),
  training("Pelatihan Barista", "Barista", juta(250), {
    batches: 2, days: 5, firstMonth: 8, places: [DISNAKER_HALL],
    toolKit: { items: "1 unit mesin espresso, 1 unit grinder, peralatan seduh manual", value: ribu(6_500) },
  }),
];

const programmes: ProgrammeSpec[] = [
  ...disnakerTrainings,
  {
    opdCode: OPD.manpower, fiscalYear: YEAR, kind: "EQUIPMENT_AID",
    name: "Bantuan Peralatan Kerja bagi Lulusan Pelatihan",
    description: "Paket peralatan kerja agar lulusan pelatihan Disnaker dapat membuka usaha sendiri.",
    targetUnit: "PERSON", targetCount: 200, targetExtremeCount: 140,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja barang untuk diserahkan kepada masyarakat", pagu: juta(1_000) }],
    toolKits: { forGraduatesOf: disnakerTrainings.map((programme) => programme.name), share: 0.75 },
  },
  {
    opdCode: OPD.manpower, fiscalYear: YEAR, kind: "INSURANCE_PREMIUM",
    name: "Iuran BPJS Ketenagakerjaan Pekerja Informal",
    description: "Iuran Jaminan Kecelakaan Kerja dan Jaminan Kematian bagi pekerja informal miskin ekstrem.",
    targetUnit: "PERSON", targetCount: 2_480, targetExtremeCount: 2_480,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja iuran jaminan sosial ketenagakerjaan", pagu: juta(500) }],
    aid: {
      kind: "INSURANCE_PREMIUM", recipients: 250, items: "Iuran JKK dan JKM 12 bulan (Rp 16.800 per bulan)",
      value: ribu(201.6), maxDesil: 1, memberAge: [18, 60], months: [2, 2],
    },
  },
  craftTraining("Pelatihan Perajin Cukli", "Kerajinan Cukli", juta(300), 5,
    "Sentra Kerajinan Cukli Rungkang Jangkuk, Sayang-sayang"),
  craftTraining("Pelatihan Kerajinan Tempurung Kelapa", "Kerajinan Tempurung Kelapa", juta(250), 6,
    "Aula Kantor Dinas Koperasi dan UKM Kota Mataram"),
  {
    opdCode: OPD.cooperatives, fiscalYear: YEAR, kind: "CAPITAL_AID",
    name: "Bantuan Modal Usaha Mikro",
    description: "Bantuan modal bagi usaha mikro keluarga miskin, diutamakan penerima rumah layak huni.",
    targetUnit: "HOUSEHOLD", targetCount: 150, targetExtremeCount: 100,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja hibah uang kepada masyarakat", pagu: juta(600) }],
    aid: { kind: "CAPITAL", recipients: 120, items: "Modal usaha mikro melalui rekening penerima", value: [juta(2.5), juta(5)], maxDesil: 3, months: [6, 10] },
  },
  {
    opdCode: OPD.trade, fiscalYear: YEAR, kind: "TRAINING",
    name: "Pelatihan Peningkatan Kapasitas Produksi UMKM",
    description: "Pelatihan pengemasan, perizinan dan pemasaran daring bagi pelaku usaha mikro.",
    targetUnit: "PERSON", targetCount: 50, targetExtremeCount: 30,
    budgetLines: [{ fundingSource: "FISCAL_INCENTIVE", description: "Belanja pelatihan", pagu: juta(300) }],
    training: {
      skill: "Pengemasan dan Pemasaran Produk UMKM", batches: 2, participantsPerBatch: 25, days: 4, firstMonth: 5,
      places: ["Aula Kantor Dinas Perdagangan Kota Mataram"], trainer: "Fasilitator Klinik UMKM",
    },
  },
  {
    opdCode: OPD.industry, fiscalYear: YEAR, kind: "TRAINING",
    name: "Pelatihan Pengolahan Pangan Lokal",
    description: "Pelatihan pengolahan abon ikan, keripik dan dodol bagi industri rumahan.",
    targetUnit: "PERSON", targetCount: 50, targetExtremeCount: 30,
    budgetLines: [{ fundingSource: "FISCAL_INCENTIVE", description: "Belanja pelatihan", pagu: juta(250) }],
    training: {
      skill: "Pengolahan Pangan (Abon dan Keripik)", batches: 2, participantsPerBatch: 25, days: 4, firstMonth: 6,
      preferredSex: "FEMALE", places: ["Aula Kantor Dinas Perindustrian Kota Mataram"], trainer: "Instruktur Industri Kecil Menengah",
    },
  },
  {
    opdCode: OPD.social, fiscalYear: YEAR, kind: "SOCIAL_ASSISTANCE",
    name: "Jaring Sosial Stimulan Warga Miskin Ekstrem",
    description: "Bantuan stimulan rutin bagi warga miskin ekstrem yang tidak mampu bekerja (lansia, penyandang disabilitas).",
    targetUnit: "HOUSEHOLD", targetCount: 1_500, targetExtremeCount: 1_500,
    budgetLines: [
      { fundingSource: "FISCAL_INCENTIVE", description: "Belanja bantuan sosial uang", pagu: juta(1_200) },
      { fundingSource: "APBD", description: "Belanja bantuan sosial uang", pagu: juta(500) },
    ],
    aid: { kind: "CASH", recipients: 150, items: "Bantuan stimulan tunai triwulan", value: ribu(900), maxDesil: 1, months: [3, 9] },
  },
  {
    opdCode: OPD.housing, fiscalYear: YEAR, kind: "HOUSING",
    name: "Rumah Layak Huni",
    description: "Bedah rumah tidak layak huni bersama TNI dan CSR perusahaan; penerima lalu mendapat modal usaha.",
    targetUnit: "HOUSEHOLD", targetCount: 40, targetExtremeCount: 40,
    budgetLines: [
      { fundingSource: "FISCAL_INCENTIVE", description: "Belanja bahan bangunan rumah layak huni", pagu: juta(1_000) },
      { fundingSource: "APBD", description: "Belanja bahan bangunan rumah layak huni", pagu: juta(900) },
    ],
    aid: {
      kind: "HOUSING", recipients: 30, items: "Bedah rumah: atap, dinding bata, lantai, jamban sehat",
      value: [juta(40), juta(50)], maxDesil: 1, months: [5, 10],
      partnerName: "Kodim 1606/Mataram dan CSR PT Bank NTB Syariah",
    },
  },
  {
    opdCode: OPD.education, fiscalYear: YEAR, kind: "SOCIAL_ASSISTANCE",
    name: "Bantuan Biaya Pendidikan Anak Keluarga Miskin Ekstrem",
    description: "Seragam, buku dan biaya sekolah anak dari keluarga miskin ekstrem.",
    targetUnit: "PERSON", targetCount: 600, targetExtremeCount: 600,
    budgetLines: [{ fundingSource: "FISCAL_INCENTIVE", description: "Belanja bantuan sosial pendidikan", pagu: juta(600) }],
    aid: { kind: "CASH", recipients: 150, items: "Seragam, buku dan biaya sekolah", value: [ribu(750), juta(1.5)], maxDesil: 1, memberAge: [7, 18], months: [7, 8] },
  },
  {
    opdCode: OPD.agriculture, fiscalYear: YEAR, kind: "SEEDLINGS",
    name: "Bantuan Bibit Cabai dan Bawang Merah",
    description: "Bibit untuk pekarangan keluarga miskin, sekaligus menahan inflasi pangan.",
    targetUnit: "HOUSEHOLD", targetCount: 500, targetExtremeCount: 250,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja bibit untuk diserahkan kepada masyarakat", pagu: juta(200) }],
    aid: { kind: "SEEDLINGS", recipients: 150, items: "100 polybag bibit cabai rawit, 5 kg bibit bawang merah", value: ribu(350), maxDesil: 4, months: [4, 5] },
  },
  {
    opdCode: OPD.food, fiscalYear: YEAR, kind: "FOOD_AID",
    name: "Bantuan Pangan Keluarga Miskin Ekstrem",
    description: "Paket pangan bulanan bagi keluarga miskin ekstrem.",
    targetUnit: "HOUSEHOLD", targetCount: 1_600, targetExtremeCount: 1_600,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja bantuan pangan", pagu: juta(400) }],
    aid: { kind: "FOOD", recipients: 250, items: "10 kg beras, 2 liter minyak goreng, 10 butir telur", value: ribu(250), maxDesil: 1, months: [1, 10] },
  },
  {
    opdCode: OPD.health, fiscalYear: YEAR, kind: "OTHER",
    name: "Pendampingan Kesehatan Keluarga Miskin Ekstrem",
    description: "Kunjungan rumah kader dan puskesmas, skrining dan rujukan.",
    targetUnit: "HOUSEHOLD", targetCount: 2_000, targetExtremeCount: 2_000,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja jasa pendampingan kesehatan", pagu: juta(250) }],
  },
  {
    opdCode: OPD.planning, fiscalYear: YEAR, kind: "OTHER",
    name: "Pemutakhiran Data Sasaran Kemiskinan Ekstrem",
    description: "Verifikasi lapangan data P3KE dan DTSEN per kelurahan.",
    targetUnit: "HOUSEHOLD", targetCount: 19_000, targetExtremeCount: 19_000,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja jasa survei dan pengolahan data", pagu: juta(100) }],
  },
  {
    opdCode: OPD.economy, fiscalYear: YEAR, kind: "OTHER",
    name: "Koordinasi Percepatan Penghapusan Kemiskinan Ekstrem",
    description: "Rapat koordinasi TKPK dan pemantauan serapan anggaran OPD.",
    targetUnit: "HOUSEHOLD", targetCount: 0, targetExtremeCount: 0,
    budgetLines: [{ fundingSource: "APBD", description: "Belanja rapat koordinasi", pagu: juta(50) }],
  },
];

const statisticSource = "Ilustrasi demo mengikuti pola BPS (Susenas Maret)";

/**
 * Kota Mataram: Rp 10,4 miliar for extreme poverty in 2024 = Rp 5,9 miliar fiscal incentive
 * + Rp 4,5 miliar APBD (ANTARA, 2024); Disnaker Rp 1 miliar for tool kits.
 */
export const mataram: CitySpec = {
  slug: "mataram",
  kemendagriCode: "52.71",
  demoKelurahan: "Ampenan Tengah",
  asOf: utcDate(2024, 11, 15),
  cultures: [["sasak", 60], ["umum", 28], ["bali", 12]],
  culturesByKecamatan: { Cakranegara: [["bali", 45], ["sasak", 35], ["umum", 20]] },
  streets: [
    "Pejanggik", "Langko", "Majapahit", "Airlangga", "Sriwijaya", "Panca Usaha", "Bung Karno", "Saleh Sungkar",
    "Adi Sucipto", "Energi", "Gora", "Lingkar Selatan", "Brawijaya", "Swadaya", "Dr. Soedjono", "Gajah Mada",
    "Ismail Marzuki", "Pariwisata", "Catur Warga", "TGH. Faisal", "Sultan Kaharudin", "Selaparang", "Tumpang Sari", "Jenderal Sudirman",
  ],
  alleys: ["Gg. Mawar", "Gg. Melati", "Gg. Kenanga", "Gg. Nusa Indah", "Gg. Anggrek", "Gg. Merpati", "Gg. Sawo", "Gg. Manggis"],
  birthPlaces: ["Mataram", "Mataram", "Mataram", "Lombok Barat", "Lombok Tengah", "Lombok Timur", "Lombok Utara", "Bima", "Sumbawa", "Denpasar"],
  officers: ["Lalu Ahmad Zaini", "Baiq Nurul Hidayati", "I Made Suarta", "Hamdan Saputra", "Siti Rohani"],
  opds: povertyOpds({ name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda" }),
  programmes,
  statistics: [
    { year: 2019, povertyRatePct: "8.92", poorPeople: 40_350, extremeRatePct: "2.39", extremePoorPeople: 10_810, p1: "1.412", p2: "0.338", source: statisticSource },
    { year: 2020, povertyRatePct: "9.09", poorPeople: 41_470, extremeRatePct: "2.16", extremePoorPeople: 9_850, p1: "1.456", p2: "0.351", source: statisticSource },
    { year: 2021, povertyRatePct: "9.34", poorPeople: 43_200, extremeRatePct: "2.06", extremePoorPeople: 9_530, p1: "1.503", p2: "0.362", source: statisticSource },
    { year: 2022, povertyRatePct: "8.96", poorPeople: 41_800, extremeRatePct: "1.47", extremePoorPeople: 6_860, p1: "1.371", p2: "0.320", source: statisticSource },
    { year: 2023, povertyRatePct: "8.68", poorPeople: 40_770, extremeRatePct: "0.94", extremePoorPeople: 4_415, p1: "1.298", p2: "0.297", source: statisticSource },
    { year: 2024, povertyRatePct: "8.25", poorPeople: 39_020, extremeRatePct: "0.37", extremePoorPeople: 1_750, p1: "1.214", p2: "0.271", source: statisticSource },
  ],
  targets: [
    { indicator: "EXTREME_POVERTY_RATE", year: 2024, value: "0", note: "Nol kemiskinan ekstrem pada 2024, sesuai target pemerintah pusat" },
    { indicator: "EXTREME_POOR_HOUSEHOLDS", year: 2024, value: "0", note: "Seluruh KK miskin ekstrem (22.244 KK pada data awal) naik kelas" },
    { indicator: "POVERTY_RATE", year: 2024, value: "8", note: "Angka kemiskinan tetap di bawah 10 % dan turun ke 8 %" },
  ],
  revolvingFunds: [],
};

function training(
  name: string,
  skill: string,
  pagu: bigint,
  plan: Omit<TrainingProgrammeInput, "opdCode" | "fiscalYear" | "name" | "skill" | "fundingSource" | "pagu">,
): ProgrammeSpec {
  return trainingProgramme({ opdCode: OPD.manpower, fiscalYear: YEAR, name, skill, fundingSource: "FISCAL_INCENTIVE", pagu, ...plan });
}

function craftTraining(name: string, skill: string, pagu: bigint, firstMonth: number, place: string): ProgrammeSpec {
  return trainingProgramme({
    opdCode: OPD.cooperatives, fiscalYear: YEAR, name, skill, fundingSource: "FISCAL_INCENTIVE", pagu,
    batches: 2, days: 8, firstMonth, places: [place], trainer: "Perajin senior binaan Diskop UKM",
    description: `Pelatihan ${skill.toLowerCase()} bagi perajin dari keluarga miskin.`,
    budgetDescription: "Belanja pelatihan perajin",
  });
}
