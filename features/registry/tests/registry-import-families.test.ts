// Families kept whole across imports: one head per family after every commit, members that move
// between families named in the check and saved only once confirmed, a family whose head row is
// refused refused whole, and new members joining a family the registry already holds.
import { registryReportWordsIn } from "@/features/registry/import/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRegistryImport, commitRegistryImport, type ImportOutcome, type RegistryImportReport } from "@/features/registry/import/run-import";
import ExcelJS from "exceljs";
import { FAMILY_CHANGES_SHOWN } from "@/features/registry/import/families";
import { familyChangesWorkbook, readFamilyChanges } from "@/features/registry/import/family-changes-export";
import { registryCommitJob, type RegistryCommitInput } from "@/features/registry/import/jobs";
import { generateNik } from "@/lib/identity/nik";
import { startTrackedJob } from "@/lib/jobs/tracked";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { runQueuedNow } from "@/tests/helpers/queued-jobs";
import { chunked, createImportTenant, extractRows, toCsv, type ExtractRow, type ImportTenant } from "@/features/registry/tests/fixtures/extract";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

function check(tenant: ImportTenant, rows: ExtractRow[]): Promise<ImportOutcome> {
  return checkRegistryImport({
    withTenant: t.withTenant,
    tenantId: tenant.id,
    userId: null,
    body: chunked(new TextEncoder().encode(toCsv(rows))),
    fileName: "keluarga.csv",
    source: "DTSEN",
  });
}

function commit(tenant: ImportTenant, jobId: string, confirmed = false): Promise<ImportOutcome> {
  return commitRegistryImport({ withTenant: t.withTenant, tenantId: tenant.id, userId: null, jobId, confirmed });
}

async function imported(tenant: ImportTenant, rows: ExtractRow[]) {
  const dry = await check(tenant, rows);
  expect(dry.status, dry.error).toBe("DRY_RUN");
  return { dry, report: await report(tenant, dry.jobId) };
}

async function report(tenant: ImportTenant, jobId: string): Promise<RegistryImportReport> {
  const job = await t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: jobId } } }));
  return registryReportWordsIn(job.report as unknown as RegistryImportReport, "id");
}

/** The registry's members of a No. KK, by NIK. */
async function family(tenant: ImportTenant, noKk: string) {
  return t.withTenant(tenant.id, async (tx) => {
    const members = await tx.member.findMany({ where: { household: { noKk } }, select: { nik: true, name: true, relation: true } });
    return new Map(members.map((m) => [m.nik, m]));
  });
}

const familiesOf = (rows: ExtractRow[]) => {
  const byKk = new Map<string, ExtractRow[]>();
  for (const row of rows) byKk.set(row["NO KK"], [...(byKk.get(row["NO KK"]) ?? []), row]);
  return [...byKk.values()];
};

/** A registry of `households` families of at least three members, imported and committed. */
async function registryOf(households: number) {
  const tenant = await createImportTenant(t);
  const rows = extractRows(tenant, households * 4).filter((row, _i, all) => all.filter((r) => r["NO KK"] === row["NO KK"]).length >= 3);
  const families = familiesOf(rows).slice(0, households);
  expect(families).toHaveLength(households);
  const { dry } = await imported(tenant, families.flat());
  await commit(tenant, dry.jobId);
  return { tenant, families };
}

const newborn = (head: ExtractRow, serial: number): ExtractRow => {
  const birth = new Date(Date.UTC(2025, 2, 14));
  const nik = generateNik({ regionCode: head.NIK.slice(0, 6), birthDate: birth, sex: "MALE", serial });
  return { ...head, NIK: nik, NAMA: "Bayi Baru", "JENIS KELAMIN": "L", "TGL LAHIR": "14-03-2025", "HUB KELUARGA": "ANAK", PEKERJAAN: "" };
};

async function auditRows(tenant: ImportTenant, action: string) {
  return t.withTenant(tenant.id, (tx) => tx.auditLog.findMany({ where: { action }, select: { entity: true, before: true, after: true } }));
}

