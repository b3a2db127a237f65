import { registryReportWordsIn } from "@/features/registry/import/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRegistryImport, commitRegistryImport, type ImportOutcome, type RegistryImportReport } from "@/features/registry/import/run-import";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import {
  chunked,
  createImportTenant,
  extractRows,
  HEADERS,
  toCsv,
  toXlsx,
  type ExtractRow,
  type ImportTenant,
} from "@/features/registry/tests/fixtures/extract";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type Run = { bytes: Uint8Array; fileName: string; afterBatch?: (batch: number) => void };

async function dryRun(tenant: ImportTenant, run: Run): Promise<ImportOutcome> {
  return checkRegistryImport({
    withTenant: t.withTenant,
    tenantId: tenant.id,
    userId: null,
    body: chunked(run.bytes),
    fileName: run.fileName,
    source: "DTSEN",
  });
}

function commit(tenant: ImportTenant, jobId: string, afterBatch?: (batch: number) => void): Promise<ImportOutcome> {
  return commitRegistryImport({ withTenant: t.withTenant, tenantId: tenant.id, userId: null, jobId, afterBatch });
}

/** Dry run, then commit of what it kept. */
async function importFile(tenant: ImportTenant, run: Run): Promise<{ dry: ImportOutcome; committed: ImportOutcome }> {
  const dry = await dryRun(tenant, run);
  expect(dry.status, dry.error).toBe("DRY_RUN");
  return { dry, committed: await commit(tenant, dry.jobId, run.afterBatch) };
}

const csv = (text: string, fileName = "dtsen.csv"): Run => ({ bytes: new TextEncoder().encode(text), fileName });

async function report(tenant: ImportTenant, jobId: string): Promise<RegistryImportReport> {
  const job = await t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: jobId } } }));
  return registryReportWordsIn(job.report as unknown as RegistryImportReport, "id");
}

async function dayOld(tenant: ImportTenant, jobId: string) {
  await t.withTenant(
    tenant.id,
    (tx) => tx.$executeRaw`UPDATE "ImportJob" SET "createdAt" = now() - interval '25 hours' WHERE "tenantId" = ${tenant.id} AND id = ${jobId}`,
  );
}

async function stagedRows(tenant: ImportTenant) {
  return t.withTenant(tenant.id, async (tx) => ({ households: await tx.importStagedHousehold.count(), members: await tx.importStagedMember.count() }));
}

async function registryCounts(tenant: ImportTenant) {
  return t.withTenant(tenant.id, async (tx) => ({
    households: await tx.household.count(),
    members: await tx.member.count(),
    desilChanges: await tx.householdDesilChange.count(),
    statusEvents: await tx.householdStatusEvent.count(),
  }));
}

function reasonsOf(r: RegistryImportReport): Map<number, string> {
  return new Map(r.rejected.map((row) => [row.rowNumber, row.reasons.join("; ")]));
}

