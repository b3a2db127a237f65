// The registry export: the import's own columns with full numbers as text, for those who may
// see them, audited as a disclosure. A kelurahan exported, edited in a spreadsheet program
// (LibreOffice where the machine has it, exceljs otherwise) and imported again changes the
// edited rows and nothing else.
import { registryReportWordsIn } from "@/features/registry/import/queries";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registryCheckJob, registryCommitJob } from "@/features/registry/import/jobs";
import { registryExport, type RegistryExportRow } from "@/features/registry/export/registry-export";
import type { RegistryImportReport } from "@/features/registry/import/run-import";
import { COLUMN_BY_KEY } from "@/features/registry/import/columns";
import { EXAMPLE_COLUMNS } from "@/features/registry/import/spreadsheets";
import { startTrackedJob } from "@/lib/jobs/tracked";
import { exportRoute as routeOf } from "@/lib/spreadsheet/routes";
import type { Role } from "@/lib/generated/prisma/enums";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { runQueuedNow } from "@/tests/helpers/queued-jobs";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { createImportTenant, extractRows, toCsv, type ImportTenant } from "@/features/registry/tests/fixtures/extract";

const run = promisify(execFile);
// As app/[tenant]/registri/ekspor/route.ts builds it.
const exportRoute = routeOf(registryExport);

let t: TestDb;
let city: ImportTenant;
// Queue names of this file's own: no running worker takes its jobs; runQueuedNow runs them.
const prefix = `x${uniqueSuffix()}.`;
const HEADERS = EXAMPLE_COLUMNS.map((key) => COLUMN_BY_KEY[key].header);

beforeAll(async () => {
  t = await openTestDb();
  city = await createImportTenant(t);
  const committed = await importFile(city, new TextEncoder().encode(toCsv(extractRows(city, 24))), "dtsen.csv");
  expect(committed.counts).toMatchObject({ rows: { changed: 0, unchanged: 0 } });
});

afterAll(async () => {
  await t?.close();
});

const asTestTenant = (tenant: ImportTenant) => ({ id: tenant.id, slug: tenant.slug, kecamatanId: "", kelurahanId: "" });
const user = (role: Role, kelurahanId: string | null = null) => sessionUser(asTestTenant(city), role, { id: `user-${role}-${uniqueSuffix()}`, kelurahanId });

async function download(role: Role, options: { kelurahanId?: string | null; query?: string } = {}): Promise<Response> {
  const url = `http://localhost/${city.slug}/registri/ekspor${options.query ? `?${options.query}` : ""}`;
  return callRoute(exportRoute, routeDeps(t, user(role, options.kelurahanId ?? null)), url, { tenant: city.slug });
}

async function sheetOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return { workbook, sheet: workbook.worksheets[0]! };
}

function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(HEADERS.map((header, i) => [header, row.getCell(i + 1).value])));
  });
  return rows;
}

/** A file through the import's two jobs, as the page sends them; the check's report. */
async function importFile(tenant: ImportTenant, bytes: Uint8Array, fileName: string): Promise<RegistryImportReport> {
  const checkId = await t.withTenant(tenant.id, (tx) =>
    startTrackedJob(tx, registryCheckJob, {
      tenantId: tenant.id,
      userId: null,
      input: { source: "DTSEN", fileSize: bytes.length },
      file: bytes,
      fileName,
      prefix,
    }),
  );
  const check = await runQueuedNow(t, registryCheckJob, tenant.id, checkId);
  expect(check).toMatchObject({ state: "DONE", error: null });
  const report = await t.withTenant(tenant.id, async (tx) => {
    const job = await tx.importJob.findFirstOrThrow({ where: { id: check.resultId! }, select: { report: true } });
    return registryReportWordsIn(job.report as unknown as RegistryImportReport, "id");
  });
  const commitId = await t.withTenant(tenant.id, (tx) =>
    startTrackedJob(tx, registryCommitJob, { tenantId: tenant.id, userId: null, resultId: check.resultId!, prefix }),
  );
  expect(await runQueuedNow(t, registryCommitJob, tenant.id, commitId)).toMatchObject({ state: "DONE", error: null });
  return report;
}

