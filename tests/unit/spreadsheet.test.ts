import { messageWordsIn } from "@/lib/actions/error-words";
import { describe, expect, it } from "vitest";
import { parseRealisationRow, type REALISATION_COLUMNS } from "@/features/budget/realisation-import";
import { inIndonesian } from "@/tests/helpers/import-words";
import { cellMonth } from "@/lib/spreadsheet/cells";
import { headerScore, matchHeaders, type ImportColumn } from "@/lib/spreadsheet/columns";
import { csvLine, neutraliseFormula } from "@/lib/spreadsheet/csv";
import ExcelJS from "exceljs";
import { targetHouseholdsExport } from "@/features/programmes/target-households/export";
import type { RegistryRow } from "@/features/registry/search/search-households";
import { exportCells, exportHeaders, exportTypes } from "@/lib/spreadsheet/export";
import { writeFigures, writeSheet } from "@/lib/spreadsheet/write";

const columns: ImportColumn<"nik" | "amount" | "note">[] = [
  { key: "nik", header: "NIK", aliases: ["NO. INDUK KEPENDUDUKAN"], required: true, example: "5271010101800001" },
  { key: "amount", header: "JUMLAH", aliases: ["JUMLAH (RP)", "NILAI"], required: true, example: "1.500.000" },
  { key: "note", header: "CATATAN", example: "" },
];

describe("matching header rows", () => {
  it("ignores case, dots, spaces and punctuation, and knows the variants", () => {
    const match = matchHeaders(columns, ["No. Induk  Kependudukan", "jumlah (rp)", "Keterangan lain", " catatan "]);
    expect(match).toEqual({ ok: true, indexByKey: { nik: 0, amount: 1, note: 3 }, ignored: ["Keterangan lain"] });
  });

  it("rejects the file when a required column is missing, naming it", () => {
    const match = matchHeaders(columns, ["nik", "catatan"]);
    expect(match.ok).toBe(false);
    if (!match.ok) expect(messageWordsIn(match.message, "id")).toMatch(/Kolom wajib tidak ditemukan: JUMLAH\./);
    if (!match.ok) expect(messageWordsIn(match.message, "en")).toMatch(/Required columns not found: JUMLAH\./);
  });

  it("rejects a column given twice under two spellings", () => {
    const match = matchHeaders(columns, ["NIK", "JUMLAH", "NILAI"]);
    expect(match.ok).toBe(false);
    if (!match.ok) expect(messageWordsIn(match.message, "id")).toBe('Kolom JUMLAH muncul dua kali ("JUMLAH" dan "NILAI"). Hapus salah satu.');
    if (!match.ok) expect(messageWordsIn(match.message, "en")).toBe('Column JUMLAH appears twice ("JUMLAH" and "NILAI"). Delete one of them.');
  });

  it("scores a title row zero and the header row by the columns it names", () => {
    expect(headerScore(columns, ["REALISASI ANGGARAN 2026", "", ""])).toBe(0);
    expect(headerScore(columns, ["NIK", "Nilai", "x"])).toBe(2);
  });
});