describe("registry import: valid files", () => {
  it("imports a clean CSV, and a re-import changes nothing", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 40);
    const file = csv(toCsv(rows));
    const { dry, committed } = await importFile(tenant, file);
    expect(dry.counts?.households.new).toBe(40);
    expect(dry.counts?.members.new).toBe(rows.length);
    expect(dry.rejectedRows).toBe(0);
    expect(committed.status).toBe("COMMITTED");
    expect(await registryCounts(tenant)).toEqual({ households: 40, members: rows.length, desilChanges: 0, statusEvents: 0 });

    const again = await importFile(tenant, file);
    expect(again.committed.counts).toMatchObject({
      households: { new: 0, changed: 0, unchanged: 40 },
      members: { new: 0, changed: 0, unchanged: rows.length },
      rows: { new: 0, changed: 0, unchanged: rows.length },
    });
    expect(await registryCounts(tenant)).toEqual({ households: 40, members: rows.length, desilChanges: 0, statusEvents: 0 });
    const audit = await t.withTenant(tenant.id, (tx) => tx.auditLog.count({ where: { entity: "ImportJob", action: "import" } }));
    expect(audit).toBe(2);
  });

  it("stores empty optional cells as none, and text with quotes and backslashes as written", async () => {
    const tenant = await createImportTenant(t);
    const extract = extractRows(tenant, 3);
    const kk = extract[0]!["NO KK"];
    const rows = extract.map((row, i) => {
      if (row["NO KK"] === kk)
        return {
          ...row,
          "ID DTSEN": "",
          RT: "",
          RW: "",
          DESIL: "",
          ...(i === 0 ? { "TEMPAT LAHIR": "", PENDIDIKAN: "", PEKERJAAN: "", DISABILITAS: "" } : {}),
        };
      return row["NO KK"] === extract.at(-1)!["NO KK"] ? { ...row, NAMA: 'SITI \\N "UMI"', ALAMAT: "Jl. Tab\tKe Kanan" } : row;
    });
    const bare = rows[0]!;
    const { committed } = await importFile(tenant, csv(toCsv(rows)));
    expect(committed.status, committed.error).toBe("COMMITTED");
    const member = await t.withTenant(tenant.id, (tx) => tx.member.findFirstOrThrow({ where: { nik: bare.NIK }, include: { household: true } }));
    expect(member).toMatchObject({ birthPlace: null, education: null, occupation: null, disability: null });
    expect(member.household).toMatchObject({ registryId: null, rt: null, rw: null, desil: null });
    const last = rows.at(-1)!;
    const quoted = await t.withTenant(tenant.id, (tx) => tx.member.findFirstOrThrow({ where: { nik: last.NIK }, include: { household: true } }));
    expect(quoted.name).toBe('SITI \\N "UMI"');
    expect(quoted.household.desil).toBe(Number(last.DESIL));
    expect(quoted.household.rt).toBe(last.RT);
  });

  it("a newer extract updates rather than duplicates, recording desil and extreme-poverty changes", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 10);
    await importFile(tenant, csv(toCsv(rows)));
    const target = rows[0]!["NO KK"];
    const newer = rows.map((row) =>
      row["NO KK"] === target
        ? { ...row, DESIL: row.DESIL === "1" ? "3" : "1", "MISKIN EKSTREM": row.DESIL === "1" ? "TIDAK" : "YA", ALAMAT: "Jl. Baru 7" }
        : row,
    );
    const { committed } = await importFile(tenant, csv(toCsv(newer)));
    const size = rows.filter((row) => row["NO KK"] === target).length;
    expect(committed.counts?.households).toEqual({ new: 0, changed: 1, unchanged: 9 });
    expect(committed.counts?.rows).toEqual({ new: 0, changed: size, unchanged: rows.length - size });
    const household = await t.withTenant(tenant.id, (tx) =>
      tx.household.findFirstOrThrow({ where: { noKk: target }, include: { desilChanges: true, statusEvents: true } }),
    );
    expect(household.address).toBe("Jl. Baru 7");
    expect(household.desilChanges).toHaveLength(1);
    expect(household.desilChanges[0]).toMatchObject({ source: "IMPORT", importJobId: committed.jobId, toDesil: household.desil });
    expect(household.statusEvents).toHaveLength(1);
    expect(household.statusEvents[0]!.reason).toContain(committed.jobId);
    expect(await registryCounts(tenant)).toMatchObject({ households: 10, members: rows.length });
  });

  it("reads an .xlsx with Excel dates, serials, numbers stored as numbers and text", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 3);
    const cells = rows.map((row, index) => {
      const [d, m, y] = row["TGL LAHIR"].split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      const serial = (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
      return {
        ...row,
        "TGL LAHIR":
          index % 3 === 0
            ? date
            : index % 3 === 1
              ? serial
              : `${d} ${["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"][m - 1]} ${y}`,
        DESIL: Number(row.DESIL),
        RT: Number(row.RT),
      };
    });
    const { dry, committed } = await importFile(tenant, { bytes: await toXlsx(cells), fileName: "dtsen.xlsx" });
    expect(dry.rejectedRows, JSON.stringify((await report(tenant, dry.jobId)).rejected)).toBe(0);
    expect(committed.counts?.members.new).toBe(rows.length);
    const rt = await t.withTenant(tenant.id, (tx) => tx.household.findFirstOrThrow({ select: { rt: true } }));
    expect(rt.rt).toMatch(/^\d{3}$/);
    // The report keeps how long the check took beside the commit's time: the commit does not overwrite it.
    const kept = await report(tenant, dry.jobId);
    expect(kept.durationMs).toMatchObject({ read: expect.any(Number), database: expect.any(Number), stage: expect.any(Number), keep: expect.any(Number) });
    expect(kept.commitDurationMs).toMatchObject({ compare: expect.any(Number), write: expect.any(Number) });
  });
});

