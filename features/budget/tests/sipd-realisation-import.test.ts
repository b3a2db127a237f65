// A SIPD realisation extract imported through the realisation import: each row names its budget
// line by the programme's sub-kegiatan code and the line's account code, within the clerk's own
// OPD and the fiscal year, under the same pagu, month and reference rules as every other row.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { importRealisationsDefinition, REALISATION_COLUMNS } from "@/features/budget/realisation-import";
import { templateRoute } from "@/lib/spreadsheet/routes";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { csvOf, spreadsheetProgramXlsx } from "@/features/registry/tests/fixtures/city-formats";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { runTableImport } from "@/tests/helpers/table-imports";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

/** The template's example row names this sub-kegiatan and account, so the template reads back. */
const TRAINING = "2.07.03.2.01.0001";
const TWO_LINES = "2.07.03.2.01.0002";
const UNCODED_LINES = "2.07.03.2.01.0003";
const NO_LINES = "2.07.03.2.01.0004";
const SMALL = "2.07.03.2.01.0005";
const SAME_ACCOUNT = "2.07.03.2.01.0006";
const DINSOS = "1.06.04.2.01.0001";
const TRAINING_ACCOUNT = "5.1.02.02.01.0026";
const GOODS_ACCOUNT = "5.1.02.01.01.0052";

type City = {
  city: TestTenant;
  staff: SessionUser;
  lines: { training: string; training2025: string; goods: string; services: string; small: string; dinsos: string };
};

/** A city with Disnaker's coded programmes of 2024 (and one of 2025), and Dinsos's one. */
async function newCity(): Promise<City> {
  const city = await createTestTenant(t.db, t.withTenant);
  return t.withTenant(city.id, async (tx) => {
    const tenantId = city.id;
    const opd = (code: string, name: string, shortName: string) => tx.opd.create({ data: { tenantId, code, name, shortName } });
    const disnaker = await opd("2.07", "Dinas Tenaga Kerja", "Disnaker");
    const dinsos = await opd("1.06", "Dinas Sosial", "Dinsos");
    const programme = (opdId: string, name: string, sipdCode: string, fiscalYear = 2024) =>
      tx.programme.create({ data: { tenantId, opdId, fiscalYear, name, sipdCode, kind: "TRAINING" } });
    const line = async (programmeId: string, description: string, accountCode: string | null, pagu = 100_000_000n) =>
      (await tx.budgetLine.create({ data: { tenantId, programmeId, fundingSource: "APBD", description, accountCode, pagu } })).id;
    const training = await programme(disnaker.id, "Pelatihan Menjahit", TRAINING);
    const training2025 = await programme(disnaker.id, "Pelatihan Menjahit", TRAINING, 2025);
    const twoLines = await programme(disnaker.id, "Bantuan Peralatan Kerja", TWO_LINES);
    const uncoded = await programme(disnaker.id, "Pelatihan Las", UNCODED_LINES);
    await programme(disnaker.id, "Program Baru", NO_LINES);
    const small = await programme(disnaker.id, "Pelatihan Barista", SMALL);
    const social = await programme(dinsos.id, "Jaring Sosial", DINSOS);
    await line(uncoded.id, "Belanja bahan", null);
    await line(uncoded.id, "Belanja honor", null);
    const sameAccount = await programme(disnaker.id, "Pelatihan Tata Boga", SAME_ACCOUNT);
    await line(sameAccount.id, "Belanja pelatihan angkatan 1", TRAINING_ACCOUNT);
    await line(sameAccount.id, "Belanja pelatihan angkatan 2", TRAINING_ACCOUNT);
    return {
      city,
      staff: sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: disnaker.id }),
      lines: {
        training: await line(training.id, "Belanja pelatihan", TRAINING_ACCOUNT),
        training2025: await line(training2025.id, "Belanja pelatihan", TRAINING_ACCOUNT),
        goods: await line(twoLines.id, "Belanja peralatan", GOODS_ACCOUNT),
        services: await line(twoLines.id, "Belanja jasa pelatih", TRAINING_ACCOUNT),
        small: await line(small.id, "Belanja bahan", TRAINING_ACCOUNT, 2_000_000n),
        dinsos: await line(social.id, "Belanja bantuan", "5.1.06.01.01.0001"),
      },
    };
  });
}

const csv = (rows: string[][], name = "sipd.csv") => new File([rows.map((row) => row.join(";")).join("\r\n")], name, { type: "text/csv" });

