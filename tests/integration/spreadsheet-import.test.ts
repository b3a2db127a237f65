// The spreadsheet toolkit through its first user: budget realisation imported from
// .xlsx/.csv as drafts, the realisation list exported, and the import's template.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { realisationExport } from "@/features/budget/realisation-export";
import { importRealisationsDefinition, REALISATION_COLUMNS } from "@/features/budget/realisation-import";
import { exportRoute, templateRoute } from "@/lib/spreadsheet/routes";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { actionDeps, sessionUser } from "../helpers/actions";
import { callRoute, routeDeps } from "../helpers/routes";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { runTableImport } from "../helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let staff: SessionUser;
let bapeda: SessionUser;
let line: string;
let smallLine: string;
let dinsosLine: string;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

let serial = 0;
async function newLine(opdId: string, programme: string, description: string, pagu: bigint) {
  serial += 1;
  return read(async (tx) => {
    const created = await tx.programme.create({ data: { tenantId: city.id, opdId, fiscalYear: 2024, name: `${programme} ${serial}`, kind: "TRAINING" } });
    return (await tx.budgetLine.create({ data: { tenantId: city.id, programmeId: created.id, fundingSource: "APBD", description, pagu } })).id;
  });
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  const [disnaker, dinsos] = await read(async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id,
  ]);
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker });
  bapeda = sessionUser(city, "BAPEDA");
  line = await newLine(disnaker, "Pelatihan Menjahit", "Belanja pelatihan", 100_000_000n);
  smallLine = await newLine(disnaker, "Pelatihan Las", "Belanja bahan", 2_000_000n);
  dinsosLine = await newLine(dinsos, "Jaring Sosial", "Belanja bantuan", 50_000_000n);
});

afterAll(async () => {
  await t?.close();
});

const csvFile = (lines: string[], name = "realisasi.csv") => new File([lines.join("\r\n")], name, { type: "text/csv" });

async function xlsxFile(rows: ExcelJS.CellValue[][]): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Data");
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new File([buffer], "realisasi.xlsx");
}

function upload(user: SessionUser, file: File, mode: "dry-run" | "commit", slug = city.slug) {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  return runTableImport(t, actionDeps(t, user), importRealisationsDefinition, slug, form);
}

async function report(user: SessionUser, file: File, mode: "dry-run" | "commit") {
  const result = await upload(user, file, mode);
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return result.data as TableImportReport;
}

const entriesOf = (budgetLineId: string) => read((tx) => tx.budgetRealisation.findMany({ where: { budgetLineId }, orderBy: { month: "asc" } }));
const reasonsOf = (data: TableImportReport, rowNumber: number) => data.rejected.find((row) => row.rowNumber === rowNumber)?.reasons.join("; ") ?? "";

