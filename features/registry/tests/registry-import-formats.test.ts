import { registryReportWordsIn } from "@/features/registry/import/queries";
import { inIndonesian } from "@/tests/helpers/import-words";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRegistryImport, commitRegistryImport, type ImportOutcome, type RegistryImportReport } from "@/features/registry/import/run-import";
import { cellFlag } from "@/features/registry/import/cells";
import { COLUMNS, columnKeyOf, mapHeaders } from "@/features/registry/import/columns";
import { importResultState } from "@/features/registry/import/result-state";
import { cellId, excelGeneral, idCellShown } from "@/lib/spreadsheet/cells";
import { detectDelimiter } from "@/lib/spreadsheet/parse-engine.mjs";
import { REGISTRY_UPLOAD_LIMITS } from "@/lib/spreadsheet/upload-limits";
import { rejectedRowsWorkbook, templateWorkbook } from "@/features/registry/import/spreadsheets";
import { generateNik, generateNoKk } from "@/lib/identity/nik";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { chunked, createImportTenant, extractRows, HEADERS, toCsv, toXlsx, type ImportTenant } from "./fixtures/extract";
import { cityFamilies, csvOf, p3keFamilyRows, p3keIndividualRows, siksNgText, spreadsheetProgramXlsx, textXlsx } from "./fixtures/city-formats";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type File = { bytes: Uint8Array; fileName: string };

function dryRun(tenant: ImportTenant, file: File): Promise<ImportOutcome> {
  return checkRegistryImport({
    withTenant: t.withTenant,
    tenantId: tenant.id,
    userId: null,
    body: chunked(file.bytes),
    fileName: file.fileName,
    source: "P3KE",
  });
}

async function importFile(tenant: ImportTenant, file: File): Promise<ImportOutcome> {
  const dry = await dryRun(tenant, file);
  expect(dry.status, dry.error).toBe("DRY_RUN");
  return dry;
}

async function commit(tenant: ImportTenant, jobId: string): Promise<ImportOutcome> {
  return commitRegistryImport({ withTenant: t.withTenant, tenantId: tenant.id, userId: null, jobId });
}

async function report(tenant: ImportTenant, jobId: string): Promise<RegistryImportReport> {
  const job = await t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: jobId } } }));
  return registryReportWordsIn(job.report as unknown as RegistryImportReport, "id");
}

const reasonsOf = (r: RegistryImportReport) => new Map(r.rejected.map((row) => [row.rowNumber, row.reasons.join("; ")]));
const text = (value: string, fileName: string): File => ({ bytes: new TextEncoder().encode(value), fileName });

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe("headers and cells of the usual extracts", () => {
  it.each([
    ["id_keluarga_P3KE", "registryId"],
    ["iddtks", "registryId"],
    ["kode_kemdagri", "areaCode"],
    ["Kode Wilayah", "areaCode"],
    ["nomor_kk", "noKk"],
    ["nomor_nik", "nik"],
    ["hubungan_dengan_kepala_keluarga", "relation"],
    ["hubungan_keluarga", "relation"],
    ["desil_kesejahteraan", "desil"],
    ["  Tanggal_Lahir ", "birthDate"],
    ["desa_kelurahan", "kelurahan"],
    ["nama_kelurahan", "kelurahan"],
    ["kepala_keluarga", "headName"],
  ])("%s → %s", (header, key) => {
    expect(columnKeyOf(header)).toBe(key);
  });

  it("reads a P3KE family file as its heads, and the individual file's repeated head name not at all", () => {
    const family = mapHeaders(["id_keluarga_P3KE", "kode_kemdagri", "no_kk", "kepala_keluarga", "nik", "jenis_kelamin", "tanggal_lahir"]);
    expect(family.ok && family.mapping).toMatchObject({ headsOnly: true, indexByKey: { name: 3, areaCode: 1 } });
    const individual = mapHeaders([
      "no_kk",
      "kepala_keluarga",
      "nama",
      "nik",
      "jenis_kelamin",
      "tanggal_lahir",
      "hubungan_dengan_kepala_keluarga",
      "kode_kemdagri",
    ]);
    expect(individual.ok && individual.mapping).toMatchObject({ headsOnly: false, indexByKey: { name: 2 }, ignored: ["kepala_keluarga"] });
  });

  it("takes the pipe of SIKS-NG as the separator", () => {
    expect(detectDelimiter("iddtks|nomor_kk|nomor_nik|nama")).toBe("|");
    expect(detectDelimiter("NO KK;NIK;NAMA")).toBe(";");
  });

  it('reads "x", ticks, "Ya", "Y", "1" and TRUE as yes', () => {
    for (const yes of ["x", "X", "✓", "✔", "√", "Ya", "Y", "1", true, "TRUE"]) expect(cellFlag(yes, "MISKIN EKSTREM")).toEqual({ ok: true, value: true });
    for (const no of ["TIDAK", "T", "0", false]) expect(cellFlag(no, "MISKIN EKSTREM")).toEqual({ ok: true, value: false });
  });

  it("shows an ID number Excel cut as Excel showed it, and names the damage", () => {
    expect(excelGeneral(3271010101800500)).toBe("3.27101E+15");
    expect(excelGeneral(3200000000000000)).toBe("3.2E+15");
    expect(idCellShown(3271010101800500)).toBe("3.27101E+15");
    expect(idCellShown(3271010101800512)).toBe("3271010101800512");
    expect(idCellShown("3271010101800500")).toBe("3271010101800500");
    const damaged = inIndonesian(cellId(3271010101800500, "NIK"));
    expect(damaged.ok ? damaged.value : damaged.reason).toMatch(/^NIK rusak oleh Excel: tersimpan sebagai angka \(3\.27101E\+15\)/);
  });
});