/** The whole city's registry as plain values, by No. KK and NIK. */
async function registrySnapshot(tenant: ImportTenant) {
  return t.withTenant(tenant.id, async (tx) => {
    const households = await tx.household.findMany({
      select: {
        noKk: true,
        registryId: true,
        address: true,
        rt: true,
        rw: true,
        kecamatanId: true,
        kelurahanId: true,
        desil: true,
        isExtremePoor: true,
        status: true,
      },
    });
    const members = await tx.member.findMany({
      select: {
        nik: true,
        name: true,
        sex: true,
        birthPlace: true,
        birthDate: true,
        relation: true,
        education: true,
        occupation: true,
        disability: true,
        household: { select: { noKk: true } },
      },
    });
    return {
      households: Object.fromEntries(households.map((h) => [h.noKk, h])),
      members: Object.fromEntries(members.map(({ household, ...m }) => [m.nik, { ...m, noKk: household.noKk }])),
    };
  });
}

/** LibreOffice opens the file and saves it again as .xlsx, as a user's spreadsheet program would; null where it is not installed. */
async function resavedByLibreOffice(bytes: Buffer): Promise<Buffer | null> {
  const soffice = await run("which", ["soffice"]).then(
    (found) => found.stdout.trim() || null,
    () => null,
  );
  if (!soffice) return null;
  const dir = await mkdtemp(join(tmpdir(), "entas-export-"));
  try {
    await writeFile(join(dir, "edited.xlsx"), bytes);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        join(dir, "edited.xlsx"),
      ],
      { timeout: 120_000 },
    );
    return await readFile(join(dir, "out", "edited.xlsx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the registry export", () => {
  it("gives a kelurahan officer their own kelurahan only, whatever the URL asks, in the template's columns with numbers as text", async () => {
    const own = city.kecamatan[0]!.kelurahan[0]!;
    const other = city.kecamatan[1]!.kelurahan[0]!;
    const response = await download("KELURAHAN", { kelurahanId: own.id, query: `kelurahan=${other.id}` });
    expect(response.status).toBe(200);
    const { sheet } = await sheetOf(response);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const rows = rowsOf(sheet);
    const expected = await t.withTenant(city.id, (tx) => tx.member.count({ where: { household: { kelurahanId: own.id } } }));
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((row) => row.KELURAHAN))).toEqual(new Set([own.name]));
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      for (const header of ["NIK", "NO KK"]) {
        const cell = sheet.getRow(r).getCell(HEADERS.indexOf(header) + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(String(cell.value)).toMatch(/^\d{16}$/);
        expect(cell.numFmt).toBe("@");
      }
    }
  });

  it("is audited, with each family listed recorded as disclosed", async () => {
    const own = city.kecamatan[0]!.kelurahan[1]!;
    const response = await download("KELURAHAN", { kelurahanId: own.id });
    await response.arrayBuffer();
    const { audit, disclosed, households } = await t.withTenant(city.id, async (tx) => {
      const audit = await tx.auditLog.findFirstOrThrow({ where: { entity: "Registry", action: "export" }, orderBy: { id: "desc" } });
      const disclosed = await tx.personalDataDisclosure.findMany({ where: { auditLogId: audit.id }, select: { householdId: true } });
      const households = await tx.household.findMany({ where: { kelurahanId: own.id }, select: { id: true } });
      return { audit, disclosed, households };
    });
    expect(audit.after).toMatchObject({ format: "xlsx" });
    expect(JSON.stringify(audit.after)).not.toMatch(/\d{16}/);
    expect(disclosed.map((row) => row.householdId).sort()).toEqual(households.map((row) => row.id).sort());
  });

  it("leaves out members who died or moved out: a family re-imported from it does not bring them back", async () => {
    const own = city.kecamatan[1]!.kelurahan[1]!;
    const departed = await t.withTenant(city.id, (tx) =>
      tx.member.findFirstOrThrow({ where: { household: { kelurahanId: own.id }, relation: { not: "HEAD" } }, select: { id: true, nik: true } }),
    );
    await t.withTenant(city.id, (tx) =>
      tx.member.updateMany({ where: { id: departed.id }, data: { departure: "DIED", departedAt: new Date("2026-10-01T00:00:00Z") } }),
    );
    try {
      const response = await download("KELURAHAN", { kelurahanId: own.id });
      const rows = rowsOf((await sheetOf(response)).sheet);
      const current = await t.withTenant(city.id, (tx) => tx.member.count({ where: { household: { kelurahanId: own.id }, departedAt: null } }));
      expect(rows).toHaveLength(current);
      expect(rows.map((row) => row.NIK)).not.toContain(departed.nik);
    } finally {
      await t.withTenant(city.id, (tx) => tx.member.updateMany({ where: { id: departed.id }, data: { departure: null, departedAt: null } }));
    }
  });

  it("gives Bapeda the city, or the kelurahan it picks (one of the city's)", async () => {
    const all = rowsOf((await sheetOf(await download("BAPEDA"))).sheet);
    expect(all).toHaveLength(await t.withTenant(city.id, (tx) => tx.member.count()));
    const picked = city.kecamatan[1]!.kelurahan[1]!;
    const one = rowsOf((await sheetOf(await download("BAPEDA", { query: `kelurahan=${picked.id}` }))).sheet);
    expect(one.length).toBeGreaterThan(0);
    expect(new Set(one.map((row) => row.KELURAHAN))).toEqual(new Set([picked.name]));
    expect((await download("BAPEDA", { query: "kelurahan=bukanwilayahkota" })).status).toBe(404);
  });

  it("reads the registry in batches that end on a whole family, each batch after the last No. KK", async () => {
    const bapeda = { ...user("BAPEDA"), tenantId: city.id, tenantSlug: city.slug };
    const batches: RegistryExportRow[][] = [];
    for (let after: string | null = null; ; ) {
      const batch: RegistryExportRow[] = await t.withTenant(city.id, (tx) =>
        registryExport.batch(tx, { user: bapeda, params: { tenant: city.slug }, search: new URLSearchParams(), after, take: 5 }),
      );
      batches.push(batch);
      if (batch.length < 5) break;
      after = registryExport.cursor(batch.at(-1)!);
    }
    expect(batches.length).toBeGreaterThan(3);
    const families = batches.map((batch) => new Set(batch.map((row) => row.noKk)));
    for (let i = 1; i < families.length; i += 1) for (const noKk of families[i]!) expect(families[i - 1]!.has(noKk)).toBe(false);
    const niks = batches.flat().map((row) => row.nik);
    expect(new Set(niks).size).toBe(niks.length);
    expect(niks).toHaveLength(await t.withTenant(city.id, (tx) => tx.member.count()));
  });

  it("is refused to those who may not see full numbers", async () => {
    for (const role of ["OPD_STAFF", "AUDITOR", "MAYOR_OFFICE", "CITY_ADMIN"] as Role[]) {
      expect((await download(role)).status, role).toBe(404);
    }
  });
});