describe("importing realisation", () => {
  const ref = "SP2D/2024";
  const mixed = () =>
    csvFile([
      "ID POS ANGGARAN;PROGRAM;POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN",
      `${line};;;1;${ref}-1;1.500.000;SPJ Januari`,
      `;Pelatihan Menjahit 1;belanja  pelatihan;Februari;${ref}-2;Rp1,5 juta;`,
      `${line};;;3;${ref}-3;sejuta lebih;`,
      `${smallLine};;;4;${ref}-4;2.500.000;melebihi pagu`,
      `${dinsosLine};;;5;${ref}-5;1000000;pos OPD lain`,
      `;Jaring Sosial 3;Belanja bantuan;6;${ref}-6;1000000;nama pos OPD lain`,
      `${line};;;;${ref}-7;1000000;tanpa bulan`,
    ]);

  it("a dry run reports every row and writes nothing", async () => {
    const data = await report(staff, mixed(), "dry-run");
    expect(data.mode).toBe("dry-run");
    expect(data.total).toBe(7);
    expect(data.accepted).toBe(2);
    expect(data.rejected.map((row) => row.rowNumber)).toEqual([4, 5, 6, 7, 8]);
    expect(await entriesOf(line)).toHaveLength(0);
    expect(await entriesOf(smallLine)).toHaveLength(0);
  });

  it("a commit writes the valid rows as drafts and reports the rest", async () => {
    const data = await report(staff, mixed(), "commit");
    expect(data.accepted).toBe(2);
    const entries = await entriesOf(line);
    expect(entries.map((entry) => [entry.month, entry.amount, entry.status, entry.createdById])).toEqual([
      [1, 1_500_000n, "DRAFT", staff.id],
      [2, 1_500_000n, "DRAFT", staff.id],
    ]);
    expect(entries[0]!.note).toBe("SPJ Januari");
    expect(reasonsOf(data, 4)).toMatch(/JUMLAH/);
    expect(reasonsOf(data, 5)).toMatch(/Melebihi pagu/);
    expect(reasonsOf(data, 8)).toMatch(/BULAN wajib/);
    expect(await entriesOf(smallLine)).toHaveLength(0);
  });

  it("rejects a row for another OPD's budget line, by id or by name", async () => {
    const data = await report(staff, mixed(), "dry-run");
    expect(reasonsOf(data, 6)).toMatch(/Pos anggaran tidak ditemukan/);
    expect(reasonsOf(data, 7)).toMatch(/tidak ditemukan/);
    expect(await entriesOf(dinsosLine)).toHaveLength(0);
  });

  it("counts earlier rows of the same file against the pagu", async () => {
    const file = csvFile(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,JUMLAH", `${smallLine},1,SPJ-L1,1500000`, `${smallLine},2,SPJ-L2,1000000`]);
    const data = await report(staff, file, "dry-run");
    expect(data.accepted).toBe(1);
    expect(reasonsOf(data, 3)).toMatch(/Melebihi pagu/);
  });

  it("refuses formula cells in .xlsx and formula-like text in .csv", async () => {
    const xlsx = await xlsxFile([
      ["ID POS ANGGARAN", "BULAN", "NO SP2D/SPJ", "JUMLAH", "CATATAN"],
      [line, 7, "SPJ-R7", { formula: "1000*1000", result: 1_000_000 }, "rumus"],
      [line, 8, "SPJ-R8", 250000, '=HYPERLINK("http://x","klik")'],
      [line, 9, "SPJ-R9", 125000, "angka biasa"],
    ]);
    const data = await report(staff, xlsx, "commit");
    expect(data.accepted).toBe(1);
    expect(reasonsOf(data, 2)).toMatch(/rumus/);
    expect(reasonsOf(data, 3)).toMatch(/rumus/);
    const csv = csvFile(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,JUMLAH,CATATAN", `${line},10,SPJ-R10,1000,"=cmd|' /C calc'!A0"`]);
    expect(reasonsOf(await report(staff, csv, "dry-run"), 2)).toMatch(/rumus/);
    expect((await entriesOf(line)).map((entry) => entry.month)).toEqual([1, 2, 9]);
  });

  it("rejects a whole file without a required column, naming it", async () => {
    const result = await upload(staff, csvFile(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,CATATAN", `${line},1,SPJ-X,x`]), "commit");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID");
    expect(result.fieldErrors?.file?.[0]).toMatch(/Kolom wajib tidak ditemukan: JUMLAH/);
  });

  it("says a refused file in its reader's language: the English reader of an Indonesian upload reads English", async () => {
    const inEnglish = (file: File) => {
      const form = new FormData();
      form.set("file", file);
      form.set("mode", "dry-run");
      return runTableImport(t, actionDeps(t, staff), importRealisationsDefinition, city.slug, form, { locale: "en" });
    };
    const missing = await inEnglish(csvFile(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,CATATAN", `${line},1,SPJ-X,x`]));
    expect(!missing.ok && missing.message).toBe("Required columns not found: JUMLAH. Use the template, or check the file's header row.");
    const noHeader = await inEnglish(csvFile(["judul saja", "tanpa kolom"]));
    expect(!noHeader.ok && noHeader.message).toMatch(/^No header row found in the first 10 rows\. Required columns: BULAN, JUMLAH\. Use the template\.$/);
    const noRows = await inEnglish(csvFile(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,JUMLAH"]));
    expect(!noRows.ok && noRows.message).toBe("The file has no data rows under the header row.");
    const empty = await inEnglish(new File([], "kosong.csv", { type: "text/csv" }));
    expect(empty.ok).toBe(false);
  });

  it("refuses an unknown mode and a missing file", async () => {
    const form = new FormData();
    form.set("mode", "hapus-semua");
    const result = await runTableImport(t, actionDeps(t, staff), importRealisationsDefinition, city.slug, form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["file", "mode"]);
  });

  it("answers another city's user with not-found and a role without entry:write with forbidden", async () => {
    const stranger = sessionUser(otherCity, "OPD_STAFF", { opdId: staff.opdId });
    const file = csvFile(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,JUMLAH", `${line},11,SPJ-11,1000`]);
    expect(await upload(stranger, file, "commit")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await upload(bapeda, file, "commit")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await entriesOf(line)).some((entry) => entry.month === 11)).toBe(false);
  });
});

describe("exporting realisation", () => {
  const get = (user: SessionUser | null, query: string, slug = city.slug, spec = realisationExport) =>
    callRoute(exportRoute(spec), routeDeps(t, user), `http://localhost/${slug}/anggaran/ekspor?${query}`, { tenant: slug });

  it("streams the OPD's own entries as CSV with a BOM, page by page, neutralising formulas, and audits it", async () => {
    await read((tx) =>
      tx.budgetRealisation.create({ data: { tenantId: city.id, budgetLineId: line, month: 12, amount: 5n, note: "=1+2", createdById: staff.id } }),
    );
    await read((tx) => tx.budgetRealisation.create({ data: { tenantId: city.id, budgetLineId: dinsosLine, month: 1, amount: 7n, createdById: "x" } }));
    const response = await get(staff, "format=csv&tahun=2024", city.slug, { ...realisationExport, pageSize: 2 });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/realisasi-anggaran\.csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toMatch(/^ID POS ANGGARAN;OPD;PROGRAM;KODE SUB KEGIATAN;POS ANGGARAN;KODE REKENING;TAHUN;BULAN;NO SP2D\/SPJ;JUMLAH/);
    const own = await read((tx) => tx.budgetRealisation.count({ where: { budgetLine: { programme: { opdId: staff.opdId! } } } }));
    expect(lines).toHaveLength(own + 1);
    expect(lines.some((text) => text.includes(dinsosLine))).toBe(false);
    expect(lines.find((text) => text.includes(";12;;5;"))).toContain(";'=1+2;");
    const audits = await read((tx) => tx.auditLog.count({ where: { action: "export", entity: "BudgetRealisation", userId: staff.id } }));
    expect(audits).toBeGreaterThan(0);
  });

  it("writes .xlsx with IDs as text, amounts as numbers and a frozen, bold header", async () => {
    const response = await get(bapeda, "format=xlsx");
    expect(response.headers.get("content-type")).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const ids = new Set<string>();
    sheet.eachRow((row, number) => number > 1 && ids.add(String(row.getCell(1).value)));
    expect(ids.has(dinsosLine)).toBe(true); // Bapeda reads every OPD
    // IDs stay text; JUMLAH is a Rupiah number a SUM adds up, shown with thousands separators.
    expect(typeof sheet.getRow(2).getCell(1).value).toBe("string");
    expect(typeof sheet.getRow(2).getCell(10).value).toBe("number");
    expect(sheet.getRow(2).getCell(10).numFmt).toBe("#,##0");
  });

  it("is not found for another city's user, a role without data:export, or a bad format", async () => {
    expect((await get(sessionUser(otherCity, "BAPEDA"), "format=csv")).status).toBe(404);
    expect((await get(sessionUser(city, "AUDITOR"), "format=csv")).status).toBe(404);
    expect((await get(null, "format=csv")).status).toBe(404);
    expect((await get(staff, "format=pdf")).status).toBe(404);
  });

  it("hands out the import template: the headers and one example row, which read back", async () => {
    const response = await callRoute(
      templateRoute({ page: "budget", also: "entry:write", fileName: "realisasi-anggaran", columns: REALISATION_COLUMNS }),
      routeDeps(t, staff),
      `http://localhost/${city.slug}/anggaran/templat?format=csv`,
      { tenant: city.slug },
    );
    const text = (await response.text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe(REALISATION_COLUMNS.map((column) => column.header).join(";"));
    expect(text.split("\r\n")[1]).toContain("1.500.000");
    const denied = await callRoute(
      templateRoute({ page: "budget", also: "entry:write", fileName: "x", columns: REALISATION_COLUMNS }),
      routeDeps(t, bapeda),
      "http://localhost/x/templat",
      { tenant: city.slug },
    );
    expect(denied.status).toBe(404);
  });
});
