import { utcDate } from "@/lib/calendar/days";
import { juta, ribu } from "../money";
import { trainingProgramme, type TrainingProgrammeInput } from "./builders";
import { OPD, povertyOpds } from "./opds";
import type { CitySpec, ProgrammeSpec, RevolvingFundSpec } from "./types";

const BLK = "UPTD Balai Latihan Kerja Kota Kupang";
const DISNAKER_HALL = "Aula Kantor Dinas Tenaga Kerja Kota Kupang";
const NAIKOTEN_HALL = "Aula Kantor Lurah Naikoten Satu";

type DisnakerTraining = Omit<TrainingProgrammeInput, "opdCode" | "fiscalYear" | "fundingSource">;

const disnakerTrainings2024: DisnakerTraining[] = [
  { name: "Pelatihan Service AC", skill: "Service AC", pagu: juta(200), batches: 2, days: 8, firstMonth: 3, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 set manifold gauge, 1 unit pompa vakum, kunci dan tabung freon", value: ribu(5_500) } },
  { name: "Pelatihan Pertukangan Kayu", skill: "Pertukangan Kayu", pagu: juta(175), batches: 2, days: 10, firstMonth: 4, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 unit mesin serut, 1 unit gergaji listrik, perkakas tangan", value: ribu(4_500) } },
  { name: "Pelatihan Cuci dan Perawatan Sepeda Motor", skill: "Cuci dan Perawatan Sepeda Motor", pagu: juta(120), batches: 2, days: 5, firstMonth: 5, preferredSex: "MALE", places: [NAIKOTEN_HALL, DISNAKER_HALL],
    toolKit: { items: "1 unit mesin steam, 1 unit kompresor, perlengkapan cuci", value: ribu(4_000) } },
  { name: "Pelatihan Perbengkelan Sepeda Motor", skill: "Perbengkelan Sepeda Motor", pagu: juta(250), batches: 2, days: 10, firstMonth: 6, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 set kunci bengkel, 1 unit kompresor angin", value: ribu(5_000) } },
  { name: "Pelatihan Menjahit", skill: "Menjahit", pagu: juta(225), batches: 2, days: 10, firstMonth: 3, preferredSex: "FEMALE", places: [BLK],
    toolKit: { items: "1 unit mesin jahit, 1 unit mesin obras", value: ribu(4_750) } },
  { name: "Pelatihan Tata Boga", skill: "Tata Boga", pagu: juta(150), batches: 2, days: 6, firstMonth: 7, preferredSex: "FEMALE", places: [DISNAKER_HALL],
    toolKit: { items: "1 set kompor gas dan tabung, 1 oven, peralatan masak", value: ribu(3_500) } },
];

const disnakerTrainings2025: DisnakerTraining[] = [
  { name: "Pelatihan Service AC", skill: "Service AC", pagu: juta(210), batches: 2, days: 8, firstMonth: 8, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 set manifold gauge, 1 unit pompa vakum, kunci dan tabung freon", value: ribu(5_500) } },
  { name: "Pelatihan Perbengkelan Sepeda Motor", skill: "Perbengkelan Sepeda Motor", pagu: juta(260), batches: 2, days: 10, firstMonth: 5, preferredSex: "MALE", places: [BLK],
    toolKit: { items: "1 set kunci bengkel, 1 unit kompresor angin", value: ribu(5_000) } },
  { name: "Pelatihan Menjahit", skill: "Menjahit", pagu: juta(230), batches: 1, days: 10, firstMonth: 4, preferredSex: "FEMALE", places: [BLK],
    toolKit: { items: "1 unit mesin jahit, 1 unit mesin obras", value: ribu(4_750) } },
  { name: "Pelatihan Barista", skill: "Barista", pagu: juta(150), batches: 1, days: 10, firstMonth: 11, places: [DISNAKER_HALL],
    toolKit: { items: "1 unit mesin espresso, 1 unit grinder, peralatan seduh manual", value: ribu(6_500) } },
];

function programmesFor(year: 2024 | 2025): ProgrammeSpec[] {
  const trainings = (year === 2024 ? disnakerTrainings2024 : disnakerTrainings2025).map((training) =>
    trainingProgramme({ ...training, opdCode: OPD.manpower, fiscalYear: year, fundingSource: "APBD" }),
  );
  const grow = (value: bigint) => (year === 2024 ? value : (value * 105n) / 100n);
  const common: ProgrammeSpec[] = [
    {
      opdCode: OPD.manpower, fiscalYear: year, kind: "EQUIPMENT_AID", name: "Bantuan Peralatan Kerja bagi Lulusan Pelatihan",
      description: "Peralatan kerja bagi lulusan pelatihan agar dapat membuka usaha mandiri.",
      targetUnit: "PERSON", targetCount: 150, targetExtremeCount: 90,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja barang untuk diserahkan kepada masyarakat", pagu: grow(juta(750)) }],
      toolKits: { forGraduatesOf: trainings.map((programme) => programme.name), share: 0.7 },
    },
    {
      opdCode: OPD.manpower, fiscalYear: year, kind: "INSURANCE_PREMIUM", name: "Iuran BPJS Ketenagakerjaan Pekerja Informal",
      description: "Iuran JKK dan JKM bagi pekerja informal dari keluarga miskin, sekitar 50 orang per kelurahan.",
      targetUnit: "PERSON", targetCount: 2_550, targetExtremeCount: 1_500,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja iuran jaminan sosial ketenagakerjaan", pagu: juta(515) }],
      aid: { kind: "INSURANCE_PREMIUM", recipients: 250, items: "Iuran JKK dan JKM 12 bulan (Rp 16.800 per bulan)", value: ribu(201.6), maxDesil: 2, memberAge: [18, 60], months: [2, 2] },
    },
    {
      opdCode: OPD.housing, fiscalYear: year, kind: "HOUSING", name: "Rumah Layak Huni",
      description: "Bedah rumah tidak layak huni bersama TNI dan dana CSR; penerima kemudian mendapat modal usaha.",
      targetUnit: "HOUSEHOLD", targetCount: 35, targetExtremeCount: 35,
      budgetLines: [
        { fundingSource: "APBD", description: "Belanja bahan bangunan rumah layak huni", pagu: grow(juta(800)) },
        { fundingSource: "CSR", description: "Dana CSR pembangunan rumah layak huni", pagu: juta(750), partnerName: "PT Bank Pembangunan Daerah NTT" },
      ],
      aid: {
        kind: "HOUSING", recipients: 30, items: "Bedah rumah: atap seng, dinding bata, lantai semen, jamban sehat",
        value: [juta(40), juta(50)], maxDesil: 1, months: [5, 10], partnerName: "Korem 161/Wira Sakti dan CSR Bank NTT",
      },
    },
    {
      opdCode: OPD.economy, fiscalYear: year, kind: "REVOLVING_FUND", name: "Dana Pemberdayaan Ekonomi Masyarakat (PEM)",
      description: "Dana bergulir di 51 kelurahan, dikelola lurah bersama LPM, diutamakan bagi usaha kaum muda.",
      targetUnit: "PERSON", targetCount: 1_530, targetExtremeCount: 300,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja hibah Dana PEM kepada LPM kelurahan (51 kelurahan)", pagu: juta(5_100) }],
    },
    {
      opdCode: OPD.agriculture, fiscalYear: year, kind: "SEEDLINGS", name: "Bantuan Bibit Cabai dan Bawang Merah",
      description: "Bibit untuk pekarangan keluarga miskin, sekaligus menahan inflasi pangan.",
      targetUnit: "HOUSEHOLD", targetCount: 400, targetExtremeCount: 200,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja bibit untuk diserahkan kepada masyarakat", pagu: grow(juta(150)) }],
      aid: { kind: "SEEDLINGS", recipients: 150, items: "100 polybag bibit cabai rawit, 5 kg bibit bawang merah", value: ribu(350), maxDesil: 4, months: [10, 11] },
    },
  ];
  if (year === 2025) return [...trainings, ...common];
  return [
    ...trainings,
    ...common,
    trainingProgramme({
      opdCode: OPD.cooperatives, fiscalYear: year, name: "Pelatihan Kerajinan Tenun Ikat", skill: "Tenun Ikat", fundingSource: "APBD",
      pagu: juta(150), batches: 2, days: 8, firstMonth: 5, preferredSex: "FEMALE", places: ["Sanggar Tenun Kelurahan Oebobo"],
      trainer: "Penenun senior binaan Diskop UKM", description: "Pelatihan tenun ikat motif Timor, Rote dan Sabu bagi perempuan dari keluarga miskin.",
    }),
    {
      opdCode: OPD.cooperatives, fiscalYear: year, kind: "CAPITAL_AID", name: "Bantuan Modal Usaha Mikro",
      description: "Modal usaha bagi usaha mikro keluarga miskin, diutamakan penerima rumah layak huni.",
      targetUnit: "HOUSEHOLD", targetCount: 100, targetExtremeCount: 60,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja hibah uang kepada masyarakat", pagu: juta(400) }],
      aid: { kind: "CAPITAL", recipients: 100, items: "Modal usaha mikro melalui rekening penerima", value: [juta(2.5), juta(5)], maxDesil: 3, months: [6, 10] },
    },
    trainingProgramme({
      opdCode: OPD.trade, fiscalYear: year, name: "Pelatihan Peningkatan Kapasitas Produksi UMKM", skill: "Pengemasan dan Pemasaran Produk UMKM",
      fundingSource: "APBD", pagu: juta(150), batches: 2, participantsPerBatch: 25, days: 4, firstMonth: 6,
      places: ["Aula Kantor Dinas Perdagangan Kota Kupang"], trainer: "Fasilitator Klinik UMKM", budgetDescription: "Belanja pelatihan",
    }),
    trainingProgramme({
      opdCode: OPD.industry, fiscalYear: year, name: "Pelatihan Pengolahan Pangan Lokal", skill: "Pengolahan Se'i dan Jagung Bose",
      fundingSource: "APBD", pagu: juta(150), batches: 2, participantsPerBatch: 25, days: 4, firstMonth: 8, preferredSex: "FEMALE",
      places: ["Aula Kantor Dinas Perindustrian Kota Kupang"], trainer: "Instruktur Industri Kecil Menengah", budgetDescription: "Belanja pelatihan",
    }),
    {
      opdCode: OPD.social, fiscalYear: year, kind: "SOCIAL_ASSISTANCE", name: "Jaring Sosial Warga Miskin Ekstrem",
      description: "Bantuan rutin bagi warga miskin ekstrem yang tidak mampu bekerja.",
      targetUnit: "HOUSEHOLD", targetCount: 1_000, targetExtremeCount: 1_000,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja bantuan sosial uang", pagu: juta(1_000) }],
      aid: { kind: "CASH", recipients: 150, items: "Bantuan stimulan tunai triwulan", value: ribu(900), maxDesil: 1, months: [3, 9] },
    },
    {
      opdCode: OPD.food, fiscalYear: year, kind: "FOOD_AID", name: "Bantuan Pangan Keluarga Miskin Ekstrem",
      description: "Paket pangan bulanan bagi keluarga miskin ekstrem.",
      targetUnit: "HOUSEHOLD", targetCount: 1_400, targetExtremeCount: 1_400,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja bantuan pangan", pagu: juta(350) }],
      aid: { kind: "FOOD", recipients: 250, items: "10 kg beras, 2 liter minyak goreng, 10 butir telur", value: ribu(250), maxDesil: 1, months: [1, 12] },
    },
    {
      opdCode: OPD.education, fiscalYear: year, kind: "SOCIAL_ASSISTANCE", name: "Bantuan Biaya Pendidikan Anak Keluarga Miskin",
      description: "Seragam, buku dan biaya sekolah anak dari keluarga miskin.",
      targetUnit: "PERSON", targetCount: 500, targetExtremeCount: 300,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja bantuan sosial pendidikan", pagu: juta(400) }],
      aid: { kind: "CASH", recipients: 150, items: "Seragam, buku dan biaya sekolah", value: [ribu(750), juta(1.5)], maxDesil: 2, memberAge: [7, 18], months: [7, 8] },
    },
    {
      opdCode: OPD.planning, fiscalYear: year, kind: "OTHER", name: "Sinkronisasi Program Penanggulangan Kemiskinan",
      description: "Koordinasi program OPD dan kelurahan menuju kemiskinan nol 2026 (RPDK 2023–2026).",
      targetUnit: "HOUSEHOLD", targetCount: 0, targetExtremeCount: 0,
      budgetLines: [{ fundingSource: "APBD", description: "Belanja rapat koordinasi dan pemantauan", pagu: juta(100) }],
    },
  ];
}

const revolvingFunds: RevolvingFundSpec[] = [
  // "Dana PEM tahun ini sekitar Rp 200 juta telah digulirkan ke sekitar 30 warga" (Lurah Naikoten 1, 2024).
  pemFund("Naikoten Satu", 2024, { carriedOver: juta(150), loans: 30, lentTotal: juta(200), youthShare: 0.75 }),
  pemFund("Naikoten Satu", 2025, { carriedOver: juta(170), loans: 25, lentTotal: juta(180), youthShare: 0.7 }),
  pemFund("Fontein", 2024, { carriedOver: juta(120), loans: 20, lentTotal: juta(150), youthShare: 0.6 }),
  pemFund("Oebobo", 2024, { carriedOver: juta(140), loans: 24, lentTotal: juta(170), youthShare: 0.55 }),
  pemFund("Oesapa", 2024, { carriedOver: juta(100), loans: 18, lentTotal: juta(130), youthShare: 0.6 }),
  pemFund("Airmata", 2024, { carriedOver: juta(90), loans: 15, lentTotal: juta(110), youthShare: 0.5 }),
];

function pemFund(
  kelurahan: string,
  year: number,
  plan: Pick<RevolvingFundSpec, "carriedOver" | "loans" | "lentTotal" | "youthShare">,
): RevolvingFundSpec {
  return {
    kelurahan, year, lpmName: `LPM Kelurahan ${kelurahan}`, topUp: juta(100), maxLoan: juta(15), maxTenorMonths: 12,
    serviceFeeBps: 300, graceMonths: 1, approvedByName: `Lurah ${kelurahan}`, ...plan,
  };
}

const statisticSource = "Ilustrasi demo mengikuti pola BPS (Susenas Maret)";

/** Kota Kupang: poverty 8,61 % of about 400.000 people; Dana PEM in 51 kelurahan; zero poverty by 2026. */
export const kupang: CitySpec = {
  slug: "kupang",
  kemendagriCode: "53.71",
  demoKelurahan: "Naikoten Satu",
  asOf: utcDate(2025, 11, 15),
  cultures: [["timor", 80], ["umum", 20]],
  streets: [
    "El Tari", "Timor Raya", "W.J. Lalamentik", "Frans Seda", "Soeharto", "Nangka", "Jenderal Sudirman", "Kejora",
    "Perintis Kemerdekaan", "Adisucipto", "Cak Doko", "Sam Ratulangi", "Amabi", "Fetor Funay", "Herewila", "Bundaran PU",
    "Kelapa", "Moh. Hatta", "Thamrin", "Piet A. Tallo", "Oebananta", "Alor", "Beringin", "Kartini",
  ],
  alleys: ["Gg. Cendana", "Gg. Flamboyan", "Gg. Lontar", "Gg. Kenari", "Gg. Asam", "Gg. Kesambi", "Gg. Sirih", "Gg. Damai"],
  birthPlaces: ["Kupang", "Kupang", "Kupang", "Soe", "Kefamenanu", "Atambua", "Ba'a", "Seba", "Ende", "Maumere", "Kalabahi", "Waingapu"],
  officers: ["Yohanis Ndun", "Maria Yuliana Manafe", "Frans Lay", "Agustina Benu", "Melkianus Tefa"],
  opds: povertyOpds({ name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bapeda" }),
  programmes: [...programmesFor(2024), ...programmesFor(2025)],
  statistics: [
    { year: 2019, povertyRatePct: "9.06", poorPeople: 35_300, extremeRatePct: "2.61", extremePoorPeople: 10_170, p1: "1.512", p2: "0.371", source: statisticSource },
    { year: 2020, povertyRatePct: "9.42", poorPeople: 37_100, extremeRatePct: "2.55", extremePoorPeople: 10_040, p1: "1.588", p2: "0.392", source: statisticSource },
    { year: 2021, povertyRatePct: "9.61", poorPeople: 38_300, extremeRatePct: "2.34", extremePoorPeople: 9_330, p1: "1.620", p2: "0.401", source: statisticSource },
    { year: 2022, povertyRatePct: "9.29", poorPeople: 37_300, extremeRatePct: "1.53", extremePoorPeople: 6_140, p1: "1.544", p2: "0.377", source: statisticSource },
    { year: 2023, povertyRatePct: "8.94", poorPeople: 35_900, extremeRatePct: "1.02", extremePoorPeople: 4_100, p1: "1.463", p2: "0.349", source: statisticSource },
    { year: 2024, povertyRatePct: "8.61", poorPeople: 34_440, extremeRatePct: "0.58", extremePoorPeople: 2_320, p1: "1.397", p2: "0.326", source: "Bapeda Kota Kupang (November 2024)" },
  ],
  targets: [
    { indicator: "POVERTY_RATE", year: 2026, value: "0", note: "Kemiskinan nol pada 2026 (RPDK Kota Kupang 2023–2026)" },
    { indicator: "POVERTY_RATE", year: 2025, value: "4.3", note: "Tahapan menuju kemiskinan nol 2026" },
    { indicator: "EXTREME_POVERTY_RATE", year: 2024, value: "0", note: "Nol kemiskinan ekstrem 2024, sesuai target nasional" },
  ],
  revolvingFunds,
};
