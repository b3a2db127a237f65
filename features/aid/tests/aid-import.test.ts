// Aid hand-overs imported from .xlsx/.csv: drafts through createDistribution, the
// OPD from the session, the recipient from this city's registry, the "already recorded"
// key (proof number + household + date), and the duplicate-kind note.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISTRIBUTION_COLUMNS, importDistributionsDefinition, parseAidKind } from "@/features/aid/distribution-import";
import type { SessionUser } from "@/lib/auth/session-user";
import { templateRoute } from "@/lib/spreadsheet/routes";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { NUMBER_LOOKUP_POLICY } from "@/lib/privacy/number-lookup";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runTableImport } from "@/tests/helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let staff: SessionUser;
let bapeda: SessionUser;
let kits: string;
let dinsosProgramme: string;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

let serial = 0;
/** A household with a head whose NIK is unique to this run. */
async function household(tenant: TestTenant = city) {
  return t.withTenant(tenant.id, async (tx) => {
    const h = await createTestHousehold(tx, tenant);
    serial += 1;
    const nik = `5271${String(Date.now()).slice(-6)}${String(serial).padStart(6, "0")}`;
    const head = await tx.member.create({
      data: { tenantId: tenant.id, householdId: h.id, nik, name: "Lalu Ahmad", sex: "MALE", birthDate: new Date("1980-05-01"), relation: "HEAD" },
    });
    return { id: h.id, noKk: h.noKk, nik, memberId: head.id };
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
  [kits, dinsosProgramme] = await read(async (tx) => {
    const p = (opdId: string, name: string, fiscalYear = 2024) =>
      tx.programme.create({ data: { tenantId: city.id, opdId, fiscalYear, name, kind: "EQUIPMENT_AID" } });
    // The same name in 2023 too: a name means the programme of the hand-over's year.
    await p(disnaker, "Bantuan Peralatan Kerja", 2023);
    return [(await p(disnaker, "Bantuan Peralatan Kerja")).id, (await p(dinsos, "Jaring Sosial")).id];
  });
});

afterAll(async () => {
  await t?.close();
});

const HEADER = "PROGRAM;NIK;NO KK;JENIS;BANTUAN;JUMLAH;NILAI;TANGGAL;NOMOR BUKTI;MITRA";
const csvFile = (lines: string[]) => new File([[HEADER, ...lines].join("\r\n")], "penyaluran.csv", { type: "text/csv" });

function upload(user: SessionUser, file: File, mode: "dry-run" | "commit", options: { acknowledgeDuplicates?: boolean; slug?: string } = {}) {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  if (options.acknowledgeDuplicates) form.set("acknowledgeDuplicates", "on");
  return runTableImport(t, actionDeps(t, user), importDistributionsDefinition, options.slug ?? city.slug, form);
}

async function report(user: SessionUser, file: File, mode: "dry-run" | "commit", options: { acknowledgeDuplicates?: boolean } = {}) {
  const result = await upload(user, file, mode, options);
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return result.data as TableImportReport;
}

const reasonsOf = (data: TableImportReport, rowNumber: number) => data.rejected.find((row) => row.rowNumber === rowNumber)?.reasons.join("; ") ?? "";
const notesOf = (data: TableImportReport, rowNumber: number) => data.notes.find((row) => row.rowNumber === rowNumber)?.notes.join("; ") ?? "";
const entriesOf = (householdId: string) =>
  read((tx) => tx.aidDistribution.findMany({ where: { householdId }, orderBy: [{ distributedAt: "asc" }, { createdAt: "asc" }] }));

describe("importing aid hand-overs", () => {
  it("a dry run reports every row and writes nothing; a commit writes the valid rows as drafts of the importer's OPD", async () => {
    const [a, b, c] = [await household(), await household(), await household()];
    const file = () =>
      csvFile([
        `Bantuan Peralatan Kerja;${a.nik};;Bantuan peralatan;1 mesin jahit;1;1.500.000;12-08-2024;BAST/001/2024;`,
        `${kits};;${b.noKk};modal usaha;Modal usaha warung;;Rp1,5 juta;2024-08-13;BAST/002/2024;`,
        `bantuan peralatan kerja;${c.nik};${c.noKk};RLH;Rehab rumah;1;1500000;13 Agustus 2024;BAST/003/2024;PT Bank NTB Syariah`,
        // Bad rows: an unknown kind, a missing value and date, housing without a partner, a malformed NIK.
        `Bantuan Peralatan Kerja;${a.nik};;sepeda;Sepeda;1;500000;14-08-2024;BAST/004/2024;`,
        `Bantuan Peralatan Kerja;${b.nik ?? ""};${b.noKk};peralatan;Obras;1;;;BAST/005/2024;`,
        `Bantuan Peralatan Kerja;;${b.noKk};rumah layak huni;Rehab rumah;1;1000000;15-08-2024;BAST/006/2024;`,
        `Bantuan Peralatan Kerja;5.27101E+15;;peralatan;Obras;1;1000000;15-08-2024;BAST/007/2024;`,
      ]);

    const dry = await report(staff, file(), "dry-run");
    expect(dry).toMatchObject({ mode: "dry-run", total: 7, accepted: 3 });
    expect(dry.rejected.map((row) => row.rowNumber)).toEqual([5, 6, 7, 8]);
    for (const h of [a, b, c]) expect(await entriesOf(h.id)).toHaveLength(0);

    const done = await report(staff, file(), "commit");
    expect(done).toMatchObject({ mode: "commit", total: 7, accepted: 3 });
    expect(reasonsOf(done, 5)).toMatch(/JENIS tidak dikenali \(sepeda\)/);
    expect(reasonsOf(done, 6)).toMatch(/NILAI wajib diisi.*TANGGAL wajib diisi/);
    expect(reasonsOf(done, 7)).toMatch(/mitra CSR/);
    expect(reasonsOf(done, 8)).toMatch(/notasi ilmiah/);

    const [first] = await entriesOf(a.id);
    expect(first).toMatchObject({
      programmeId: kits,
      opdId: staff.opdId,
      memberId: a.memberId,
      kind: "EQUIPMENT",
      items: "1 mesin jahit",
      value: 1_500_000n,
      status: "DRAFT",
      proofRef: "BAST/001/2024",
      duplicateAcknowledged: false,
      createdById: staff.id,
    });
    expect(first!.distributedAt.toISOString().slice(0, 10)).toBe("2024-08-12");
    expect(await entriesOf(a.id)).toHaveLength(1); // the bad row for the same household wrote nothing
    expect(await entriesOf(b.id)).toMatchObject([{ kind: "CAPITAL", value: 1_500_000n, memberId: null, quantity: 1 }]);
    expect(await entriesOf(c.id)).toMatchObject([{ kind: "HOUSING", value: 1_500_000n, partnerName: "PT Bank NTB Syariah", memberId: c.memberId }]);
    const audits = await read((tx) => tx.auditLog.count({ where: { entity: "AidDistribution", userId: staff.id, action: "create" } }));
    expect(audits).toBeGreaterThanOrEqual(3);
  });

  it("reads .xlsx with Excel dates, numbers and NIKs stored as text", async () => {
    const h = await household();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Penyaluran");
    sheet.addRow(["Daftar penyaluran Disnaker 2024"]);
    sheet.addRow(["PROGRAM", "NIK", "JENIS", "BANTUAN", "JUMLAH", "NILAI (RP)", "TANGGAL PENYERAHAN", "NO BAST"]);
    sheet.addRow(["Bantuan Peralatan Kerja", h.nik, "Bantuan bibit", "Bibit cabai", 200, 750000, new Date(Date.UTC(2024, 8, 2)), "BAST/X/1"]);
    const file = new File([await workbook.xlsx.writeBuffer()], "penyaluran.xlsx");
    const data = await report(staff, file, "commit");
    expect(data).toMatchObject({ total: 1, accepted: 1, rejected: [] });
    const [saved] = await entriesOf(h.id);
    expect(saved).toMatchObject({ kind: "SEEDLINGS", quantity: 200, value: 750_000n });
    expect(saved!.distributedAt.toISOString().slice(0, 10)).toBe("2024-09-02");
  });

  it("rejects another OPD's programme, by name or by ID, and a date outside the programme's year", async () => {
    const h = await household();
    const data = await report(
      staff,
      csvFile([
        `Jaring Sosial;${h.nik};;pangan;Beras 10 kg;1;150000;01-07-2024;BAST/D/1;`,
        `${dinsosProgramme};${h.nik};;pangan;Beras 10 kg;1;150000;01-07-2024;BAST/D/2;`,
        `${kits};${h.nik};;pangan;Beras 10 kg;1;150000;01-07-2023;BAST/D/3;`,
      ]),
      "commit",
    );
    expect(data.accepted).toBe(0);
    expect(reasonsOf(data, 2)).toMatch(/Program "Jaring Sosial" di antara program OPD Anda tidak ditemukan/);
    expect(reasonsOf(data, 3)).toMatch(/tidak ditemukan/);
    expect(reasonsOf(data, 4)).toMatch(/tahun anggaran program \(2024\)/);
    expect(await entriesOf(h.id)).toHaveLength(0);
    expect(await read((tx) => tx.aidDistribution.count({ where: { programmeId: dinsosProgramme } }))).toBe(0);
  });

  it("does not find another city's NIK or No. KK, nor a NIK of another family than the No. KK", async () => {
    const stranger = await household(otherCity);
    const [mine, other] = [await household(), await household()];
    const data = await report(
      staff,
      csvFile([
        `Bantuan Peralatan Kerja;${stranger.nik};;peralatan;Obras;1;1000000;01-07-2024;BAST/S/1;`,
        `Bantuan Peralatan Kerja;;${stranger.noKk};peralatan;Obras;1;1000000;01-07-2024;BAST/S/2;`,
        `Bantuan Peralatan Kerja;${other.nik};${mine.noKk};peralatan;Obras;1;1000000;01-07-2024;BAST/S/3;`,
      ]),
      "commit",
    );
    expect(data.accepted).toBe(0);
    expect(reasonsOf(data, 2)).toBe(`NIK ••••••••••••${stranger.nik.slice(-4)} tidak ditemukan di registri.`);
    expect(reasonsOf(data, 3)).toBe(`NO KK ••••••••••••${stranger.noKk.slice(-4)} tidak ditemukan di registri.`);
    expect(reasonsOf(data, 4)).toMatch(/bukan anggota keluarga dengan NO KK/);
    const written = await t.withTenant(otherCity.id, (tx) => tx.aidDistribution.count({ where: { householdId: stranger.id } }));
    expect(written).toBe(0);
  });

  it("cannot confirm guessed numbers: a file with more unknown NIKs than the uploader's lookups left is refused whole", async () => {
    const guesser = sessionUser(city, "OPD_STAFF", { id: `penebak-bantuan-${city.slug}`, opdId: staff.opdId });
    const mine = await t.withTenant(city.id, (tx) => tx.member.findFirstOrThrow({ select: { nik: true } }));
    const guesses = Array.from(
      { length: NUMBER_LOOKUP_POLICY.max + 1 },
      (_, i) => `5271010101${String(70 + (i % 30)).padStart(2, "0")}${String(9000 + i).padStart(4, "0")}`,
    );
    const lines = [...guesses, mine.nik].map((nik, i) => `Bantuan Peralatan Kerja;${nik};;peralatan;Obras;1;1000000;01-07-2024;BAST/G/${i};`);
    const data = await report(guesser, csvFile(lines), "dry-run");
    expect(data.accepted).toBe(0);
    expect(data.rejected).toHaveLength(lines.length);
    expect(data.rejected.every((row) => /Batas pencarian nomor/.test(row.reasons.join()))).toBe(true);
  });

  it("takes the OPD from the session: an OPD column in the file is ignored", async () => {
    const h = await household();
    const file = new File(
      [`OPD;PROGRAM;NIK;JENIS;BANTUAN;NILAI;TANGGAL;NOMOR BUKTI\r\nDinsos;Bantuan Peralatan Kerja;${h.nik};peralatan;Obras;900000;03-07-2024;BAST/O/1`],
      "opd.csv",
    );
    const data = await report(staff, file, "commit");
    expect(data.ignoredColumns).toEqual(["OPD"]);
    expect(await entriesOf(h.id)).toMatchObject([{ opdId: staff.opdId, programmeId: kits }]);
  });

  it("is idempotent: proof number + household + date already recorded is an 'already recorded' row, in a later upload or the same file", async () => {
    const h = await household();
    const rows = [
      `Bantuan Peralatan Kerja;${h.nik};;modal;Modal warung;1;2.000.000;05-07-2024;BAST/I/1;`,
      `Bantuan Peralatan Kerja;${h.nik};;pangan;Beras;1;150.000;05-07-2024;BAST/I/2;`,
    ];
    expect((await report(staff, csvFile(rows), "commit")).accepted).toBe(2);

    const again = await report(staff, csvFile(rows), "dry-run");
    expect(again.accepted).toBe(0);
    expect(reasonsOf(again, 2)).toMatch(/^Sudah tercatat: penyaluran dengan NOMOR BUKTI BAST\/I\/1 .* \(draf\)/);
    expect(reasonsOf(again, 3)).toMatch(/^Sudah tercatat/);
    expect((await report(staff, csvFile(rows), "commit")).accepted).toBe(0);
    expect(await entriesOf(h.id)).toHaveLength(2);

    // The same proof number for the household on another date is another hand-over; repeated within a file, it is caught.
    const next = await report(
      staff,
      csvFile([
        `Bantuan Peralatan Kerja;${h.nik};;pangan;Beras;1;150.000;06-07-2024;bast/i/2;`,
        `Bantuan Peralatan Kerja;${h.nik};;pangan;Beras;1;150.000;06-07-2024;BAST/I/2;`,
      ]),
      "commit",
      { acknowledgeDuplicates: true },
    );
    expect(next.accepted).toBe(1);
    expect(reasonsOf(next, 3)).toMatch(/^Sudah tercatat/);
    expect(await entriesOf(h.id)).toHaveLength(3);
  });

  it("notes the same kind this year in the dry run; a commit saves such rows only with 'import anyway', marked acknowledged", async () => {
    const h = await household();
    await report(staff, csvFile([`Bantuan Peralatan Kerja;${h.nik};;peralatan;Mesin jahit;1;4.500.000;01-03-2024;BAST/K/1;`]), "commit");
    const file = () =>
      csvFile([
        `Bantuan Peralatan Kerja;${h.nik};;peralatan;Mesin obras;1;2.000.000;01-04-2024;BAST/K/2;`,
        `Bantuan Peralatan Kerja;${h.nik};;modal;Modal usaha;1;1.000.000;01-04-2024;BAST/K/3;`,
      ]);

    const dry = await report(staff, file(), "dry-run");
    expect(dry).toMatchObject({ accepted: 2, rejected: [] });
    expect(notesOf(dry, 2)).toMatch(/sudah menerima bantuan peralatan pada tahun 2024: Bantuan peralatan, 1 Mar 2024, Dinas Tenaga Kerja \(draf\)/);
    expect(notesOf(dry, 2)).toMatch(/hanya disimpan bila "Tetap impor bantuan ganda" dicentang/);
    expect(notesOf(dry, 3)).toBe("");

    const without = await report(staff, file(), "commit");
    expect(without.accepted).toBe(1);
    expect(reasonsOf(without, 2)).toMatch(/sudah menerima bantuan peralatan.*Centang "Tetap impor bantuan ganda"/);
    expect((await entriesOf(h.id)).map((e) => [e.kind, e.duplicateAcknowledged])).toEqual([
      ["EQUIPMENT", false],
      ["CAPITAL", false],
    ]);

    const anyway = await report(staff, file(), "commit", { acknowledgeDuplicates: true });
    expect(anyway.accepted).toBe(1); // the capital row is already recorded
    expect(notesOf(anyway, 2)).toMatch(/Disimpan dengan tanda ganda dikonfirmasi/);
    const saved = (await entriesOf(h.id)).find((e) => e.proofRef === "BAST/K/2");
    expect(saved).toMatchObject({ kind: "EQUIPMENT", duplicateAcknowledged: true, status: "DRAFT" });
  });

  it("denies a role without entry:write and another city's user, writing nothing", async () => {
    const h = await household();
    const file = () => csvFile([`Bantuan Peralatan Kerja;${h.nik};;peralatan;Obras;1;1000000;01-07-2024;BAST/P/1;`]);
    expect(await upload(bapeda, file(), "commit")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await upload(sessionUser(city, "AUDITOR"), file(), "commit")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await upload(sessionUser(otherCity, "OPD_STAFF", { opdId: staff.opdId }), file(), "commit")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // An OPD role whose account has no OPD is refused before any row.
    expect(await upload(sessionUser(city, "OPD_STAFF"), file(), "commit")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await entriesOf(h.id)).toHaveLength(0);
  });

  it("rejects a whole file without a required column, naming it", async () => {
    const result = await upload(staff, new File(["PROGRAM;NIK;JENIS;BANTUAN;NILAI;TANGGAL\r\nx;1;peralatan;y;1;01-01-2024"], "x.csv"), "commit");
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (!result.ok) expect(result.fieldErrors?.file?.[0]).toMatch(/Kolom wajib tidak ditemukan: NOMOR BUKTI/);
  });

  it("hands out a template whose example row names every column", async () => {
    const route = templateRoute({ page: "aid", also: "entry:write", fileName: "penyaluran-bantuan", columns: DISTRIBUTION_COLUMNS });
    const response = await callRoute(route, routeDeps(t, staff), `http://localhost/${city.slug}/bantuan/templat?format=csv`, { tenant: city.slug });
    const [header, example] = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(
      "PROGRAM;NIK;NO KK;JENIS;BANTUAN;JUMLAH;NILAI;TANGGAL;NOMOR BUKTI;POS ANGGARAN;MITRA;BULAN PREMI;NOMOR KPJ;MULAI KEPESERTAAN;PREMI PER BULAN;PETUGAS;CATATAN",
    );
    expect(example).toContain("4.750.000");
    const denied = await callRoute(route, routeDeps(t, bapeda), "http://localhost/x/templat", { tenant: city.slug });
    expect(denied.status).toBe(404);
  });

  it("reads the kinds as clerks write them", () => {
    expect(["Bantuan peralatan", "PERALATAN", "tool kit", "EQUIPMENT"].map(parseAidKind)).toEqual(["EQUIPMENT", "EQUIPMENT", "EQUIPMENT", "EQUIPMENT"]);
    expect(["RLH", "Bantuan Rumah Layak Huni", "BPJS TK", "sembako", "BLT", "lain-lain"].map(parseAidKind)).toEqual([
      "HOUSING",
      "HOUSING",
      "INSURANCE_PREMIUM",
      "FOOD",
      "CASH",
      "OTHER",
    ]);
    expect(parseAidKind("sepeda")).toBeNull();
  });
});
