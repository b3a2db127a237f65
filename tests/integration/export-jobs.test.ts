// Large exports run as jobs: the request only queues them, the worker writes the same file the
// direct export writes (same rows, masking, audit row and disclosures), and only the user who
// asked finds the job and its file.
import { findJobFile } from "@/lib/jobs/job-file";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { exportSpecs } from "@/app/exports";
import { distributionExport } from "@/features/aid/export";
import { participantExport } from "@/features/trainings/participant-export";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { exportJobKind, purgeExpiredExports, type AnyExportSpec } from "@/lib/spreadsheet/export-job";
import { EXPORT_CANCEL_HEADER, exportJobUrl, type ExportJobStatus } from "@/lib/spreadsheet/export-job-urls";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";
import { sessionUser } from "../helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "../helpers/factories";
import { createPeopleFixture, type PeopleFixture } from "../helpers/people-fixture";
import { runQueuedNow } from "../helpers/queued-jobs";
import { ROOT, readSource, sourceFiles } from "../helpers/source-files";
import { callRoute, routeDeps } from "../helpers/routes";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let fixture: PeopleFixture;
let staff: SessionUser;
let colleague: SessionUser;
let otherOpdStaff: SessionUser;
let bapeda: SessionUser;
const exportJob = exportJobKind(exportSpecs);
const onPostgres = Boolean(inject("testDatabaseUrl"));

async function dbUser(home: TestTenant, role: Role, opdId: string | null): Promise<SessionUser> {
  const row = await t.withTenant(home.id, (tx) =>
    tx.user.create({ data: { tenantId: home.id, email: `ekspor-${uniqueSuffix()}@contoh.test`, name: "Pengekspor", passwordHash: "x", role, opdId } }),
  );
  return sessionUser(home, role, { id: row.id, opdId });
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  fixture = await t.withTenant(city.id, (tx) => createPeopleFixture(tx, city));
  // Four more distributions of OPD A, to seven in all (the fixture's hand-over and two BPJS premiums): past a threshold of two.
  await t.withTenant(city.id, async (tx) => {
    for (let i = 0; i < 4; i += 1) {
      const household = await createTestHousehold(tx, city);
      const head = await tx.member.create({
        data: {
          tenantId: city.id,
          householdId: household.id,
          nik: `${household.noKk.slice(0, 12)}9${i}01`,
          name: `Penerima Besar ${i}`,
          sex: "MALE",
          birthDate: new Date("1975-01-01"),
          relation: "HEAD",
        },
      });
      await tx.aidDistribution.create({
        data: {
          tenantId: city.id,
          programmeId: fixture.own.query.program!,
          opdId: fixture.opdA,
          householdId: household.id,
          memberId: head.id,
          kind: "FOOD",
          items: `=SUM(A${i})`,
          value: 250_000n,
          distributedAt: new Date(`${fixture.year}-05-0${i + 1}`),
        },
      });
    }
  });
  staff = await dbUser(city, "OPD_STAFF", fixture.opdA);
  colleague = await dbUser(city, "OPD_STAFF", fixture.opdA);
  otherOpdStaff = await dbUser(city, "OPD_STAFF", fixture.opdB);
  bapeda = await dbUser(city, "BAPEDA", null);
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const AID = `http://x/TENANT/bantuan/ekspor`;
const url = (query: string) => `${AID.replace("TENANT", city.slug)}?${query}`;
const get = (user: SessionUser, target: string, spec: AnyExportSpec = distributionExport) =>
  callRoute(exportRoute(spec), routeDeps(t, user), target, { tenant: user.tenantSlug ?? city.slug });
const cancel = (user: SessionUser, jobId: string, headers: Record<string, string> = { [EXPORT_CANCEL_HEADER]: "1" }) =>
  callRoute(
    exportCancelRoute(distributionExport),
    routeDeps(t, user),
    exportJobUrl(AID.replace("TENANT", city.slug), jobId),
    { tenant: city.slug },
    { method: "POST", headers },
  );

const inCity = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);
const exportAudits = (userId: string) => t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "export", userId }, orderBy: { id: "asc" } }));
const disclosed = (auditLogId: bigint) =>
  t.withTenant(city.id, async (tx) =>
    (await tx.personalDataDisclosure.findMany({ where: { auditLogId }, select: { householdId: true } })).map((row) => row.householdId).sort(),
  );

async function queue(user: SessionUser, query: string): Promise<string> {
  vi.stubEnv("EXPORT_JOB_ROWS", "2");
  const response = await get(user, url(query));
  expect(response.status).toBe(202);
  const { job } = (await response.json()) as { job: string };
  vi.unstubAllEnvs();
  return job;
}

async function status(user: SessionUser, jobId: string, spec?: AnyExportSpec) {
  return get(user, exportJobUrl(AID.replace("TENANT", city.slug), jobId), spec);
}