describe("docs/import-format.md", () => {
  it("names every column with every spelling the import reads, and the limits the code has", async () => {
    const docs = await readFile("docs/import-format.md", "utf8");
    const table = docs.slice(docs.indexOf("## Kolom / Columns"), docs.indexOf("## Bentuk sel"));
    for (const column of COLUMNS) {
      const line = table.split("\n").find((row) => row.includes(`\`${column.header}\``));
      expect(line, column.header).toBeDefined();
      for (const alias of column.aliases.filter((a) => !a.includes("("))) expect(line, `${column.header}: ${alias}`).toContain(alias);
    }
    const mb = REGISTRY_UPLOAD_LIMITS.maxBytes / 1024 / 1024;
    expect(docs).toContain(`**${mb} MB**`);
    expect(docs).toContain(`**${REGISTRY_UPLOAD_LIMITS.maxRows.toLocaleString("id-ID")} baris data**`);
    expect(docs).toContain(`${REGISTRY_UPLOAD_LIMITS.maxColumns} kolom`);
    expect(docs).toContain(`${REGISTRY_UPLOAD_LIMITS.maxCellChars.toLocaleString("id-ID")} karakter per sel`);
  });
});

describe("the refused-rows file", () => {
  it("names a NIK that a spreadsheet program cut to 15 digits, never writes it back as a plausible number, and refuses it again when re-imported", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 3);
    const damaged = rows[0]!.NIK;
    const cells = rows.map((row, index) => (index === 0 ? { ...row, NIK: Number(Number(damaged).toPrecision(15)), "NO KK": row["NO KK"] } : row));
    const dry = await importFile(tenant, { bytes: await toXlsx(cells), fileName: "excel.xlsx" });
    const first = await report(tenant, dry.jobId);
    // The head's row refused: which family rows follow it is the family rules' business.
    expect(reasonsOf(first).get(2)).toMatch(/NIK rusak oleh Excel/);
    expect(reasonsOf(first).get(2)).not.toMatch(/\d{16}/);

    const file = await bytesOf(rejectedRowsWorkbook(first.headers, first.rejected));
    const sheet = await sheetOf(file);
    const nikColumn = (sheet.getRow(1).values as string[]).indexOf("NIK");
    const noKkColumn = (sheet.getRow(1).values as string[]).indexOf("NO KK");
    const nikCell = sheet.getRow(2).getCell(nikColumn);
    expect(typeof nikCell.value).toBe("string");
    expect(String(nikCell.value)).not.toMatch(/^\d{16}$/);
    expect(String(nikCell.value)).toMatch(/E\+15/);
    expect(sheet.getRow(2).getCell(noKkColumn).value).toBe(rows[0]!["NO KK"]);
    expect(sheet.getRow(2).getCell(noKkColumn).numFmt).toBe("@");

    const again = await importFile(tenant, { bytes: file, fileName: "ditolak.xlsx" });
    expect(reasonsOf(await report(tenant, again.jobId)).get(2)).toMatch(/NIK rusak oleh Excel/);
    expect(again.counts?.members.new).toBe(0);
  });
});