describe("registry import: messy files", () => {
  it("accepts header variants, semicolons, Windows-1252, apostrophes, NBSP, Indonesian decimals and kelurahan spellings", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 6);
    const headers = [
      "No. KK",
      "nik",
      "Nama Lengkap",
      "JK",
      "Tempat Lahir",
      "Tanggal Lahir",
      "SHDK",
      "Desil",
      "P3KE",
      "Kec.",
      "Desa/Kelurahan",
      "Alamat",
      "RT/RW",
      "ID DTKS",
      "Keterangan",
    ];
    const messy = rows.map((row, index) => ({
      "No. KK": `'${row["NO KK"]}`,
      nik: index % 2 ? `\u00a0${row.NIK}\u00a0` : row.NIK.replace(/(\d{4})(?=\d)/g, "$1 "),
      "Nama Lengkap": index === 0 ? "José Müller" : row.NAMA,
      JK: row["JENIS KELAMIN"] === "L" ? "LAKI-LAKI" : "PEREMPUAN",
      "Tempat Lahir": row["TEMPAT LAHIR"],
      "Tanggal Lahir": row["TGL LAHIR"].replace(/-/g, "/"),
      SHDK: row["HUB KELUARGA"].toLowerCase(),
      Desil: `${row.DESIL},0`,
      P3KE: row["MISKIN EKSTREM"] === "YA" ? "Ya" : "Tidak",
      "Kec.": `kec. ${row.KECAMATAN.toLowerCase()}`,
      "Desa/Kelurahan": row.KELURAHAN === "NAIKOTEN SATU" ? "Naikoten 1" : row.KELURAHAN === "MANULAI II" ? "Kel. Manulai 2" : row.KELURAHAN,
      Alamat: row.ALAMAT,
      "RT/RW": `${Number(row.RT)}/${Number(row.RW)}`,
      "ID DTKS": row["ID DTSEN"],
      Keterangan: "",
    }));
    const text = toCsv(messy, { delimiter: ";", headers });
    // Windows-1252: "José Müller" is not valid UTF-8 there.
    const bytes = Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    const { dry, committed } = await importFile(tenant, { bytes, fileName: "p3ke.csv" });
    const r = await report(tenant, dry.jobId);
    expect(dry.rejectedRows, JSON.stringify(r.rejected)).toBe(0);
    expect(r.encoding).toBe("windows-1252");
    expect(r.ignoredColumns).toEqual(["Keterangan"]);
    expect(committed.counts?.households.new).toBe(6);
    const names = await t.withTenant(tenant.id, (tx) => tx.member.findMany({ select: { name: true } }));
    expect(names.map((m) => m.name)).toContain("José Müller");
  });

  it("rejects bad rows with Indonesian reasons and imports the good ones", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 8);
    const bad = rows.map((row) => ({ ...row }));
    // Row numbers: header is row 1, so rows[i] is row i + 2.
    bad[0]!["NIK"] = "5.27101E+15";
    bad[1]!["TGL LAHIR"] = "31-02-1980";
    bad[2]!["NO KK"] = `1234${bad[2]!["NO KK"].slice(4)}`;
    bad[3]!["DESIL"] = "11";
    bad[4]!["NIK"] = bad[5]!["NIK"];
    bad[6]!["NAMA"] = "=cmd|' /C calc'!A0";
    bad[7]!["JENIS KELAMIN"] = bad[7]!["JENIS KELAMIN"] === "L" ? "P" : "L";
    const swapped = bad.find((row, i) => i > 8 && row["HUB KELUARGA"] === "ANAK");
    if (swapped) swapped["HUB KELUARGA"] = "KEPALA KELUARGA";
    const { dry, committed } = await importFile(tenant, csv(toCsv(bad)));
    const reasons = reasonsOf(await report(tenant, dry.jobId));
    expect(reasons.get(2)).toMatch(/notasi ilmiah/);
    expect(reasons.get(3)).toMatch(/TANGGAL LAHIR tidak dikenali/);
    expect(reasons.get(4)).toMatch(/bukan dari Kota Uji/);
    expect(reasons.get(5)).toMatch(/DESIL harus 1 sampai 10/);
    expect(reasons.get(7)).toMatch(/NIK sama dengan baris 6/);
    expect(reasons.get(8)).toMatch(/rumus/);
    expect(reasons.get(9)).toMatch(/tidak sesuai dengan NIK/);
    if (swapped) expect(reasons.get(bad.indexOf(swapped) + 2)).toMatch(/Kepala keluarga kedua/);
    expect(committed.status).toBe("COMMITTED");
    const counts = await registryCounts(tenant);
    expect(counts.members).toBe(rows.length - dry.rejectedRows);
    const formula = await t.withTenant(tenant.id, (tx) => tx.member.count({ where: { name: { startsWith: "=" } } }));
    expect(formula).toBe(0);
  });

  it("skips empty rows, reads merged No. KK cells of an .xlsx, and rejects households without a kelurahan or head", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 4).filter((row, index, all) => all.findIndex((r) => r["NO KK"] === row["NO KK"]) === index || true);
    const cells: (Record<string, string | null> | null[])[] = [];
    let previous = "";
    for (const row of rows) {
      const merged = row["NO KK"] === previous;
      previous = row["NO KK"];
      // Merged household cells: only the first row of a household holds them.
      cells.push(merged ? { ...row, "NO KK": null, KECAMATAN: null, KELURAHAN: null, ALAMAT: null, DESIL: null } : { ...row });
      cells.push(new Array(HEADERS.length).fill(null));
    }
    const lonely: ExtractRow = { ...extractRows(tenant, 1, { serialBase: 500 })[0]!, "HUB KELUARGA": "ANAK" };
    const nowhere: ExtractRow = { ...extractRows(tenant, 1, { serialBase: 600 })[0]!, KELURAHAN: "Atlantis" };
    cells.push(lonely, nowhere);
    const { dry, committed } = await importFile(tenant, { bytes: await toXlsx(cells), fileName: "merged.xlsx" });
    const r = await report(tenant, dry.jobId);
    expect(r.skippedRows).toBe(rows.length);
    expect([...reasonsOf(r).values()]).toEqual([
      expect.stringMatching(/tidak memiliki baris kepala keluarga/),
      expect.stringMatching(/Kelurahan "Atlantis" tidak ada di Kecamatan/),
    ]);
    expect(committed.counts?.members.new).toBe(rows.length);
  });
});