async function sheetRows(bytes: ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("large exports as jobs", () => {
  it("queues an export past the threshold: the request writes no file and no audit row", async () => {
    const auditsBefore = (await exportAudits(staff.id)).length;
    const jobId = await queue(staff, `format=csv&tahun=${fixture.year}`);
    const job = await inCity((tx) => tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.id, id: jobId } } }));
    expect(job).toMatchObject({ kind: "exports.build", state: "QUEUED", createdById: staff.id });
    expect(await findJobFile(t.withTenant, city.id, jobId)).toBeNull();
    const sent = await inCity(
      (tx) => tx.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = 'exports.build' AND data->>'jobId' = ${jobId}`,
    );
    expect(sent.map((row) => row.data)).toEqual([{ tenantId: city.id, jobId }]);
    expect(await inCity((tx) => tx.exportFile.count({ where: { jobId } }))).toBe(0);
    expect((await exportAudits(staff.id)).length).toBe(auditsBefore);
    const polled = (await (await status(staff, jobId)).json()) as ExportJobStatus;
    expect(polled).toMatchObject({ state: "QUEUED", ready: false });
    // A small export still streams on the request.
    const small = await get(staff, url(`format=csv&tahun=${fixture.year}`));
    expect(small.status).toBe(200);
    expect(small.headers.get("content-type")).toMatch(/text\/csv/);
  });

  for (const format of ["csv", "xlsx"] as const) {
    it(`builds in the worker the same ${format} file, audit row and disclosures as the direct export`, async () => {
      const query = `format=${format}&tahun=${fixture.year}`;
      const jobId = await queue(staff, query);
      expect(await runQueuedNow(t, exportJob, city.id, jobId)).toMatchObject({ state: "DONE" });
      const done = (await (await status(staff, jobId)).json()) as ExportJobStatus;
      expect(done).toMatchObject({ state: "DONE", ready: true, rows: 7 });
      const queued = await get(staff, exportJobUrl(AID.replace("TENANT", city.slug), jobId, true));
      expect(queued.status).toBe(200);
      const direct = await get(staff, url(query));
      expect(direct.status).toBe(200);
      expect(queued.headers.get("content-type")).toBe(direct.headers.get("content-type"));
      expect(queued.headers.get("content-disposition")).toBe(direct.headers.get("content-disposition"));
      const [fromJob, fromRequest] = [await queued.arrayBuffer(), await direct.arrayBuffer()];
      if (format === "csv") {
        const text = new TextDecoder().decode(fromJob);
        expect(text).toBe(new TextDecoder().decode(fromRequest));
        expect(text).toContain("'=SUM(A0)");
        expect(text).not.toMatch(/\d{16}/);
        expect(text.trim().split("\r\n")).toHaveLength(8);
      } else {
        const rows = await sheetRows(fromJob);
        expect(rows).toEqual(await sheetRows(fromRequest));
        expect(rows).toHaveLength(8);
      }
      const [jobAudit, requestAudit] = (await exportAudits(staff.id)).slice(-2);
      expect(jobAudit!.after).toEqual(requestAudit!.after);
      expect(jobAudit!.entity).toBe("AidDistribution");
      expect(await disclosed(jobAudit!.id)).toEqual(await disclosed(requestAudit!.id));
      expect((await disclosed(jobAudit!.id)).length).toBe(6);
    });
  }

  it("shows the job and its file to no one but the user who asked: another user, OPD, city or export gets not found", async () => {
    const jobId = await queue(staff, `format=csv&tahun=${fixture.year}`);
    await runQueuedNow(t, exportJob, city.id, jobId);
    const foreigner = sessionUser(otherCity, "OPD_STAFF", { id: staff.id, opdId: fixture.opdA });
    for (const user of [colleague, otherOpdStaff, bapeda]) {
      expect((await status(user, jobId)).status).toBe(404);
      expect((await get(user, exportJobUrl(AID.replace("TENANT", city.slug), jobId, true))).status).toBe(404);
      expect((await cancel(user, jobId)).status).toBe(404);
    }
    const elsewhere = await callRoute(exportRoute(distributionExport), routeDeps(t, foreigner), exportJobUrl(AID.replace("TENANT", city.slug), jobId, true), {
      tenant: city.slug,
    });
    expect(elsewhere.status).toBe(404);
    const inOtherCity = await callRoute(
      exportRoute(distributionExport),
      routeDeps(t, foreigner),
      exportJobUrl(`http://x/${otherCity.slug}/bantuan/ekspor`, jobId, true),
      {
        tenant: otherCity.slug,
      },
    );
    expect(inOtherCity.status).toBe(404);
    expect((await status(staff, jobId, participantExport)).status).toBe(404);
    expect((await get(staff, exportJobUrl(AID.replace("TENANT", city.slug), jobId, true))).status).toBe(200);
  });

  it("builds nothing for a job cancelled while it waits", async () => {
    const auditsBefore = (await exportAudits(staff.id)).length;
    const jobId = await queue(staff, `format=xlsx&tahun=${fixture.year}`);
    expect((await cancel(staff, jobId, {})).status).toBe(404);
    const answer = (await (await cancel(staff, jobId)).json()) as ExportJobStatus;
    expect(answer).toMatchObject({ state: "CANCELLED", ready: false });
    expect(await runQueuedNow(t, exportJob, city.id, jobId)).toMatchObject({ state: "CANCELLED" });
    expect(await inCity((tx) => tx.exportFile.count({ where: { jobId } }))).toBe(0);
    expect((await exportAudits(staff.id)).length).toBe(auditsBefore);
    expect((await get(staff, exportJobUrl(AID.replace("TENANT", city.slug), jobId, true))).status).toBe(404);
  });

  // On PGlite (one session) the cancel and the job's progress reports wait for the job's own
  // transaction, so a running job there cannot see a cancel; PostgreSQL is what runs workers.
  it.runIf(onPostgres)("leaves no file, audit row or disclosure behind when cancelled mid-way", async () => {
    const auditsBefore = (await exportAudits(staff.id)).length;
    const jobId = await queue(staff, `format=csv&tahun=${fixture.year}`);
    let batches = 0;
    const slow: AnyExportSpec = {
      ...distributionExport,
      pageSize: 1,
      batch: async (tx, query) => {
        batches += 1;
        if (batches === 2) await cancel(staff, jobId);
        await new Promise((resolve) => setTimeout(resolve, 600));
        return distributionExport.batch(tx, query);
      },
    };
    expect(await runQueuedNow(t, exportJobKind([slow]), city.id, jobId)).toMatchObject({ state: "CANCELLED" });
    expect(batches).toBeLessThan(5);
    expect(await inCity((tx) => tx.exportFile.count({ where: { jobId } }))).toBe(0);
    expect((await exportAudits(staff.id)).length).toBe(auditsBefore);
  });

  it("refuses to build for a user who lost the right to export since asking", async () => {
    const leaver = await dbUser(city, "OPD_STAFF", fixture.opdA);
    const jobId = await queue(leaver, `format=csv&tahun=${fixture.year}`);
    await inCity((tx) => tx.user.update({ where: { id: leaver.id }, data: { active: false } }));
    expect(await runQueuedNow(t, exportJob, city.id, jobId)).toMatchObject({ state: "FAILED" });
    expect(await inCity((tx) => tx.exportFile.count({ where: { jobId } }))).toBe(0);
    expect((await exportAudits(leaver.id)).length).toBe(0);
  });

  it("keeps the asker's language with the job, and says why it failed in the reader's", async () => {
    const leaver = await dbUser(city, "OPD_STAFF", fixture.opdA);
    vi.stubEnv("EXPORT_JOB_ROWS", "2");
    const english = { headers: { cookie: "NEXT_LOCALE=en" } };
    const queued = await callRoute(
      exportRoute(distributionExport),
      routeDeps(t, leaver),
      url(`format=csv&tahun=${fixture.year}`),
      { tenant: city.slug },
      english,
    );
    vi.unstubAllEnvs();
    expect(queued.status).toBe(202);
    const { job: jobId } = (await queued.json()) as { job: string };
    expect(
      await inCity((tx) => tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.id, id: jobId } }, select: { input: true } })),
    ).toMatchObject({
      input: { locale: "en" },
    });
    await inCity((tx) => tx.user.update({ where: { id: leaver.id }, data: { active: false } }));
    expect(await runQueuedNow(t, exportJob, city.id, jobId)).toMatchObject({ state: "FAILED" });
    const statusIn = async (init?: RequestInit) =>
      (await (
        await callRoute(
          exportRoute(distributionExport),
          routeDeps(t, leaver),
          exportJobUrl(AID.replace("TENANT", city.slug), jobId),
          { tenant: city.slug },
          init,
        )
      ).json()) as { error: string | null };
    expect((await statusIn(english)).error).toBe("You may no longer take this export.");
    expect((await statusIn()).error).toBe("Anda tidak lagi berhak atas ekspor ini.");
  });

  it("an expired file is no longer offered, and the housekeeping purge removes it", async () => {
    const jobId = await queue(staff, `format=csv&tahun=${fixture.year}`);
    await runQueuedNow(t, exportJob, city.id, jobId);
    await inCity((tx) => tx.exportFile.updateMany({ where: { jobId }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    expect((await (await status(staff, jobId)).json()) as ExportJobStatus).toMatchObject({ state: "DONE", ready: false });
    expect((await get(staff, exportJobUrl(AID.replace("TENANT", city.slug), jobId, true))).status).toBe(404);
    await inCity((tx) => purgeExpiredExports(tx));
    expect(await inCity((tx) => tx.exportFile.count({ where: { jobId } }))).toBe(0);
  });

  it("every export route's spec is one the worker can build", async () => {
    const files = sourceFiles(["app"], /(^|\/)route\.ts$/).filter((file) => readSource(file).includes("exportRoute("));
    const routed = (
      await Promise.all(files.map(async (file) => ((await import(join(ROOT, file))) as { GET?: { exportSpec?: unknown } }).GET?.exportSpec))
    ).filter((spec) => spec !== undefined);
    expect(routed.length).toBeGreaterThanOrEqual(4);
    for (const spec of routed) expect(exportSpecs as readonly unknown[]).toContain(spec);
  });
});