describe("registry import: families kept whole", () => {
  it("a new head for a No. KK the registry holds replaces its head, is named in the check, and needs confirming", async () => {
    const { tenant, families } = await registryOf(2);
    const [a] = families as [ExtractRow[], ExtractRow[]];
    const [oldHead, spouse, ...rest] = a;
    // The spouse becomes the head; the old head's row is not in the file.
    const rows = [{ ...spouse!, "HUB KELUARGA": "KEPALA KELUARGA" }, ...rest];
    const { dry, report: r } = await imported(tenant, rows);
    expect(r.families?.newHeads.total).toBe(1);
    const [change] = r.families!.newHeads.items;
    expect(change).toMatchObject({ oldHeadName: oldHead!.NAMA, newHeadName: spouse!.NAMA, oldHeadBecomes: "OTHER" });
    expect(change!.noKk).toMatch(new RegExp(`^•+${oldHead!["NO KK"].slice(-4)}$`));
    expect(JSON.stringify(r.families)).not.toContain(oldHead!.NIK);
    expect(r.needsConfirmation).toBe(true);

    await expect(commit(tenant, dry.jobId)).rejects.toThrow(/konfirmasi/i);
    expect((await family(tenant, oldHead!["NO KK"])).get(spouse!.NIK)?.relation).toBe("SPOUSE");

    const committed = await commit(tenant, dry.jobId, true);
    expect(committed.status).toBe("COMMITTED");
    const after = await family(tenant, oldHead!["NO KK"]);
    expect([...after.values()].filter((m) => m.relation === "HEAD").map((m) => m.nik)).toEqual([spouse!.NIK]);
    expect(after.get(oldHead!.NIK)?.relation).toBe("OTHER");
    const audits = await auditRows(tenant, "import.head_change");
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(oldHead!.NIK);
    expect(JSON.stringify(audits)).not.toContain(spouse!.NIK);
    expect(JSON.stringify(audits)).not.toContain(oldHead!["NO KK"]);
  });

  it("refuses a family whole when its head's row is refused", async () => {
    const tenant = await createImportTenant(t);
    const [family1, family2] = familiesOf(extractRows(tenant, 8)).filter((f) => f.length >= 2) as [ExtractRow[], ExtractRow[]];
    // Excel cut the head's NIK to 15 significant digits.
    const damaged = [{ ...family1[0]!, NIK: `${family1[0]!.NIK.slice(0, 15)}` }, ...family1.slice(1)];
    const { dry, report: r } = await imported(tenant, [...damaged, ...family2]);
    expect(r.rejectedRows).toBe(family1.length);
    for (const row of r.rejected.slice(1)) expect(row.reasons.join("; ")).toMatch(/kepala keluarga.*ditolak/i);
    await commit(tenant, dry.jobId);
    expect((await family(tenant, family1[0]!["NO KK"])).size).toBe(0);
    expect((await family(tenant, family2[0]!["NO KK"])).size).toBe(family2.length);
  });

  it("names members moving to another No. KK and real name changes, saves moves only when confirmed, and ignores changes of case", async () => {
    const { tenant, families } = await registryOf(2);
    const [a, b] = families as [ExtractRow[], ExtractRow[]];
    const mover = a.at(-1)!;
    const renamed = b[1]!;
    const rows = [
      ...b.map((row) => (row === renamed ? { ...row, NAMA: "Nama Baru Sekali" } : { ...row, NAMA: row.NAMA.toUpperCase() })),
      joining(mover, b[0]!, "FAMILI LAIN"),
    ];
    const { dry, report: r } = await imported(tenant, rows);
    expect(r.families?.moves.total).toBe(1);
    expect(r.families!.moves.items[0]).toMatchObject({ name: mover.NAMA, fromKk: expect.stringMatching(new RegExp(`${a[0]!["NO KK"].slice(-4)}$`)) });
    expect(r.families!.moves.items[0]!.toKk).toMatch(new RegExp(`^•+${b[0]!["NO KK"].slice(-4)}$`));
    expect(r.families?.renamed.total).toBe(1);
    expect(r.families!.renamed.items[0]).toMatchObject({ from: renamed.NAMA, to: "Nama Baru Sekali" });
    // Upper-case names of the same people are not a change.
    expect(r.counts?.members.changed).toBe(2);
    expect(r.needsConfirmation).toBe(true);

    await expect(commit(tenant, dry.jobId)).rejects.toThrow(/konfirmasi/i);
    expect((await family(tenant, a[0]!["NO KK"])).has(mover.NIK)).toBe(true);
    await commit(tenant, dry.jobId, true);
    const after = await family(tenant, b[0]!["NO KK"]);
    expect(after.get(mover.NIK)?.relation).toBe("OTHER_RELATIVE");
    expect(after.get(b[0]!.NIK)?.name).toBe(b[0]!.NAMA);
    expect(after.get(renamed.NIK)?.name).toBe("Nama Baru Sekali");
    expect((await family(tenant, a[0]!["NO KK"])).has(mover.NIK)).toBe(false);
    const audits = await auditRows(tenant, "import.move");
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(mover.NIK);
    expect(JSON.stringify(audits)).not.toContain(a[0]!["NO KK"]);
  });

  it("refuses a family whose new member is the head of a family left behind without one", async () => {
    const { tenant, families } = await registryOf(2);
    const [a, b] = families as [ExtractRow[], ExtractRow[]];
    const head = a[0]!;
    const rows = [...b, joining(head, b[0]!, "FAMILI LAIN")];
    const { report: r } = await imported(tenant, rows);
    expect(r.rejectedRows).toBe(b.length + 1);
    expect(r.rejected[0]!.reasons.join("; ")).toMatch(/tanpa kepala keluarga/);
    expect(r.families?.headless.total).toBe(1);
    expect(r.families!.headless.items[0]).toMatchObject({ reason: "headMovesOut" });
    expect(r.counts?.rows.new).toBe(0);
  });

  it("lets new members join a family the registry holds without a head row, and refuses a new family without one", async () => {
    const { tenant, families } = await registryOf(1);
    const [a] = families as [ExtractRow[]];
    const baby = newborn(a[0]!, 9001);
    const stranger = { ...newborn(extractRows(tenant, 1, { serialBase: 700 })[0]!, 9002) };
    const { dry, report: r } = await imported(tenant, [baby, stranger]);
    expect(r.rejectedRows).toBe(1);
    expect(r.rejected[0]!.reasons.join("; ")).toMatch(/tidak memiliki baris kepala keluarga/);
    expect(r.rejected[0]!.cells).toContain(stranger.NAMA);
    expect(r.counts?.members.new).toBe(1);
    expect(r.needsConfirmation).toBe(false);
    await commit(tenant, dry.jobId);
    const after = await family(tenant, a[0]!["NO KK"]);
    expect(after.get(baby.NIK)?.relation).toBe("CHILD");
    expect([...after.values()].filter((m) => m.relation === "HEAD")).toHaveLength(1);
  });

  it("lists desil and extreme-poverty changes by family", async () => {
    const { tenant, families } = await registryOf(1);
    const [a] = families as [ExtractRow[]];
    const desil = a[0]!.DESIL === "4" ? "3" : "4";
    const { report: r } = await imported(
      tenant,
      a.map((row) => ({ ...row, DESIL: desil, "MISKIN EKSTREM": "TIDAK" })),
    );
    expect(r.families?.classification.total).toBe(1);
    expect(r.families!.classification.items[0]).toMatchObject({ fromDesil: Number(a[0]!.DESIL), toDesil: Number(desil) });
    expect(r.needsConfirmation).toBe(false);
  });

  it("the commit job refuses moves that were not confirmed, and saves them once they are", async () => {
    const { tenant, families } = await registryOf(2);
    const [a, b] = families as [ExtractRow[], ExtractRow[]];
    const mover = joining(a.at(-1)!, b[0]!, "FAMILI LAIN");
    const { dry } = await imported(tenant, [...b, mover]);
    const prefix = `t${uniqueSuffix()}.`;
    const queue = (input: RegistryCommitInput) =>
      t.withTenant(tenant.id, (tx) => startTrackedJob(tx, registryCommitJob, { tenantId: tenant.id, userId: null, resultId: dry.jobId, input, prefix }));

    const refused = await runQueuedNow(t, registryCommitJob, tenant.id, await queue({}));
    expect(refused).toMatchObject({ state: "FAILED", error: expect.stringMatching(/konfirmasi/) });
    expect((await family(tenant, a[0]!["NO KK"])).has(mover.NIK)).toBe(true);
    const done = await runQueuedNow(t, registryCommitJob, tenant.id, await queue({ confirmed: true }));
    expect(done.state).toBe("DONE");
    expect((await family(tenant, b[0]!["NO KK"])).has(mover.NIK)).toBe(true);
  });

  it("refuses a commit when members move that the check did not list, and ends that check", async () => {
    const { tenant, families } = await registryOf(2);
    const [a, b] = families as [ExtractRow[], ExtractRow[]];
    const baby = newborn(b[0]!, 9003);
    const { dry, report: r } = await imported(tenant, [baby]);
    expect(r.needsConfirmation).toBe(false);
    // Meanwhile someone puts the same person in another family of the registry.
    await t.withTenant(tenant.id, async (tx) => {
      const other = await tx.household.findFirstOrThrow({ where: { noKk: a[0]!["NO KK"] }, select: { id: true } });
      await tx.member.create({
        data: { tenantId: tenant.id, householdId: other.id, nik: baby.NIK, name: baby.NAMA, sex: "MALE", birthDate: new Date("2025-03-14"), relation: "CHILD" },
      });
    });
    await expect(commit(tenant, dry.jobId, true)).rejects.toThrow(/Periksa ulang/);
    const job = await t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: dry.jobId } } }));
    expect(job.status).toBe("FAILED");
    expect((await family(tenant, a[0]!["NO KK"])).has(baby.NIK)).toBe(true);
  });
});