describe("registry import: hostile files", () => {
  it("refuses duplicate headers for the whole file", async () => {
    const tenant = await createImportTenant(t);
    const text = `NO KK,NIK,NAMA,JK,TGL LAHIR,HUB KELUARGA,KELURAHAN,No. KK\n`;
    const outcome = await dryRun(tenant, csv(text));
    expect(outcome.status).toBe("FAILED");
    expect(outcome.error).toMatch(/Kolom NO KK muncul dua kali/);
    // The kept report is read in each reader's language.
    const kept = await t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: outcome.jobId } } }));
    const inEnglish = registryReportWordsIn(kept.report as unknown as RegistryImportReport, "en").error;
    expect(inEnglish).toMatch(/^Column NO KK appears twice: "NO KK" \(column A\) and "No\. KK" \(column H\)\. Delete one of them\./);
  });

  it("refuses a file without the required columns, a binary file and an .xls", async () => {
    const tenant = await createImportTenant(t);
    expect((await dryRun(tenant, csv("NIK,NAMA,ALAMAT\n1,2,3\n"))).error).toMatch(/Baris judul kolom tidak ditemukan|Kolom wajib/);
    expect((await dryRun(tenant, { bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), fileName: "a.xls" })).error).toMatch(/\.xls/);
    expect((await dryRun(tenant, { bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9]), fileName: "a.xlsx" })).error).toMatch(/tidak dapat dibaca/);
  });

  it("never evaluates formulas in an .xlsx: a formula cell is read by the value stored with it, or refused without one", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 2);
    const cells = rows.map((row, index) =>
      index === 0
        ? { ...row, NAMA: { formula: 'UPPER("budi")', result: "Siti Aminah" } }
        : index === 1
          ? { ...row, NAMA: { formula: 'HYPERLINK("http://x","y")' } }
          : row,
    );
    const { dry } = await importFile(tenant, { bytes: await toXlsx(cells as never), fileName: "f.xlsx" });
    const reasons = reasonsOf(await report(tenant, dry.jobId));
    expect(reasons.has(2)).toBe(false);
    expect(reasons.get(3)).toMatch(/Kolom NAMA berisi rumus \(=HYPERLINK.* tanpa nilai tersimpan/);
    const stored = await t.withTenant(tenant.id, (tx) => tx.member.findFirst({ where: { nik: rows[0]!.NIK }, select: { name: true } }));
    expect(stored?.name).toBe("Siti Aminah");
  });

  it("commits what the dry run kept, once, and keeps no personal data after it", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 3);
    const dry = await dryRun(tenant, csv(toCsv(rows)));
    expect(await stagedRows(tenant)).toEqual({ households: 3, members: rows.length });
    const committed = await commit(tenant, dry.jobId);
    expect(committed.counts?.members.new).toBe(rows.length);
    expect(await registryCounts(tenant)).toMatchObject({ households: 3, members: rows.length });
    expect(await stagedRows(tenant)).toEqual({ households: 0, members: 0 });
    await expect(commit(tenant, dry.jobId)).rejects.toThrow(/sudah disimpan/);
  });

  it("compares again at commit: a household changed since the dry run is counted as changed", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 2);
    await importFile(tenant, csv(toCsv(rows)));
    const newer = rows.map((row) => ({ ...row, DESIL: row.DESIL === "4" ? "3" : "4" }));
    const dry = await dryRun(tenant, csv(toCsv(newer)));
    expect(dry.counts?.households).toEqual({ new: 0, changed: 2, unchanged: 0 });
    // Meanwhile someone sets the households to the file's desil already.
    await t.withTenant(tenant.id, async (tx) => {
      for (const row of newer) await tx.household.updateMany({ where: { noKk: row["NO KK"] }, data: { desil: Number(row.DESIL) } });
    });
    const committed = await commit(tenant, dry.jobId);
    expect(committed.counts?.households).toEqual({ new: 0, changed: 0, unchanged: 2 });
    expect(committed.counts?.desilChanges).toBe(0);
  });

  it("refuses a commit whose kept rows are gone, or a day old, and writes nothing", async () => {
    const tenant = await createImportTenant(t);
    const gone = await dryRun(tenant, csv(toCsv(extractRows(tenant, 2))));
    // What a crash does to the unlogged tables.
    await t.withTenant(tenant.id, async (tx) => {
      await tx.$executeRaw`DELETE FROM "ImportStagedMember" WHERE "tenantId" = ${tenant.id}`;
      await tx.$executeRaw`DELETE FROM "ImportStagedHousehold" WHERE "tenantId" = ${tenant.id}`;
    });
    await expect(commit(tenant, gone.jobId)).rejects.toThrow(/Periksa ulang berkasnya/);

    const old = await dryRun(tenant, csv(toCsv(extractRows(tenant, 2, { serialBase: 500 }))));
    await dayOld(tenant, old.jobId);
    await expect(commit(tenant, old.jobId)).rejects.toThrow(/lebih dari sehari/);
    expect(await registryCounts(tenant)).toMatchObject({ households: 0, members: 0 });
    const jobs = await t.withTenant(tenant.id, (tx) => tx.importJob.findMany({ where: { id: { in: [gone.jobId, old.jobId] } }, select: { status: true } }));
    expect(jobs.map((job) => job.status)).toEqual(["FAILED", "FAILED"]);
    expect(await stagedRows(tenant)).toEqual({ households: 0, members: 0 });
  });

  it("a new check, and a commit, drop what expired checks kept", async () => {
    const tenant = await createImportTenant(t);
    const old = await dryRun(tenant, csv(toCsv(extractRows(tenant, 2))));
    await dayOld(tenant, old.jobId);
    const rows = extractRows(tenant, 1, { serialBase: 700 });
    const waiting = await dryRun(tenant, csv(toCsv(rows)));
    expect(await stagedRows(tenant)).toEqual({ households: 1, members: rows.length });

    // A check that turns a day old while another waits goes with the other's commit.
    const later = await dryRun(tenant, csv(toCsv(extractRows(tenant, 1, { serialBase: 900 }))));
    await dayOld(tenant, later.jobId);
    await commit(tenant, waiting.jobId);
    expect(await stagedRows(tenant)).toEqual({ households: 0, members: 0 });
  });

  it("an import that fails midway changes nothing", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 30);
    await importFile(tenant, csv(toCsv(rows)));
    const before = await registryCounts(tenant);
    const snapshot = await t.withTenant(tenant.id, (tx) => tx.household.findMany({ orderBy: { noKk: "asc" } }));
    const newer = [
      ...rows.map((row) => ({ ...row, DESIL: row.DESIL === "4" ? "3" : "4", "MISKIN EKSTREM": "TIDAK" })),
      ...extractRows(tenant, 20, { serialBase: 1000 }),
    ];
    await expect(
      importFile(tenant, {
        ...csv(toCsv(newer)),
        afterBatch: (batch) => {
          if (batch === 2) throw new Error("injected failure after the households were written");
        },
      }),
    ).rejects.toThrow(/injected failure/);
    expect(await registryCounts(tenant)).toEqual(before);
    expect(await t.withTenant(tenant.id, (tx) => tx.household.findMany({ orderBy: { noKk: "asc" } }))).toEqual(snapshot);
    const failed = await t.withTenant(tenant.id, (tx) => tx.importJob.findFirstOrThrow({ where: { status: "FAILED" } }));
    expect(failed.committedAt).toBeNull();
  });
});