describe("a kelurahan exported, edited in a spreadsheet and imported again", () => {
  it("changes the edited rows, names each of them in the check, counts the rest unchanged, and moves nothing else", async () => {
    const own = city.kecamatan[0]!.kelurahan[0]!;
    const { workbook, sheet } = await sheetOf(await download("KELURAHAN", { kelurahanId: own.id }));
    const rows = rowsOf(sheet);
    const families = [...new Set(rows.map((row) => String(row["NO KK"])))];
    expect(families.length).toBeGreaterThanOrEqual(3);
    const column = (header: string) => HEADERS.indexOf(header) + 1;
    const rowsOfFamily = (noKk: string) => rows.flatMap((row, i) => (row["NO KK"] === noKk ? [i + 2] : []));

    // A member's name, another family's head's occupation, and a third family's address on each of its rows.
    const renamed = rowsOfFamily(families[0]!).at(-1)!;
    sheet.getRow(renamed).getCell(column("NAMA")).value = "NAMA DIBETULKAN";
    const working = rowsOfFamily(families[1]!)[0]!;
    sheet.getRow(working).getCell(column("PEKERJAAN")).value = "Pedagang";
    const moved = rowsOfFamily(families[2]!);
    for (const r of moved) sheet.getRow(r).getCell(column("ALAMAT")).value = "Jl. Baru No. 9";
    const edited = 2 + moved.length;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = (await resavedByLibreOffice(bytes)) ?? bytes;

    const before = await registrySnapshot(city);
    const report = await importFile(city, new Uint8Array(file), "registri-diedit.xlsx");

    expect(report.rejectedRows).toBe(0);
    expect(report.counts?.rows).toEqual({ new: 0, changed: edited, unchanged: rows.length - edited });
    expect(report.counts?.households).toMatchObject({ new: 0, changed: 1 });
    expect(report.counts?.members).toMatchObject({ new: 0, changed: 2 });

    const after = await registrySnapshot(city);
    const renamedNik = String(sheet.getRow(renamed).getCell(column("NIK")).value);
    const workingNik = String(sheet.getRow(working).getCell(column("NIK")).value);
    expect(after.members).toEqual({
      ...before.members,
      [renamedNik]: { ...before.members[renamedNik], name: "NAMA DIBETULKAN" },
      [workingNik]: { ...before.members[workingNik], occupation: "Pedagang" },
    });
    expect(after.households).toEqual({ ...before.households, [families[2]!]: { ...before.households[families[2]!], address: "Jl. Baru No. 9" } });
    // The check named each edited row before anything was saved.
    const mask = (value: string) => "•".repeat(value.length - 4) + value.slice(-4);
    expect(report.families?.renamed.items).toEqual([
      { nik: mask(renamedNik), noKk: mask(families[0]!), from: before.members[renamedNik]!.name, to: "NAMA DIBETULKAN" },
    ]);
    expect(report.families?.details).toEqual({
      total: 2,
      items: [
        { nik: mask(workingNik), name: expect.any(String), noKk: mask(families[1]!), fields: ["occupation"] },
        { nik: null, name: null, noKk: mask(families[2]!), fields: ["address"] },
      ],
    });
    expect([report.families?.moves.total, report.families?.newHeads.total, report.families?.classification.total]).toEqual([0, 0, 0]);
  });

  it("names a kelurahan by its code where another of its kecamatan shares its name, and imports again unchanged", async () => {
    const [first, second] = city.kecamatan[0]!.kelurahan;
    await t.withTenant(city.id, (tx) => tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: second!.id } }, data: { name: first!.name } }));
    try {
      const response = await download("KELURAHAN", { kelurahanId: first!.id });
      const bytes = Buffer.from(await response.arrayBuffer());
      const rows = rowsOf((await sheetOf(new Response(bytes))).sheet);
      expect(new Set(rows.map((row) => row.KELURAHAN))).toEqual(new Set([first!.code]));
      const before = await registrySnapshot(city);
      const report = await importFile(city, new Uint8Array(bytes), "registri.xlsx");
      expect(report.rejectedRows).toBe(0);
      expect(report.counts?.rows).toEqual({ new: 0, changed: 0, unchanged: rows.length });
      expect(await registrySnapshot(city)).toEqual(before);
    } finally {
      await t.withTenant(city.id, (tx) => tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: second!.id } }, data: { name: second!.name } }));
    }
  });
});