describe("registry import: the check's list of changed families", () => {
  it("lists the first families of a kind and counts the rest", async () => {
    const { tenant, families } = await registryOf(45);
    const [target, ...others] = families as [ExtractRow[], ...ExtractRow[][]];
    const movers = others.flatMap((rows) => rows.slice(1)).map((row) => joining(row, target[0]!, "FAMILI LAIN"));
    expect(movers.length).toBeGreaterThan(FAMILY_CHANGES_SHOWN);
    const { dry, report: r } = await imported(tenant, [...target, ...movers]);
    expect(r.families?.moves.total).toBe(movers.length);
    expect(r.families?.moves.items).toHaveLength(FAMILY_CHANGES_SHOWN);
    expect(r.counts?.moves).toBe(movers.length);

    // The download lists them all, masked.
    const all = await t.withTenant(tenant.id, (tx) => readFamilyChanges(tx, tenant.id, dry.jobId));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await new Response(familyChangesWorkbook(all!.families)).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Pindah No. KK")!;
    expect(sheet.rowCount).toBe(movers.length + 1);
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain(movers[0]!.NAMA);
    for (const mover of movers) expect(cells).not.toContain(mover.NIK);
  });
});

const HOUSEHOLD_COLUMNS = ["NO KK", "KECAMATAN", "KELURAHAN", "ALAMAT", "RT", "RW", "DESIL", "MISKIN EKSTREM", "ID DTSEN"] as const;

/** A person's row written into another family: that family's household columns and a relation in it. */
function joining(person: ExtractRow, familyRow: ExtractRow, relation: string): ExtractRow {
  return { ...person, ...Object.fromEntries(HOUSEHOLD_COLUMNS.map((key) => [key, familyRow[key]])), "HUB KELUARGA": relation };
}