async function upload(c: City, file: File, mode: "dry-run" | "commit", form: { fiscalYear?: string; locale?: string } = {}): Promise<TableImportReport> {
  const data = new FormData();
  data.set("file", file);
  data.set("mode", mode);
  if (form.fiscalYear) data.set("fiscalYear", form.fiscalYear);
  const result = await runTableImport(t, actionDeps(t, c.staff), importRealisationsDefinition, c.city.slug, data, { locale: form.locale });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

const reasons = (report: TableImportReport, rowNumber: number) => report.rejected.find((row) => row.rowNumber === rowNumber)?.reasons.join("; ") ?? "";
const entriesOf = (c: City, budgetLineId: string) =>
  t.withTenant(c.city.id, (tx) => tx.budgetRealisation.findMany({ where: { budgetLineId }, orderBy: [{ month: "asc" }, { createdAt: "asc" }] }));

const SIPD_HEADER = ["Kode Sub Kegiatan", "Kode Rekening", "Bulan", "No SP2D", "Nilai Realisasi"];

describe("a SIPD extract's rows find their budget line by code", () => {
  let c: City;
  let report: TableImportReport;

  beforeAll(async () => {
    c = await newCity();
    report = await upload(
      c,
      csv([
        ["KODE_SUB_KEGIATAN", "KODE_AKUN", "TAHUN", "BULAN", "NO_SP2D", "REALISASI"],
        [TRAINING, "", "2024", "1", "", "1.500.000"], // 2: the programme's only line, no account code needed
        [TWO_LINES, GOODS_ACCOUNT, "2024", "2", "SP2D-2", "2500000"], // 3: by code and account
        [TWO_LINES, "", "2024", "2", "SP2D-3", "1000000"], // 4: two lines, no account
        [TWO_LINES, "5.1.02.99.99.0099", "2024", "2", "SP2D-4", "1000000"], // 5: no such account
        [UNCODED_LINES, "", "2024", "2", "SP2D-5", "1000000"], // 6: two lines without account codes
        ["9.99.99.9.99.9999", "", "2024", "2", "SP2D-6", "1000000"], // 7: unknown code
        [DINSOS, "5.1.06.01.01.0001", "2024", "2", "SP2D-7", "1000000"], // 8: another OPD's programme
        ["1.06.04.2.01", "", "2024", "2", "SP2D-8", "1000000"], // 9: malformed code
        [TRAINING, "5.1.2.02", "2024", "2", "SP2D-9", "1000000"], // 10: malformed account code
        [NO_LINES, "", "2024", "2", "SP2D-10", "1000000"], // 11: a programme without lines
        [SMALL, TRAINING_ACCOUNT, "2024", "3", "", "2.500.000"], // 12: over the pagu
        [SAME_ACCOUNT, TRAINING_ACCOUNT, "2024", "2", "SP2D-11", "1000000"], // 13: two lines with that account code
      ]),
      "commit",
    );
  });

  it("saves the rows that name one line of the clerk's own OPD as drafts", async () => {
    expect(report.accepted).toBe(2);
    expect((await entriesOf(c, c.lines.training)).map((entry) => [entry.month, entry.amount, entry.status, entry.referenceNo])).toEqual([
      [1, 1_500_000n, "DRAFT", `SIPD ${TRAINING} ${TRAINING_ACCOUNT} 2024-01`],
    ]);
    expect((await entriesOf(c, c.lines.goods)).map((entry) => [entry.month, entry.amount, entry.referenceNo])).toEqual([[2, 2_500_000n, "SP2D-2"]]);
    expect(await entriesOf(c, c.lines.services)).toHaveLength(0);
  });

  it("asks for KODE REKENING when the sub-kegiatan has several lines, and names the codes it has", () => {
    expect(reasons(report, 4)).toBe(`Sub kegiatan ${TWO_LINES} punya 2 pos anggaran; isi KODE REKENING untuk memilih salah satunya.`);
    expect(reasons(report, 5)).toContain(
      `tidak punya pos anggaran dengan kode rekening 5.1.02.99.99.0099 (kode rekening pos-posnya: ${GOODS_ACCOUNT}, ${TRAINING_ACCOUNT})`,
    );
  });

  it("calls codes naming several lines that KODE REKENING cannot tell apart ambiguous", () => {
    expect(reasons(report, 13)).toBe(
      `Kode sub kegiatan ${SAME_ACCOUNT} dan kode rekening ${TRAINING_ACCOUNT} cocok dengan 2 pos anggaran; gunakan kolom ID POS ANGGARAN.`,
    );
    expect(reasons(report, 6)).toBe(
      `Kode sub kegiatan ${UNCODED_LINES} cocok dengan 2 pos anggaran yang tidak dapat dibedakan dengan KODE REKENING; gunakan kolom ID POS ANGGARAN.`,
    );
  });

  it("answers an unknown code and another OPD's code with the same words, and writes nothing to the other OPD", async () => {
    expect(reasons(report, 7)).toBe(
      "Kode sub kegiatan 9.99.99.9.99.9999 tidak ditemukan pada program OPD Anda tahun 2024. Isi kode itu pada programnya (halaman Program), atau periksa kolom TAHUN.",
    );
    expect(reasons(report, 8)).toBe(reasons(report, 7).replace("9.99.99.9.99.9999", DINSOS));
    expect(await entriesOf(c, c.lines.dinsos)).toHaveLength(0);
  });

  it("refuses malformed codes with the SIPD format, and a programme without lines", () => {
    expect(reasons(report, 9)).toMatch(/^KODE SUB KEGIATAN "1\.06\.04\.2\.01" tidak sesuai format SIPD U\.BB\.PP\.K\.KK\.SSSS/);
    expect(reasons(report, 10)).toMatch(/^KODE REKENING "5\.1\.2\.02" tidak sesuai format kode rekening/);
    expect(reasons(report, 11)).toMatch(new RegExp(`^Program dengan kode sub kegiatan ${NO_LINES.replace(/\./g, "\\.")} tahun 2024 belum punya pos anggaran`));
  });

  it("holds a row to the line's pagu as the form does", () => {
    expect(reasons(report, 12)).toMatch(/^Melebihi pagu/);
  });

  it("says every reason in English to an English reader", async () => {
    const english = await upload(
      c,
      csv([SIPD_HEADER, [TWO_LINES, "", "4", "SP2D-E1", "1000"], [DINSOS, "", "4", "SP2D-E2", "1000"], ["1.06", "", "4", "SP2D-E3", "1000"]]),
      "dry-run",
      { fiscalYear: "2024", locale: "en" },
    );
    expect(reasons(english, 2)).toBe(`Sub-kegiatan ${TWO_LINES} has 2 budget lines; fill in KODE REKENING to choose one of them.`);
    expect(reasons(english, 3)).toBe(
      `Sub-kegiatan code ${DINSOS} not found among your OPD's programmes of 2024. Enter the code on its programme (Programmes page), or check the TAHUN column.`,
    );
    expect(reasons(english, 4)).toBe('KODE SUB KEGIATAN "1.06" does not fit the SIPD format U.BB.PP.K.KK.SSSS, e.g. 1.06.04.2.01.0001');
  });
});

describe("the fiscal year a code is looked for in", () => {
  it("is the row's TAHUN, else the year the budget page shows, else the city's", async () => {
    const c = await newCity();
    const rows = (year: string) => [
      ["KODE SUB KEGIATAN", "KODE REKENING", "TAHUN", "BULAN", "NO SP2D", "JUMLAH"],
      [TRAINING, TRAINING_ACCOUNT, year, "5", `SP2D-TAHUN-${year || "x"}`, "1000"],
    ];
    expect((await upload(c, csv(rows("2025")), "commit", { fiscalYear: "2024" })).accepted).toBe(1);
    expect((await entriesOf(c, c.lines.training2025)).map((entry) => entry.referenceNo)).toEqual(["SP2D-TAHUN-2025"]);
    expect((await upload(c, csv(rows("")), "commit", { fiscalYear: "2024" })).accepted).toBe(1);
    expect((await entriesOf(c, c.lines.training)).map((entry) => entry.referenceNo)).toEqual(["SP2D-TAHUN-x"]);
    // Without either, this year's programmes: the city has none with the code.
    const thisYear = await upload(c, csv(rows("")), "dry-run");
    expect(reasons(thisYear, 2)).toMatch(/tidak ditemukan pada program OPD Anda tahun 20\d\d/);
    expect(reasons(thisYear, 2)).not.toMatch(/tahun 2024/);
  });
});

describe("a row without an SP2D number", () => {
  const extract = () => csv([SIPD_HEADER, [TRAINING, TRAINING_ACCOUNT, "6", "", "1.000.000"], [TWO_LINES, GOODS_ACCOUNT, "6", "", "2.000.000"]]);

  it("is recorded once: the same extract imported again saves nothing, and says why", async () => {
    const c = await newCity();
    expect((await upload(c, extract(), "commit", { fiscalYear: "2024" })).accepted).toBe(2);
    const again = await upload(c, extract(), "commit", { fiscalYear: "2024" });
    expect(again.accepted).toBe(0);
    expect(reasons(again, 2)).toBe(
      `Realisasi SIPD ${TRAINING} ${TRAINING_ACCOUNT} 2024-06 (bulan Juni 2024, tanpa NO SP2D) sudah tercatat, oleh impor sebelumnya atau baris lain berkas ini. Bila ini pembayaran lain, isi NO SP2D-nya; bila jumlahnya berubah, ubah atau balik entri yang ada.`,
    );
    expect(await entriesOf(c, c.lines.training)).toHaveLength(1);
    expect(await entriesOf(c, c.lines.goods)).toHaveLength(1);
  });

  it("gets the same reference whether the file carries the account code or not", async () => {
    const c = await newCity();
    await upload(c, csv([SIPD_HEADER, [TRAINING, TRAINING_ACCOUNT, "7", "", "1000"]]), "commit", { fiscalYear: "2024" });
    const withoutAccount = await upload(
      c,
      csv([
        ["Kode Sub Kegiatan", "Bulan", "Realisasi"],
        [TRAINING, "7", "1000"],
      ]),
      "dry-run",
      { fiscalYear: "2024" },
    );
    expect(withoutAccount.accepted).toBe(0);
    expect(reasons(withoutAccount, 2)).toMatch(/sudah tercatat/);
  });

  it("is refused when the file repeats it", async () => {
    const c = await newCity();
    const report = await upload(c, csv([SIPD_HEADER, [TRAINING, "", "8", "", "1000"], [TRAINING, "", "8", "", "2000"]]), "dry-run", { fiscalYear: "2024" });
    expect(report.accepted).toBe(1);
    expect(reasons(report, 3)).toMatch(/sudah tercatat, oleh impor sebelumnya atau baris lain berkas ini/);
  });

  it("is noted when the line already has entries of that month, typed with their own numbers", async () => {
    const c = await newCity();
    await t.withTenant(c.city.id, (tx) =>
      tx.budgetRealisation.create({ data: { tenantId: c.city.id, budgetLineId: c.lines.training, month: 9, amount: 5n, referenceNo: "SP2D-TANGAN" } }),
    );
    const report = await upload(c, csv([SIPD_HEADER, [TRAINING, "", "9", "", "1000"], [TRAINING, "", "10", "", "1000"]]), "dry-run", { fiscalYear: "2024" });
    expect(report.accepted).toBe(2);
    expect(report.notes).toEqual([
      {
        rowNumber: 2,
        notes: [
          "Pos ini sudah punya 1 entri realisasi lain bulan September; baris tanpa NO SP2D tidak dapat dibedakan darinya. Periksa agar pengeluaran yang sama tidak tercatat dua kali.",
        ],
      },
    ]);
  });

  it("still needs one when the row names its line by id or names", async () => {
    const c = await newCity();
    const report = await upload(
      c,
      csv([
        ["ID POS ANGGARAN", "BULAN", "JUMLAH"],
        [c.lines.training, "3", "1000"],
      ]),
      "dry-run",
    );
    expect(reasons(report, 2)).toBe("NO SP2D/SPJ wajib diisi");
  });
});

describe("a row naming its line by id and by code", () => {
  it("is saved when both name the same line (the export read back), refused when they differ", async () => {
    const c = await newCity();
    const report = await upload(
      c,
      csv([
        ["ID POS ANGGARAN", "KODE SUB KEGIATAN", "KODE REKENING", "BULAN", "NO SP2D/SPJ", "JUMLAH"],
        [c.lines.services, TWO_LINES, TRAINING_ACCOUNT, "4", "SP2D-ID-1", "1000"],
        [c.lines.services, TWO_LINES, GOODS_ACCOUNT, "4", "SP2D-ID-2", "1000"],
        [c.lines.services, TRAINING, "", "4", "SP2D-ID-3", "1000"],
        [c.lines.services, TWO_LINES, "", "5", "", "1000"],
      ]),
      "commit",
    );
    expect(report.accepted).toBe(1);
    expect(reasons(report, 3)).toBe(
      `ID POS ANGGARAN menunjuk pos anggaran lain daripada KODE SUB KEGIATAN ${TWO_LINES} dan KODE REKENING ${GOODS_ACCOUNT}; perbaiki atau kosongkan salah satunya.`,
    );
    expect(reasons(report, 4)).toBe(
      `ID POS ANGGARAN menunjuk pos anggaran lain daripada KODE SUB KEGIATAN ${TRAINING}; perbaiki atau kosongkan salah satunya.`,
    );
    // A row with an ID is an entry of Entas's own (the export read back): it has its number.
    expect(reasons(report, 5)).toBe("NO SP2D/SPJ wajib diisi");
    expect((await entriesOf(c, c.lines.services)).map((entry) => entry.referenceNo)).toEqual(["SP2D-ID-1"]);
  });
});

describe("a SIPD extract saved by a spreadsheet program", () => {
  it("reads an .xlsx made by LibreOffice: title rows, SIPD's headers, Excel numbers and Indonesian amounts", async () => {
    const c = await newCity();
    const { bytes } = await spreadsheetProgramXlsx([
      ["LAPORAN REALISASI BELANJA PER SUB KEGIATAN"],
      ["PEMERINTAH KOTA UJI"],
      // A title row naming a column (TAHUN) is passed over: the header follows.
      ["Tahun Anggaran", "2024"],
      [],
      ["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Anggaran", "Bulan", "No SP2D", "Nilai Realisasi"],
      [TRAINING, "Pelatihan Berbasis Kompetensi", TRAINING_ACCOUNT, "Belanja Kursus", "100000000", "3", "", "1500000"],
      [TWO_LINES, "Bantuan Peralatan", GOODS_ACCOUNT, "Belanja Peralatan", "100000000", "Maret", "0042/SP2D/LS/2024", "2.750.000"],
      [TWO_LINES, "Bantuan Peralatan", "", "", "", "3", "0043/SP2D/LS/2024", "1,500,000"],
    ]);
    const report = await upload(c, new File([new Uint8Array(bytes)], "realisasi-sipd.xlsx"), "commit", { fiscalYear: "2024" });
    expect(report.ignoredColumns).toEqual(["Nama Sub Kegiatan", "Nama Rekening", "Anggaran"]);
    expect(report.accepted).toBe(2);
    expect(reasons(report, 8)).toMatch(/isi KODE REKENING/);
    expect((await entriesOf(c, c.lines.training)).map((entry) => [entry.month, entry.amount, entry.referenceNo])).toEqual([
      [3, 1_500_000n, `SIPD ${TRAINING} ${TRAINING_ACCOUNT} 2024-03`],
    ]);
    expect((await entriesOf(c, c.lines.goods)).map((entry) => [entry.month, entry.amount, entry.referenceNo])).toEqual([[3, 2_750_000n, "0042/SP2D/LS/2024"]]);
  });

  it("reads an Excel number amount and an Indonesian text amount alike", async () => {
    const c = await newCity();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Realisasi");
    sheet.addRow(SIPD_HEADER);
    sheet.addRow([TRAINING, TRAINING_ACCOUNT, 11, "SP2D-N", 1_250_000]);
    sheet.addRow([TRAINING, TRAINING_ACCOUNT, 12, "SP2D-T", "1.250.000"]);
    const report = await upload(c, new File([await workbook.xlsx.writeBuffer()], "angka.xlsx"), "commit", { fiscalYear: "2024" });
    expect(report.accepted).toBe(2);
    expect((await entriesOf(c, c.lines.training)).map((entry) => entry.amount)).toEqual([1_250_000n, 1_250_000n]);
  });

  it("refuses a file whose title row names a column and no header follows, naming what is missing", async () => {
    const c = await newCity();
    const result = await runTableImport(
      t,
      actionDeps(t, c.staff),
      importRealisationsDefinition,
      c.city.slug,
      (() => {
        const form = new FormData();
        form.set(
          "file",
          new File(
            [
              csvOf([
                ["Tahun Anggaran", "2024"],
                ["x", "y"],
              ]),
            ],
            "judul.csv",
            { type: "text/csv" },
          ),
        );
        form.set("mode", "dry-run");
        return form;
      })(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Kolom wajib tidak ditemukan: BULAN, JUMLAH/);
  });
});

describe("the import's template", () => {
  it("has the SIPD columns, and its example row imports as it stands", async () => {
    const c = await newCity();
    const route = templateRoute({ page: "budget", also: "entry:write", fileName: "realisasi-anggaran", columns: REALISATION_COLUMNS });
    const get = (format: string) =>
      callRoute(route, routeDeps(t, c.staff), `http://localhost/${c.city.slug}/anggaran/templat?format=${format}`, { tenant: c.city.slug });
    const text = (await (await get("csv")).text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe("ID POS ANGGARAN;PROGRAM;KODE SUB KEGIATAN;POS ANGGARAN;KODE REKENING;TAHUN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN");
    const xlsx = new File([await (await get("xlsx")).arrayBuffer()], "templat.xlsx");
    const report = await upload(c, xlsx, "dry-run", { fiscalYear: "2024" });
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toBe(1);
  });
});
