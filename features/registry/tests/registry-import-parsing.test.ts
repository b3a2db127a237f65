import { messageWordsIn } from "@/lib/actions/error-words";
import { describe, expect, it } from "vitest";
import { areaKey, areaMatcher } from "@/features/registry/import/areas";
import { cellDesil, cellFlag, cellRelation, cellRtRw, cellSex, splitRtRw } from "@/features/registry/import/cells";
import { cellDate, cellId, cellText, cleanText, excelSerialToDate, looksLikeFormula } from "@/lib/spreadsheet/cells";
import { columnKeyOf, mapHeaders } from "@/features/registry/import/columns";
import { decodeText, detectDelimiter } from "@/lib/spreadsheet/parse-engine.mjs";
import { READ_LIMITS, readSpreadsheet } from "@/lib/spreadsheet/read";

const today = new Date(Date.UTC(2026, 10, 23));
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
async function* from(...chunks: Uint8Array[]) {
  yield* chunks;
}
const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }) => (result.ok ? result.value : `ERR: ${messageWordsIn(result.reason, "id")}`);

describe("header mapping", () => {
  it.each([
    ["NO KK", "noKk"],
    ["No. KK", "noKk"],
    ["NOKK", "noKk"],
    ["no_kk ", "noKk"],
    ["Nomor Kartu Keluarga", "noKk"],
    ["NIK", "nik"],
    ["NAMA LENGKAP", "name"],
    ["Nama", "name"],
    ["JK", "sex"],
    ["L/P", "sex"],
    ["Jenis  Kelamin", "sex"],
    ["TGL LAHIR", "birthDate"],
    ["Tanggal Lahir (dd-mm-yyyy)", "birthDate"],
    ["SHDK", "relation"],
    ["Hubungan Dalam Keluarga", "relation"],
    ["DESA/KELURAHAN", "kelurahan"],
    ["ID DTKS", "registryId"],
    ["ID DTSEN", "registryId"],
    ["P3KE", "extremePoor"],
    ["Miskin Ekstrem", "extremePoor"],
    ["RT/RW", "rtRw"],
    ["\u00a0KECAMATAN\u00a0", "kecamatan"],
  ])("%s → %s", (header, key) => {
    expect(columnKeyOf(header)).toBe(key);
  });

  it("names a duplicated column and the missing required ones", () => {
    const result = mapHeaders(["NO KK", "NIK", "NAMA", "No. KK", "KETERANGAN"]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [duplicated, missing] = result.errors.map((error) => messageWordsIn(error, "id"));
    expect(duplicated).toBe('Kolom NO KK muncul dua kali: "NO KK" (kolom A) dan "No. KK" (kolom D). Hapus salah satu.');
    expect(missing).toMatch(/Kolom wajib tidak ditemukan: JENIS KELAMIN, TANGGAL LAHIR, HUB KELUARGA, KELURAHAN/);
    expect(messageWordsIn(result.errors[0]!, "en")).toBe('Column NO KK appears twice: "NO KK" (column A) and "No. KK" (column D). Delete one of them.');
    expect(messageWordsIn(result.errors[1]!, "en")).toMatch(/^Required columns not found: JENIS KELAMIN, TANGGAL LAHIR/);
  });

  it("keeps unknown columns as ignored", () => {
    const result = mapHeaders(["NO", "NO KK", "NIK", "NAMA", "JK", "TGL LAHIR", "SHDK", "KELURAHAN", "CATATAN"]);
    expect(result.ok && result.mapping.ignored).toEqual(["NO", "CATATAN"]);
  });
});

describe("cells", () => {
  it("reads dates as text, Excel dates and serials", () => {
    expect(value(cellDate("12-01-1980", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("12/01/1980", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("1980-01-12", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("12 Januari 1980", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("3 Agustus 2001", "TGL", today))).toEqual(day(2001, 8, 3));
    expect(value(cellDate("12-Jan-80", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("12.01.1980", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("12011980", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate(29232, "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate("29232", "TGL", today))).toEqual(day(1980, 1, 12));
    expect(value(cellDate(day(1980, 1, 12), "TGL", today))).toEqual(day(1980, 1, 12));
    expect(excelSerialToDate(1)).toEqual(day(1900, 1, 1));
    expect(excelSerialToDate(61)).toEqual(day(1900, 3, 1));
    expect(value(cellDate("31-02-1980", "TANGGAL LAHIR", today))).toMatch(/^ERR: TANGGAL LAHIR tidak dikenali/);
    expect(value(cellDate("01-01-2030", "TANGGAL LAHIR", today))).toMatch(/belum terjadi/);
  });

  it("refuses IDs that Excel turned into numbers or scientific notation", () => {
    expect(value(cellId("5271010101900001", "NIK"))).toBe("5271010101900001");
    expect(value(cellId("'5271010101900001", "NIK"))).toBe("5271010101900001");
    expect(value(cellId("\u00a05271 0101 0190 0001 ", "NIK"))).toBe("5271010101900001");
    expect(value(cellId(5271010101900001, "NIK"))).toBe("5271010101900001");
    expect(value(cellId("5.27101E+15", "NIK"))).toMatch(/notasi ilmiah/);
    expect(value(cellId("5,27101E+15", "NIK"))).toMatch(/notasi ilmiah/);
    expect(value(cellId(5271010101900000, "NIK"))).toMatch(/digit terakhir hilang/);
    expect(value(cellId(5.27101e15, "NIK"))).toMatch(/digit terakhir hilang/);
  });

  it("refuses formulas, never evaluating them", () => {
    expect(looksLikeFormula("=cmd|' /C calc'!A0")).toBe(true);
    expect(looksLikeFormula("@SUM(1+1)")).toBe(true);
    expect(looksLikeFormula('+HYPERLINK("x")')).toBe(true);
    expect(looksLikeFormula("-")).toBe(false);
    expect(looksLikeFormula("+62 812 3456")).toBe(false);
    expect(value(cellText("=1+1", "NAMA"))).toMatch(/Kolom NAMA berisi rumus/);
    expect(value(cellText({ formula: "A1*2" }, "NAMA"))).toMatch(/rumus \(=A1\*2\)/);
    expect(value(cellText({ error: "#REF!" }, "NAMA"))).toMatch(/galat Excel/);
  });

  it("cleans spaces and reads numbers stored as text, Indonesian style", () => {
    expect(cleanText("\u00a0 Siti\u00a0\u00a0Aminah\u200b ")).toBe("Siti Aminah");
    expect(value(cellDesil("3"))).toBe(3);
    expect(value(cellDesil("3,0"))).toBe(3);
    expect(value(cellDesil("3.00"))).toBe(3);
    expect(value(cellDesil(" Desil 2"))).toBe(2);
    expect(value(cellDesil(4))).toBe(4);
    expect(value(cellDesil(""))).toBeNull();
    expect(value(cellDesil("2,5"))).toMatch(/bilangan bulat/);
    expect(value(cellDesil("11"))).toMatch(/1 sampai 10/);
    expect(value(cellRtRw(3, "RT"))).toBe("003");
    expect(value(cellRtRw("03", "RT"))).toBe("003");
    expect(value(splitRtRw("1/12"))).toEqual({ rt: "001", rw: "012" });
  });

  it("reads the coded columns in their usual spellings", () => {
    expect(["L", "LAKI-LAKI", "laki laki", "P", "PEREMPUAN", "Wanita"].map((v) => value(cellSex(v)))).toEqual([
      "MALE",
      "MALE",
      "MALE",
      "FEMALE",
      "FEMALE",
      "FEMALE",
    ]);
    expect(["KEPALA KELUARGA", "Istri", "SUAMI", "anak", "1", "FAMILI LAIN"].map((v) => value(cellRelation(v)))).toEqual([
      "HEAD",
      "SPOUSE",
      "SPOUSE",
      "CHILD",
      "HEAD",
      "OTHER_RELATIVE",
    ]);
    expect(["YA", "ya", "1", "TIDAK", "", "-"].map((v) => value(cellFlag(v, "P3KE")))).toEqual([true, true, true, false, null, null]);
    expect(value(cellSex("X"))).toMatch(/Jenis kelamin "X" tidak dikenali/);
  });
});

describe("encodings and separators", () => {
  async function decode(bytes: number[], chunk = 3): Promise<{ text: string; encoding: string | undefined }> {
    let encoding: string | undefined;
    const data = Uint8Array.from(bytes);
    async function* chunks() {
      for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk);
    }
    let text = "";
    for await (const piece of decodeText(chunks(), (name) => (encoding = name))) text += piece;
    return { text, encoding };
  }

  it("reads UTF-8 with and without a byte-order mark, even with characters cut between chunks", async () => {
    const utf8 = [...new TextEncoder().encode("NAMA;José Müller")];
    expect(await decode(utf8, 1)).toEqual({ text: "NAMA;José Müller", encoding: "utf-8" });
    expect(await decode([0xef, 0xbb, 0xbf, ...utf8], 5)).toEqual({ text: "NAMA;José Müller", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const latin = [..."NAMA;Jos"].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x80]);
    expect(await decode(latin)).toEqual({ text: "NAMA;José €", encoding: "windows-1252" });
  });

  it("reads UTF-16 with its byte-order mark", async () => {
    const text = "NIK\tNAMA";
    const bytes = [0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])];
    expect(await decode(bytes)).toEqual({ text, encoding: "utf-16le" });
  });

  it("takes the separator the header line holds most", () => {
    expect(detectDelimiter("NO KK;NIK;NAMA")).toBe(";");
    expect(detectDelimiter("NO KK,NIK,NAMA")).toBe(",");
    expect(detectDelimiter("NO KK\tNIK\tNAMA")).toBe("\t");
    expect(detectDelimiter('"NAMA, LENGKAP";NIK;NO KK')).toBe(";");
  });

  it("streams CSV rows with numbers and hashes the file", async () => {
    const bytes = new TextEncoder().encode('NIK;NAMA\r\n"5271";"A; B"\r\n\r\n');
    const sheet = await readSpreadsheet(from(bytes), { fileName: "a.csv" });
    const rows = [];
    for await (const row of sheet.rows) rows.push(row);
    expect(rows.map((row) => row.cells)).toEqual([["NIK", "NAMA"], ["5271", "A; B"], [null]]);
    expect(sheet.digest()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses files that are too large", async () => {
    const sheet = await readSpreadsheet(from(new Uint8Array(10).fill(65), new Uint8Array(10).fill(65)), { fileName: "a.csv", limits: { maxBytes: 15 } });
    await expect(async () => {
      for await (const _ of sheet.rows) void _;
    }).rejects.toThrow(/terlalu besar/);
  });

  it("takes a DTSEN extract of 100,000 households in one file, and refuses one row past the limit", async () => {
    expect(READ_LIMITS.maxRows).toBeGreaterThanOrEqual(350_000);
    // Up to 20 title rows above the header are allowed on top of the limit.
    const csv = new TextEncoder().encode(`NIK\n${Array.from({ length: 23 }, (_, i) => i).join("\n")}\n`);
    const sheet = await readSpreadsheet(from(csv), { fileName: "a.csv", limits: { maxRows: 2 } });
    await expect(async () => {
      for await (const _ of sheet.rows) void _;
    }).rejects.toThrow(/lebih dari 2 baris/);
  });
});

describe("areas", () => {
  it("matches kelurahan by name whatever the spelling of numbers, case and prefixes", () => {
    expect(areaKey("Naikoten 1")).toBe(areaKey("Naikoten Satu"));
    expect(areaKey("NAIKOTEN I")).toBe(areaKey("naikoten satu"));
    expect(areaKey("Kel. Manulai 2")).toBe(areaKey("Manulai II"));
    expect(areaKey("Sayang Sayang")).toBe(areaKey("Sayang-sayang"));
    const kec = [
      { id: "k1", code: "53.71.05", name: "Kota Raja" },
      { id: "k2", code: "53.71.06", name: "Oebobo" },
    ];
    const kel = [
      { id: "l1", code: "53.71.05.1004", name: "Naikoten Satu", parentId: "k1" },
      { id: "l2", code: "53.71.05.1005", name: "Naikoten Dua", parentId: "k1" },
      { id: "l3", code: "53.71.06.1001", name: "Oebobo", parentId: "k2" },
      { id: "l4", code: "53.71.05.1009", name: "Oebobo", parentId: "k1" },
    ];
    const areas = areaMatcher(kec, kel);
    expect(areas.kecamatan("KEC. KOTA RAJA")?.id).toBe("k1");
    expect(areas.kelurahan("Naikoten 1", areas.kecamatan("Kota Raja")).found?.id).toBe("l1");
    expect(areas.kelurahan("naikoten 2", null).found?.id).toBe("l2");
    expect(areas.kelurahan("5371051004", null).found?.id).toBe("l1");
    expect(areas.kelurahan("Oebobo", null)).toMatchObject({ found: null, ambiguous: true });
    expect(areas.kelurahan("Naikoten Satu", areas.kecamatan("Oebobo")).found).toBeNull();
  });
});
