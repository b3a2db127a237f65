import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRejected } from "@/app/[tenant]/registri/impor/[jobId]/ditolak/route";
import { updateRetentionDefinition } from "@/features/audit/action-definitions";
import { getRegistryImport } from "@/features/registry/import/queries";
import { runAction } from "@/lib/actions/run";
import { addDays, addMonths } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import { purgeJob } from "@/lib/jobs/housekeeping";
import { findJobFile, writeJobFile } from "@/lib/jobs/job-file";
import { purgeAll, purgeExpired } from "@/lib/privacy/retention";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { callRoute, routeDeps } from "../helpers/routes";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

const NIK = "5271014107900001";

async function importJob(city: TestTenant, createdAt: Date) {
  const report = {
    version: 1,
    fileName: "dtsen.csv",
    headers: ["NO_KK", "NIK", "NAMA"],
    rejectedRows: 1,
    rejected: [{ rowNumber: 2, reasons: ["NIK ganda"], cells: ["5271010101900001", NIK, "Siti Aminah"] }],
  };
  return t.withTenant(city.id, (tx) =>
    tx.importJob.create({ data: { tenantId: city.id, kind: "REGISTRY", fileName: "dtsen.csv", status: "DRY_RUN", rejectedRows: 1, report, createdAt } }),
  );
}

async function auditRow(city: TestTenant, createdAt: Date, entityId: string) {
  return t.withTenant(city.id, (tx: Tx) => tx.auditLog.create({ data: { tenantId: city.id, action: "update", entity: "Opd", entityId, createdAt } }));
}

async function platformEvent(createdAt: Date, entityId: string) {
  return t.withPlatform((tx: Tx) => tx.platformEvent.create({ data: { action: "update", entity: "Tenant", entityId, createdAt } }));
}

const download = (city: TestTenant, jobId: string) =>
  callRoute(downloadRejected, routeDeps(t, sessionUser(city, "BAPEDA")), `http://localhost/${city.slug}/registri/impor/${jobId}/ditolak`, {
    tenant: city.slug,
    jobId,
  });

describe("import reports expire with their job", () => {
  it("answers 'not found' for the rejected rows of an import older than the city's period, and hides them on the page", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const fresh = await importJob(city, addDays(new Date(), -29));
    const old = await importJob(city, addDays(new Date(), -31));

    expect((await download(city, fresh.id)).status).toBe(200);
    expect((await download(city, old.id)).status).toBe(404);
    const page = await t.withTenant(city.id, (tx) => getRegistryImport(tx, city.id, old.id));
    expect(page).toMatchObject({ rejectedExpired: true, firstRejected: [] });

    // A longer period set by the city brings nothing back that was purged, but keeps it until then.
    await t.withTenant(city.id, (tx) => tx.retentionSetting.create({ data: { tenantId: city.id, importReportDays: 60 } }));
    expect((await download(city, old.id)).status).toBe(200);
  });
});