describe("identity rules as Dukcapil has them", () => {
  it("takes a member whose NIK was issued in another region, with a warning, and refuses a No. KK of another city", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 2);
    const wifeRow = rows.findIndex((row) => row["HUB KELUARGA"] === "ISTRI");
    const wife = rows[wifeRow]!;
    const [day, month, year] = wife["TGL LAHIR"].split("-").map(Number) as [number, number, number];
    // Born in Surabaya (35.78.xx), married into the city.
    wife.NIK = generateNik({ regionCode: "357801", birthDate: new Date(Date.UTC(year, month - 1, day)), sex: "FEMALE", serial: 77 });
    const strangerKk = generateNoKk({ regionCode: "357801", issueDate: new Date(Date.UTC(2018, 1, 1)), serial: 5 });
    const lastHousehold = rows.at(-1)!["NO KK"];
    const moved = rows.map((row) => (row["NO KK"] === lastHousehold ? { ...row, "NO KK": strangerKk } : row));
    const dry = await importFile(tenant, text(toCsv(moved), "dtsen.csv"));
    const r = await report(tenant, dry.jobId);
    const reasons = reasonsOf(r);
    expect(reasons.has(wifeRow + 2)).toBe(false);
    expect(r.warnings).toEqual([{ rowNumber: wifeRow + 2, kind: "nikOutsideCity", region: "357801" }]);
    expect(r.warnedRows).toBe(1);
    const strangerRow = moved.findIndex((row) => row["NO KK"] === strangerKk) + 2;
    expect(reasons.get(strangerRow)).toMatch(/No\. KK 3578… bukan dari Kota Uji/);
    const committed = await commit(tenant, dry.jobId);
    expect(committed.status).toBe("COMMITTED");
    const member = await t.withTenant(tenant.id, (tx) => tx.member.findFirst({ where: { nik: wife.NIK } }));
    expect(member?.name).toBe(wife.NAMA);
  });
});