describe("reading realisation rows", () => {
  const row = (values: Partial<Record<(typeof REALISATION_COLUMNS)[number]["key"], string | number | null>>) =>
    inIndonesian(
      parseRealisationRow({
        budgetLineId: null,
        programme: null,
        line: null,
        subKegiatanCode: null,
        accountCode: null,
        fiscalYear: null,
        month: null,
        referenceNo: "0012/SP2D/2024",
        amount: null,
        note: null,
        ...values,
      }),
    );

  it("accepts amounts as people write them and months by name", () => {
    for (const amount of ["1.500.000", "Rp1,5 juta", "1500000", 1_500_000]) {
      expect(row({ budgetLineId: "abc", month: "Maret", amount })).toEqual({
        ok: true,
        value: {
          budgetLineId: "abc",
          programme: "",
          line: "",
          subKegiatanCode: null,
          accountCode: null,
          fiscalYear: null,
          month: 3,
          referenceNo: "0012/SP2D/2024",
          amount: 1_500_000n,
          note: null,
        },
      });
    }
  });

  it("needs a line id, a SIPD sub-kegiatan code, or the programme with the line", () => {
    const result = row({ programme: "Pelatihan", month: 1, amount: "1000" });
    expect(result).toEqual({ ok: false, reasons: ["Isi ID POS ANGGARAN, KODE SUB KEGIATAN, atau PROGRAM dan POS ANGGARAN"] });
  });

  it("needs its SP2D / SPJ number", () => {
    expect(row({ budgetLineId: "abc", month: 1, amount: "1000", referenceNo: null })).toEqual({ ok: false, reasons: ["NO SP2D/SPJ wajib diisi"] });
  });

  it("gives every reason of a bad row at once", () => {
    const result = row({ budgetLineId: "abc", month: "13", amount: "-5" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons).toHaveLength(2);
  });

  it("reads a SIPD row: its codes (spaces dropped) stand for the line, and it may lack an SP2D number", () => {
    const result = row({
      subKegiatanCode: " 1.06.04 .2.01.0001",
      accountCode: "'5.1.06.01.01.0001",
      fiscalYear: 2025,
      month: "Mei",
      referenceNo: null,
      amount: 2_500_000,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        budgetLineId: null,
        programme: "",
        line: "",
        subKegiatanCode: "1.06.04.2.01.0001",
        accountCode: "5.1.06.01.01.0001",
        fiscalYear: 2025,
        month: 5,
        referenceNo: "",
        amount: 2_500_000n,
        note: null,
      },
    });
  });

  it("refuses malformed SIPD codes and years, naming the column and what was written", () => {
    const result = row({ subKegiatanCode: "1.06.04.2.01.01", accountCode: "5.1.6.01", fiscalYear: "1999", month: 1, amount: "1000" });
    expect(result).toEqual({
      ok: false,
      reasons: [
        'KODE SUB KEGIATAN "1.06.04.2.01.01" tidak sesuai format SIPD U.BB.PP.K.KK.SSSS, contoh 1.06.04.2.01.0001',
        'KODE REKENING "5.1.6.01" tidak sesuai format kode rekening: diawali 4, 5 atau 6, dengan titik, contoh 5.1.02.02.01.0026',
        "TAHUN 1999 bukan tahun anggaran (antara 2015 dan 2100)",
      ],
    });
    const english = parseRealisationRow({
      budgetLineId: null,
      programme: null,
      line: null,
      subKegiatanCode: "1.06",
      accountCode: null,
      fiscalYear: null,
      month: 1,
      referenceNo: null,
      amount: 1000,
      note: null,
    });
    expect(english.ok || english.reasons.map((reason) => messageWordsIn(reason, "en"))).toEqual([
      'KODE SUB KEGIATAN "1.06" does not fit the SIPD format U.BB.PP.K.KK.SSSS, e.g. 1.06.04.2.01.0001',
    ]);
  });

  it("still needs an SP2D number on a row named by id or names", () => {
    const byId = { budgetLineId: "abc", subKegiatanCode: "1.06.04.2.01.0001", month: 1, amount: "1000", referenceNo: null };
    expect(row(byId)).toEqual({ ok: false, reasons: ["NO SP2D/SPJ wajib diisi"] });
    expect(row({ ...byId, budgetLineId: null, subKegiatanCode: null, programme: "Pelatihan", line: "Belanja" })).toEqual({
      ok: false,
      reasons: ["NO SP2D/SPJ wajib diisi"],
    });
  });

  it("reads months 1–12 and their names, and refuses others", () => {
    expect(cellMonth("agt", "BULAN")).toEqual({ ok: true, value: 8 });
    expect(cellMonth(12, "BULAN")).toEqual({ ok: true, value: 12 });
    expect(cellMonth("Smarch", "BULAN").ok).toBe(false);
  });
});