describe("the purge", () => {
  it("deletes a city's audit rows older than its period, empties old import reports, audits itself, and leaves other cities alone", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const other = await createTestTenant(t.db, t.withTenant);
    const now = new Date();
    await auditRow(city, addMonths(now, -61), "tua");
    await auditRow(city, addMonths(now, -59), "muda");
    await auditRow(other, addMonths(now, -61), "tua");
    const old = await importJob(city, addDays(now, -31));
    const fresh = await importJob(city, addDays(now, -1));

    expect(await t.withTenant(city.id, (tx) => purgeExpired(tx, city.id, now))).toEqual({ auditRows: 1, importReports: 1 });

    const rows = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ orderBy: { id: "asc" } }));
    expect(rows.map((row) => row.entityId ?? row.action)).toEqual(expect.arrayContaining(["muda"]));
    expect(rows.map((row) => row.entityId)).not.toContain("tua");
    expect(rows.find((row) => row.action === "retention.purge")?.after).toMatchObject({
      auditRows: 1,
      importReports: 1,
      auditMonths: 60,
      importReportDays: 30,
    });
    expect(await t.withTenant(other.id, (tx) => tx.auditLog.count({ where: { entityId: "tua" } }))).toBe(1);

    const jobs = await t.withTenant(city.id, (tx) => tx.importJob.findMany({ select: { id: true, report: true, rejectedRows: true } }));
    const emptied = jobs.find((job) => job.id === old.id);
    expect(JSON.stringify(emptied?.report)).not.toContain(NIK);
    expect(emptied).toMatchObject({ rejectedRows: 1, report: { rejected: [], fileName: "dtsen.csv" } });
    expect(JSON.stringify(jobs.find((job) => job.id === fresh.id)?.report)).toContain(NIK);

    // Nothing more is due: the second run changes nothing and writes no audit row.
    expect(await t.withTenant(city.id, (tx) => purgeExpired(tx, city.id, now))).toEqual({ auditRows: 0, importReports: 0 });
    expect(await t.withTenant(city.id, (tx) => tx.auditLog.count({ where: { action: "retention.purge" } }))).toBe(1);
  });

  it("follows the city's own setting", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const now = new Date();
    await t.withTenant(city.id, (tx) => tx.retentionSetting.create({ data: { tenantId: city.id, auditMonths: 12 } }));
    await auditRow(city, addMonths(now, -13), "setahun-lebih");
    await auditRow(city, addMonths(now, -11), "belum-setahun");
    await purgeAll(t, [city.id], now);
    const left = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { entity: "Opd" }, select: { entityId: true } }));
    expect(left.map((row) => row.entityId)).toEqual(["belum-setahun"]);
  });

  it("purges the platform's own events too, with the defaults, and keeps the purge as a platform event", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const now = new Date();
    const old = await platformEvent(addMonths(now, -61), `platform-${city.id}`);
    const young = await platformEvent(addMonths(now, -59), `platform-${city.id}`);
    const cityRow = await auditRow(city, addMonths(now, -59), `kota-${city.id}`);
    const counts = await purgeAll(t, [], now);
    expect(counts.get(null)?.auditRows).toBeGreaterThanOrEqual(1);
    const left = await t.withPlatform((tx) => tx.platformEvent.findMany({ where: { entityId: `platform-${city.id}` }, select: { id: true } }));
    expect(left.map((row) => row.id)).toEqual([young.id]);
    expect(left.map((row) => row.id)).not.toContain(old.id);
    const purges = await t.withPlatform((tx) => tx.platformEvent.findMany({ where: { action: "retention.purge", createdAt: { gte: now } } }));
    expect(purges.length).toBeGreaterThanOrEqual(1);
    expect(await t.withTenant(city.id, (tx) => tx.auditLog.count({ where: { id: cityRow.id } }))).toBe(1);
  });

  it("runs for every city from the hourly job, with no one signing in", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const now = new Date();
    await auditRow(city, addMonths(now, -61), "lama");
    await auditRow(city, addMonths(now, -1), "baru");
    await purgeJob.run({}, { scopes: t, queueJobId: "schedule", retryCount: 0, retryLimit: purgeJob.retryLimit });
    const left = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { entity: "Opd" }, select: { entityId: true } }));
    expect(left.map((row) => row.entityId)).toEqual(["baru"]);
  });

  it("drops a job whose upload was cut off before it was sent, with its file, after a day; one still arriving stays", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const unsent = (hoursAgo: number) =>
      t.withTenant(city.id, async (tx) => {
        const job = await tx.backgroundJob.create({
          data: { tenantId: city.id, kind: "registry.import.check", createdAt: new Date(Date.now() - hoursAgo * 3_600_000) },
          select: { id: true },
        });
        await writeJobFile(tx, city.id, job.id, new TextEncoder().encode("NIK;NAMA\n"));
        return job.id;
      });
    const cutOff = await unsent(25);
    const arriving = await unsent(0.1);
    await purgeJob.run({}, { scopes: t, queueJobId: "schedule", retryCount: 0, retryLimit: purgeJob.retryLimit });
    const left = await t.withTenant(city.id, (tx) => tx.backgroundJob.findMany({ select: { id: true } }));
    expect(left.map((job) => job.id)).toEqual([arriving]);
    expect(await findJobFile(t.withTenant, city.id, cutOff)).toBeNull();
    expect((await findJobFile(t.withTenant, city.id, arriving))?.size).toBe(9);
  });
});

describe("the retention setting", () => {
  it("is the city admin's to change, within bounds, and the change is audited; the auditor only reads it", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const admin = sessionUser(city, "CITY_ADMIN");
    const save = (user: ReturnType<typeof sessionUser>, input: Record<string, string>) =>
      runAction(actionDeps(t, user), updateRetentionDefinition, city.slug, input);

    expect(await save(admin, { auditMonths: "36", importReportDays: "14", version: "0" })).toMatchObject({
      ok: true,
      data: { retention: { auditMonths: 36, importReportDays: 14 } },
    });
    expect(await save(admin, { auditMonths: "6", importReportDays: "14", version: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { auditMonths: [expect.any(String)] },
    });
    expect(await save(admin, { auditMonths: "36", importReportDays: "1000", version: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { importReportDays: [expect.any(String)] },
    });
    expect(await save(sessionUser(city, "AUDITOR"), { auditMonths: "12", importReportDays: "1", version: "1" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    const stored = await t.withTenant(city.id, (tx) => tx.retentionSetting.findUniqueOrThrow({ where: { tenantId: city.id } }));
    expect(stored).toMatchObject({ auditMonths: 36, importReportDays: 14 });
    const audit = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { entity: "RetentionSetting" } }));
    expect(audit).toEqual([
      expect.objectContaining({ action: "create", userId: admin.id, after: expect.objectContaining({ auditMonths: 36, importReportDays: 14 }) }),
    ]);
  });
});
