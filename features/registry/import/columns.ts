// The columns of a DTKS/DTSEN/P3KE extract: one row per member, the household's
// columns repeated on each row. Headers are matched case-, spacing- and punctuation-
// insensitively against the usual variants; docs/import-format.md lists them.
import { wordsMessage } from "@/lib/errors/words-message";

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
  | "disability"
  | "areaCode"
  | "headName";

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
  {
    key: "noKk",
    header: "NO KK",
    aliases: ["NO. KK", "NOKK", "NOMOR KK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK", "NO KK DUKCAPIL", "NOMOR KK DUKCAPIL"],
    required: true,
    household: true,
  },
  {
    key: "nik",
    header: "NIK",
    aliases: ["NO NIK", "NOMOR NIK", "NIK ANGGOTA", "NOMOR INDUK KEPENDUDUKAN", "NIK DUKCAPIL", "NIK ART"],
    required: true,
    household: false,
  },
  {
    key: "name",
    header: "NAMA",
    aliases: ["NAMA LENGKAP", "NAMA ANGGOTA", "NAMA ART", "NAMA ANGGOTA KELUARGA", "NAMA INDIVIDU"],
    required: true,
    household: false,
  },
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
  {
    key: "kelurahan",
    header: "KELURAHAN",
    aliases: ["DESA/KELURAHAN", "KELURAHAN/DESA", "KEL", "DESA", "NAMA KELURAHAN", "NAMA DESA", "NAMA DESA/KELURAHAN"],
    required: true,
    household: true,
  },
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
  // P3KE names the kelurahan by its Kemendagri code (52.71.04.1002 or 5271041002); it then
  // stands for KELURAHAN and KECAMATAN, whose names are not read.
  {
    key: "areaCode",
    header: "KODE WILAYAH",
    aliases: ["KODE KEMDAGRI", "KODE KEMENDAGRI", "KODE WILAYAH KEMENDAGRI", "KODE DESA", "KODE KELURAHAN", "KODE DESA/KELURAHAN", "KD DESA", "KDDESA"],
    required: false,
    household: true,
  },
  // The P3KE family file: one row per family, named by its head, without a relation column.
  { key: "headName", header: "KEPALA KELUARGA", aliases: ["NAMA KEPALA KELUARGA", "NAMA KRT", "NAMA KEPALA RUMAH TANGGA"], required: false, household: false },
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
  /** A P3KE family file: every row is a family's head, named in KEPALA KELUARGA. */
  headsOnly: boolean;
  /** Headers the import does not read, kept in the rejected-rows file all the same. */
  ignored: string[];
};

/** `errors` name their words (wordsMessage): the refusal is said in each reader's language. */
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
        wordsMessage("RegistryImport.errors.duplicateColumn", {
          column: COLUMN_BY_KEY[key].header,
          first: headers[first]?.trim() ?? "",
          firstLetter: columnLetter(first),
          second: header.trim(),
          secondLetter: columnLetter(index),
        }),
      );
      return;
    }
    indexByKey[key] = index;
  });
  const headsOnly = readHeadName(indexByKey, headers, ignored);
  const missing = COLUMNS.filter((column) => column.required && indexByKey[column.key] === undefined && !standsIn(column.key, indexByKey, headsOnly)).map(
    (column) => column.header,
  );
  if (missing.length > 0) errors.push(wordsMessage("RegistryImport.errors.missingColumns", { columns: missing.join(", ") }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, mapping: { indexByKey, ignored, headsOnly } };
}

/**
 * KEPALA KELUARGA is the name of a P3KE family file's only member, the head. Beside a NAMA
 * column (the individual file) it only repeats the head's name and is not read.
 */
function readHeadName(indexByKey: Partial<Record<ColumnKey, number>>, headers: readonly string[], ignored: string[]): boolean {
  const at = indexByKey.headName;
  if (at === undefined) return false;
  delete indexByKey.headName;
  if (indexByKey.name !== undefined) {
    ignored.push(headers[at]!.trim());
    return false;
  }
  indexByKey.name = at;
  return indexByKey.relation === undefined;
}

/**
 * A required column another stands in for: KODE WILAYAH for KELURAHAN, a heads-only file for
 * HUB KELUARGA, the family's ID (P3KE files carry no No. KK) for NO KK: the registry's family
 * of that ID or NIK gives it.
 */
function standsIn(key: ColumnKey, indexByKey: Partial<Record<ColumnKey, number>>, headsOnly: boolean): boolean {
  if (key === "kelurahan") return indexByKey.areaCode !== undefined;
  if (key === "noKk") return indexByKey.registryId !== undefined;
  return key === "relation" && headsOnly;
}

/** How many known columns a row names: the header is the first row naming NIK and at least two others. */
export function headerScore(cells: readonly string[]): number {
  const keys = new Set(cells.map(columnKeyOf).filter((key): key is ColumnKey => key !== null));
  return keys.has("nik") ? keys.size : 0;
}
