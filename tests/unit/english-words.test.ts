// Every English word the interface says is English: a catalogue value in messages/en holding a
// common Indonesian word was left untranslated. Domain terms (kelurahan, kecamatan, Dana PEM,
// OPD, Bapeda, DTKS, desil, pagu…) are names and stay as they are.
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";

/** Common Indonesian words that have no place in an English sentence. */
const INDONESIAN_WORDS = [
  "yang",
  "dan",
  "tidak",
  "untuk",
  "dengan",
  "belum",
  "sudah",
  "pilih",
  "isi",
  "berkas",
  "simpan",
  "batal",
  "harus",
  "wajib",
  "atau",
  "ini",
  "itu",
  "dari",
  "pada",
  "ke",
  "di",
  "tahun",
  "bulan",
  "tanggal",
  "jumlah",
  "nama",
  "kosong",
  "baris",
  "kolom",
  "periksa",
  "tambah",
  "hapus",
  "ubah",
  "kembali",
  "cari",
  "semua",
  "keluarga",
  "bantuan",
  "pelatihan",
  "anggaran",
  "peserta",
  "pinjaman",
  "juta",
  "miliar",
  "ribu",
  "contoh",
  "misalnya",
  "tersimpan",
  "ditemukan",
  "berhasil",
  "gagal",
  "lihat",
  "unduh",
  "unggah",
  "kirim",
];

/** Every string of a catalogue, with its dotted key. */
function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/**
 * The words of a value, without ICU placeholders ({name}), plural selectors and tags, and
 * without words in capitals: those name a spreadsheet's columns (NAMA, ID PELATIHAN), which
 * the files hold in Indonesian whatever the interface's language.
 */
function wordsOf(value: string): string[] {
  const prose = value
    .replace(/\{\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,/g, "{")
    .replace(/<\/?\w+>/g, " ")
    .replace(/\{\s*\w+\s*\}/g, " ");
  const words = prose.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => word !== word.toUpperCase()).map((word) => word.toLowerCase());
}

// Values that name an Indonesian word on purpose, each with why.
const NAMES_INDONESIAN_WORDS: Record<string, string> = {
  "Money.parseError.decimalPoint": "said only when the amount was typed with juta or miliar",
};

const english = leaves(catalogues.en);
const indonesian = leaves(catalogues.id);
const stopList = new Set(INDONESIAN_WORDS);

describe("the English catalogue", () => {
  it("finds an Indonesian word where one was left", () => {
    expect(wordsOf("Pilih program.").filter((word) => stopList.has(word))).toEqual(["pilih"]);
    expect(wordsOf("Fill in NAMA and P3KE.").filter((word) => stopList.has(word))).toEqual([]);
    expect(wordsOf("Choose {count, plural, one {# programme} other {# programmes}}.").filter((word) => stopList.has(word))).toEqual([]);
  });

  it("holds no common Indonesian word", () => {
    const untranslated = english
      .filter(([key, value]) => !(key in NAMES_INDONESIAN_WORDS) && wordsOf(value).some((word) => stopList.has(word)))
      .map(([key, value]) => `${key}: ${value}`);
    expect(untranslated).toEqual([]);
  });

  it("has every key the Indonesian catalogue has, and no other", () => {
    expect(english.map(([key]) => key).sort()).toEqual(indonesian.map(([key]) => key).sort());
  });
});