describe("writing CSV", () => {
  it("neutralises values a spreadsheet would run, and leaves numbers alone", () => {
    expect(neutraliseFormula("=1+2")).toBe("'=1+2");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("+62 812")).toBe("'+62 812");
    expect(neutraliseFormula("-1500000")).toBe("-1500000");
    expect(neutraliseFormula("Jl. Merdeka")).toBe("Jl. Merdeka");
  });

  it("separates with semicolons, quotes separators and quotes, keeps bigints exact", () => {
    expect(csvLine(["a,b", "a;b", 'kata "kutip"', 12345678901234567890n, null])).toBe('a,b;"a;b";"kata ""kutip""";12345678901234567890;\r\n');
  });

  it("writes numbers the Indonesian way, rounded to their column's precision", () => {
    const types = [{ type: "percent" as const }, { type: "decimal" as const, digits: 1 }, { type: "integer" as const }, { type: "money" as const }];
    expect(csvLine([18.74039938556068, 2.25, 7, 1_500_000n], types)).toBe("18,74;2,3;7;1500000\r\n");
    expect(csvLine([0.1 + 0.2])).toBe("0,3\r\n");
    expect(csvLine([new Date("2024-08-12T00:00:00Z"), "008"])).toBe("12-08-2024;008\r\n");
  });
});

describe("a refused cell", () => {
  it("gives its own reason only, not also 'wajib diisi'", () => {
    const result = inIndonesian(
      parseRealisationRow({
        budgetLineId: "abc",
        programme: null,
        line: null,
        subKegiatanCode: null,
        accountCode: null,
        fiscalYear: null,
        month: 1,
        referenceNo: "0012/SP2D/2024",
        amount: { formula: "SUM(A1:A9)" },
        note: null,
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons).toEqual([expect.stringMatching(/^Kolom JUMLAH berisi rumus/)]);
  });
});

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("typed export cells", () => {
  const row = { rt: "008", rw: "012", desil: 1, memberCount: 4, noKkMasked: "••••••••••••0001" } as unknown as RegistryRow;
  const spec = targetHouseholdsExport;
  const write = (format: "xlsx" | "csv") => writeSheet(format, exportHeaders(spec), [exportCells(spec, row)], { types: exportTypes(spec) });

  it("keeps RT and RW as text with their zeros, and counts as numbers, in .xlsx", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(write("xlsx"))) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const cell = (header: string) => sheet.getRow(2).getCell(exportHeaders(spec).indexOf(header) + 1);
    expect(cell("RT").value).toBe("008");
    expect(cell("RT").numFmt).toBe("@");
    expect(cell("RW").value).toBe("012");
    expect(cell("ANGGOTA").value).toBe(4);
    expect(cell("DESIL").value).toBe(1);
  });

  it("keeps RT's zeros in .csv", async () => {
    const text = (await bytesOf(write("csv"))).toString("utf8");
    const [header, line] = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(line!.split(";")[header!.split(";").indexOf("RT")]).toBe("008");
  });

  it("writes a dashboard's rates as percentages and its counts as numbers, without float noise", async () => {
    const table = {
      id: "t",
      title: "Cakupan",
      columns: [
        { key: "name", label: "Kecamatan", kind: "text" as const },
        { key: "count", label: "Entri", kind: "count" as const },
        { key: "rate", label: "Serapan", kind: "percent" as const, digits: 2 },
      ],
      rows: [{ name: "Ampenan", count: 12, rate: 18.74039938556068 }],
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(writeFigures("xlsx", [table], { heading: ["uji"], suppressionNote: "" }))) as unknown as ExcelJS.Buffer);
    const cells = workbook.worksheets[0]!.getRow(4);
    expect(cells.getCell(2).value).toBe(12);
    expect(cells.getCell(3).value).toBe(0.1874);
    expect(cells.getCell(3).numFmt).toBe("0.00%");
  });
});