describe("the formats cities receive", () => {
  it("imports a P3KE family file (heads only) and then its individual file, the area by its Kemendagri code", async () => {
    const tenant = await createImportTenant(t);
    const people = cityFamilies(tenant, 6);
    const families = await importFile(tenant, { bytes: await textXlsx(p3keFamilyRows(people)), fileName: "p3ke_keluarga.xlsx" });
    expect(families.rejectedRows, JSON.stringify((await report(tenant, families.jobId)).rejected)).toBe(0);
    expect(families.counts).toMatchObject({ households: { new: 6 }, members: { new: 6 } });
    const r = await report(tenant, families.jobId);
    expect(r.ignoredColumns).toEqual(expect.arrayContaining(["padan_dukcapil", "penerima_pkh", "penerima_bpnt"]));
    await commit(tenant, families.jobId);
    const household = await t.withTenant(tenant.id, (tx) =>
      tx.household.findFirstOrThrow({ where: { noKk: people[0]!.noKk }, select: { desil: true, registryId: true, kelurahan: { select: { code: true } } } }),
    );
    expect(household).toEqual({ desil: people[0]!.desil, registryId: people[0]!.idKeluarga, kelurahan: { code: people[0]!.kelurahanCode } });

    const individuals = await importFile(tenant, text(csvOf(p3keIndividualRows(people)), "p3ke_individu.csv"));
    expect(individuals.rejectedRows, JSON.stringify((await report(tenant, individuals.jobId)).rejected)).toBe(0);
    expect(individuals.counts).toMatchObject({ households: { new: 0 }, members: { new: 12, unchanged: 6 } });
  });

  it("finds the No. KK of a P3KE file without one in the registry, by the family's NIK, and refuses a family the registry lacks, saying why", async () => {
    const tenant = await createImportTenant(t);
    const people = cityFamilies(tenant, 3, 70);
    const known = await importFile(tenant, text(siksNgText(people.slice(0, 6)), "dtks.txt"));
    await commit(tenant, known.jobId);
    const rows = p3keFamilyRows(people).map((row) => row.filter((_, i) => i !== 6));
    const dry = await importFile(tenant, text(csvOf(rows), "p3ke.csv"));
    const reasons = [...reasonsOf(await report(tenant, dry.jobId)).entries()];
    expect(reasons).toEqual([[4, expect.stringMatching(/^Berkas tanpa kolom NO KK: keluarga ini \(ID DTSEN P3KE00000073\) belum ada di registri/)]]);
    expect(dry.counts).toMatchObject({ households: { new: 0, changed: 2 } });
    await commit(tenant, dry.jobId);
    const household = await t.withTenant(tenant.id, (tx) => tx.household.findFirstOrThrow({ where: { noKk: people[0]!.noKk }, select: { desil: true } }));
    expect(household.desil).toBe(people[0]!.desil);
  });

  it("refuses a file with neither a No. KK nor a family ID column, naming the column", async () => {
    const tenant = await createImportTenant(t);
    const rows = p3keFamilyRows(cityFamilies(tenant, 1)).map((row) => row.filter((_, i) => i !== 6 && i !== 0));
    const outcome = await dryRun(tenant, text(csvOf(rows), "p3ke.csv"));
    expect(outcome.status).toBe("FAILED");
    expect(outcome.error).toMatch(/Kolom wajib tidak ditemukan: NO KK\./);
  });

  it("imports the DTKS export of SIKS-NG, pipe-separated with DTKS codes", async () => {
    const tenant = await createImportTenant(t);
    const people = cityFamilies(tenant, 5);
    const dry = await importFile(tenant, text(siksNgText(people), "DTKS_SIKSNG.txt"));
    expect(dry.rejectedRows, JSON.stringify((await report(tenant, dry.jobId)).rejected)).toBe(0);
    expect(dry.counts).toMatchObject({ households: { new: 5 }, members: { new: 15 } });
    await commit(tenant, dry.jobId);
    const child = await t.withTenant(tenant.id, (tx) => tx.member.findFirstOrThrow({ where: { nik: people[2]!.nik }, select: { relation: true } }));
    expect(child.relation).toBe("CHILD");
  });

  it("reads a P3KE file saved by a spreadsheet program: number cells that lost the 16th digit are refused by name, dates read as dates", async () => {
    const tenant = await createImportTenant(t);
    const people = cityFamilies(tenant, 4, 40);
    const { bytes } = await spreadsheetProgramXlsx(p3keIndividualRows(people));
    const dry = await importFile(tenant, { bytes, fileName: "p3ke_individu.xlsx" });
    const r = await report(tenant, dry.jobId);
    expect(dry.rejectedRows).toBe(12);
    for (const reasons of reasonsOf(r).values()) expect(reasons).toMatch(/rusak oleh Excel/);
    expect(r.rejected.every((row) => !row.reasons.join(" ").match(/TANGGAL LAHIR/))).toBe(true);
    // Kept as text, the same IDs import whole.
    const careful = await importFile(tenant, { bytes: await textXlsx(p3keIndividualRows(people)), fileName: "p3ke_teks.xlsx" });
    expect(careful.counts).toMatchObject({ households: { new: 4 }, members: { new: 12 } });
  });

  it('reads "x", "✓", "Ya", "Y", "1" and TRUE as yes, and a formula cell by the value stored with it', async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 7, { seed: 3 });
    const kks = [...new Set(rows.map((row) => row["NO KK"]))];
    const marks: ExcelJS.CellValue[] = ["x", "✓", "Ya", "Y", "1", true, { formula: 'IF(H2<=1,"YA","TIDAK")', result: "YA" } as ExcelJS.CellValue];
    const cells = rows.map((row) => ({ ...row, DESIL: "3", "MISKIN EKSTREM": marks[kks.indexOf(row["NO KK"])] ?? null }));
    const dry = await importFile(tenant, { bytes: await toXlsx(cells), fileName: "tanda.xlsx" });
    expect(dry.rejectedRows, JSON.stringify((await report(tenant, dry.jobId)).rejected)).toBe(0);
    await commit(tenant, dry.jobId);
    const flagged = await t.withTenant(tenant.id, (tx) => tx.household.count({ where: { isExtremePoor: true } }));
    expect(flagged).toBe(7);
  });

  it("refuses a formula cell that has no stored value, saying so", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 1);
    const cells = rows.map((row) => ({ ...row, DESIL: { formula: "1+1" } as ExcelJS.CellValue }));
    const dry = await importFile(tenant, { bytes: await toXlsx(cells), fileName: "rumus.xlsx" });
    expect(reasonsOf(await report(tenant, dry.jobId)).get(2)).toMatch(/berisi rumus .* tanpa nilai tersimpan/);
  });

  it("refuses the template's example rows, and the page does not call an all-refused file unchanged", async () => {
    const tenant = await createImportTenant(t);
    const areas = tenant.kecamatan.map((kec) => ({ kecamatan: kec.name, kecamatanCode: kec.code, kelurahan: kec.kelurahan.map((kel) => kel.name) }));
    const template = await bytesOf(templateWorkbook(tenant.name, areas));
    const dry = await importFile(tenant, { bytes: template, fileName: "templat.xlsx" });
    const r = await report(tenant, dry.jobId);
    expect(dry.rejectedRows).toBe(2);
    for (const reasons of reasonsOf(r).values()) expect(reasons).toMatch(/Baris contoh templat/);
    expect(dry.counts).toMatchObject({ rows: { new: 0, changed: 0, unchanged: 0 } });
    expect(importResultState(r)).toBe("allRejected");

    const clean = extractRows(tenant, 2);
    const once = await importFile(tenant, text(toCsv(clean), "a.csv"));
    expect(importResultState(await report(tenant, once.jobId))).toBe("toSave");
    await commit(tenant, once.jobId);
    const twice = await importFile(tenant, text(toCsv(clean), "a.csv"));
    expect(importResultState(await report(tenant, twice.jobId))).toBe("allUnchanged");
    const partly = await importFile(tenant, text(toCsv([...clean, { ...clean[0]!, NIK: "12" }], { headers: HEADERS }), "b.csv"));
    expect(importResultState(await report(tenant, partly.jobId))).toBe("restUnchanged");
  });
});
