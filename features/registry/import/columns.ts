// The columns of a DTKS/DTSEN/P3KE extract: one row per member, the household's
// columns repeated on each row. Headers are matched case-, spacing- and punctuation-
// insensitively against the usual variants; docs/import-format.md lists them.

export type ColumnKey =
  | "noKk"
  | "nik"
  | "name"
  | "sex"
  | "birthPlace"
  | "birthDate"
  | "relation"
  | "desil"
  | "extremePoor"
  | "kecamatan"
  | "kelurahan"
  | "address"
  | "rt"
  | "rw"
  | "rtRw"
  | "registryId"
  | "education"
  | "occupation"
  | "disability";

export type ColumnSpec = {
  key: ColumnKey;
  /** The header the template uses and reasons name. */
  header: string;
  /** Other spellings found in extracts. */
  aliases: readonly string[];
  required: boolean;
  /** Repeated on every row of a household; empty cells inherit the household's value. */
  household: boolean;
};

export const COLUMNS: readonly ColumnSpec[] = [
  { key: "noKk", header: "NO KK", aliases: ["NO. KK", "NOKK", "NOMOR KK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK"], required: true, household: true },
  { key: "nik", header: "NIK", aliases: ["NO NIK", "NOMOR NIK", "NIK ANGGOTA", "NOMOR INDUK KEPENDUDUKAN"], required: true, household: false },
  { key: "name", header: "NAMA", aliases: ["NAMA LENGKAP", "NAMA ANGGOTA", "NAMA ART", "NAMA ANGGOTA KELUARGA"], required: true, household: false },
  { key: "sex", header: "JENIS KELAMIN", aliases: ["JK", "L/P", "KELAMIN", "SEX"], required: true, household: false },
  { key: "birthPlace", header: "TEMPAT LAHIR", aliases: ["TMPT LAHIR", "TPT LAHIR"], required: false, household: false },
  { key: "birthDate", header: "TANGGAL LAHIR", aliases: ["TGL LAHIR", "TGL. LAHIR", "TANGGAL LAHIR (DD-MM-YYYY)"], required: true, household: false },
  {
    key: "relation",
    header: "HUB KELUARGA",
    aliases: [
      "HUBUNGAN KELUARGA",
      "HUBUNGAN DALAM KELUARGA",
      "SHDK",
      "STATUS HUBUNGAN DALAM KELUARGA",
      "HUB. DGN KK",
      "HUBUNGAN DENGAN KEPALA KELUARGA",
      "HUB KK",
    ],
    required: true,
    household: false,
  },
  { key: "desil", header: "DESIL", aliases: ["DESIL KESEJAHTERAAN", "PERINGKAT DESIL", "DESIL DTSEN"], required: false, household: true },
  {
    key: "extremePoor",
    header: "MISKIN EKSTREM",
    aliases: ["P3KE", "MISKIN EKSTRIM", "KEMISKINAN EKSTREM", "STATUS MISKIN EKSTREM"],
    required: false,
    household: true,
  },
  { key: "kecamatan", header: "KECAMATAN", aliases: ["KEC", "NAMA KECAMATAN"], required: false, household: true },
  { key: "kelurahan", header: "KELURAHAN", aliases: ["DESA/KELURAHAN", "KELURAHAN/DESA", "KEL", "DESA", "NAMA KELURAHAN"], required: true, household: true },
  { key: "address", header: "ALAMAT", aliases: ["ALAMAT RUMAH", "ALAMAT DOMISILI", "ALAMAT LENGKAP"], required: false, household: true },
  { key: "rt", header: "RT", aliases: [], required: false, household: true },
  { key: "rw", header: "RW", aliases: [], required: false, household: true },
  { key: "rtRw", header: "RT/RW", aliases: [], required: false, household: true },
  {
    key: "registryId",
    header: "ID DTSEN",
    aliases: ["ID DTKS", "IDDTKS", "ID KELUARGA", "ID KELUARGA P3KE", "ID P3KE", "ID SEMESTA"],
    required: false,
    household: true,
  },
  { key: "education", header: "PENDIDIKAN", aliases: ["PENDIDIKAN TERAKHIR", "PENDIDIKAN TERTINGGI", "IJAZAH TERTINGGI"], required: false, household: false },
  { key: "occupation", header: "PEKERJAAN", aliases: ["JENIS PEKERJAAN", "PEKERJAAN UTAMA"], required: false, household: false },
  { key: "disability", header: "DISABILITAS", aliases: ["JENIS DISABILITAS", "PENYANDANG DISABILITAS", "KECACATAN"], required: false, household: false },
];

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((column) => [column.key, column])) as Record<ColumnKey, ColumnSpec>;

/** "No. KK", "no_kk ", "NO  KK" → "NOKK"; a hint in brackets ("TGL LAHIR (dd-mm-yyyy)") is dropped. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/\([^)]*\)/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

const KEY_BY_HEADER = new Map<string, ColumnKey>();
for (const column of COLUMNS) {
  for (const name of [column.header, ...column.aliases]) KEY_BY_HEADER.set(normaliseHeader(name), column.key);
}

export function columnKeyOf(header: string): ColumnKey | null {
  const normalised = normaliseHeader(header);
  return normalised ? (KEY_BY_HEADER.get(normalised) ?? null) : null;
}

export type HeaderMapping = {
  /** Column index (0-based) → key, for the mapped columns. */
  indexByKey: Partial<Record<ColumnKey, number>>;
  /** Headers the import does not read, kept in the rejected-rows file all the same. */
  ignored: string[];
};

export type HeaderResult = { ok: true; mapping: HeaderMapping } | { ok: false; errors: string[] };

/** "A", …, "Z", "AA": how a spreadsheet names a column, for messages. */
export function columnLetter(index: number): string {
  let letter = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** Maps a header row to columns; duplicate or missing required columns are errors for the whole file. */
export function mapHeaders(headers: readonly string[]): HeaderResult {
  const indexByKey: Partial<Record<ColumnKey, number>> = {};
  const ignored: string[] = [];
  const errors: string[] = [];
  headers.forEach((header, index) => {
    const key = columnKeyOf(header);
    if (!key) {
      if (header.trim()) ignored.push(header.trim());
      return;
    }
    const first = indexByKey[key];
    if (first !== undefined) {
      errors.push(
        `Kolom ${COLUMN_BY_KEY[key].header} muncul dua kali: "${headers[first]?.trim()}" (kolom ${columnLetter(first)}) dan "${header.trim()}" (kolom ${columnLetter(index)}). Hapus salah satu.`,
      );
      return;
    }
    indexByKey[key] = index;
  });
  const missing = COLUMNS.filter((column) => column.required && indexByKey[column.key] === undefined).map((column) => column.header);
  if (missing.length > 0) errors.push(`Kolom wajib tidak ditemukan: ${missing.join(", ")}.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, mapping: { indexByKey, ignored } };
}

/** How many known columns a row names: the header is the first row naming NIK and at least two others. */
export function headerScore(cells: readonly string[]): number {
  const keys = new Set(cells.map(columnKeyOf).filter((key): key is ColumnKey => key !== null));
  return keys.has("nik") ? keys.size : 0;
}
