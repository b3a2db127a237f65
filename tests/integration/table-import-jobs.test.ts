// The small-table imports run as jobs: the request only keeps the file with a queued job, the
// worker reads, checks and saves in one transaction (nothing of it stays when it fails), and
// the job is seen and stopped only by the user who queued it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRealisationsDefinition } from "@/features/budget/realisation-import";
import { importStatisticsDefinition } from "@/features/statistics/import";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { findJobFile } from "@/lib/jobs/job-file";
import { JOB_MESSAGES } from "@/lib/jobs/tracked";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import type { TableImportStatus } from "@/lib/spreadsheet/table-import-status";
import { tableImportTaskRoute } from "@/lib/spreadsheet/table-import-route";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { runQueuedNow } from "../helpers/queued-jobs";
import { callRoute, routeDeps } from "../helpers/routes";
import { readTableImport, type AnyTableImport } from "../helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let bapeda: SessionUser;
let staffA: SessionUser;
let staffB: SessionUser;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const tag = uniqueSuffix();
  const [opdA, opdB] = await read(async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: `7.1.${tag}`, name: "Dinas A", shortName: "A" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: `7.2.${tag}`, name: "Dinas B", shortName: "B" } })).id,
  ]);
  bapeda = sessionUser(city, "BAPEDA");
  staffA = sessionUser(city, "OPD_STAFF", { id: `staf-a-${tag}`, opdId: opdA });
  staffB = sessionUser(city, "OPD_STAFF", { id: `staf-b-${tag}`, opdId: opdB });
});

afterAll(async () => {
  await t?.close();
});

function form(lines: string[], mode: "dry-run" | "commit" = "commit", name = "bps.csv") {
  const data = new FormData();
  data.set("file", new File([lines.join("\r\n")], name, { type: "text/csv" }));
  data.set("mode", mode);
  return data;
}

const statistics = (...years: number[]) => ["TAHUN,PERSENTASE MISKIN,SUMBER", ...years.map((year) => `${year},10.5,BPS`)];
const written = () => read(async (tx) => ({ statistics: await tx.povertyStatistic.count(), audit: await tx.auditLog.count() }));
const job = (id: string) => read((tx) => tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.id, id } } }));

async function queue(user: SessionUser, definition: AnyTableImport, data: FormData): Promise<string> {
  const queued = await runAction(actionDeps(t, user), definition, city.slug, data);
  if (!queued.ok) throw new Error(`${queued.code}: ${queued.message}`);
  return queued.data.taskId;
}

describe("a table import as a job", () => {
  it("is only queued by the request, with its file; the worker commits it and the page reads the report", async () => {
    const before = await written();
    const queued = await runAction(actionDeps(t, bapeda), importStatisticsDefinition, city.slug, form(statistics(2001, 2002, 2003)));
    if (!queued.ok) throw new Error(queued.message);
    const { taskId, statusHref } = queued.data;
    expect(statusHref).toBe(`/${city.slug}/dasbor/statistik/impor/tugas/${taskId}`);

    expect(await written()).toEqual(before);
    const kept = await job(taskId);
    expect(kept).toMatchObject({ kind: "statistics.import", state: "QUEUED", fileName: "bps.csv", createdById: bapeda.id, result: null });
    const file = await findJobFile(t.withTenant, city.id, taskId);
    expect(Buffer.from(await file!.bytes()).toString()).toContain("2002,10.5,BPS");
    const sent = await t.withPlatform(
      (tx) => tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'statistics.import' AND data->>'jobId' = ${taskId}`,
    );
    expect(sent[0]!.n).toBe(1);

    expect(await runQueuedNow(t, importStatisticsDefinition.job, city.id, taskId)).toMatchObject({ state: "DONE", error: null });
    expect((await written()).statistics).toBe(before.statistics + 3);
    expect(await findJobFile(t.withTenant, city.id, taskId)).toBeNull();

    const route = tableImportTaskRoute("statistics", importStatisticsDefinition);
    const response = await callRoute(route.GET, routeDeps(t, bapeda), `http://localhost/${city.slug}/dasbor/statistik/impor/tugas/${taskId}`, {
      tenant: city.slug,
      taskId,
    });
    expect(response.status).toBe(200);
    const status = (await response.json()) as TableImportStatus;
    expect(status).toMatchObject({ state: "DONE", refusal: null, report: { mode: "commit", total: 3, accepted: 3, rejected: [] } });
  });

  it("writes nothing when the worker fails in the middle of the commit, and says so once its tries are spent", async () => {
    const { spec } = importStatisticsDefinition;
    let saved = 0;
    const crashing = defineTableImport({
      ...spec,
      name: "test.statistics.crash",
      saveRow: async (ctx, value, rowNumber, row) => {
        if (saved++ === 2) throw new Error("the worker died");
        return spec.saveRow(ctx, value, rowNumber, row);
      },
    });
    const before = await written();
    const taskId = await queue(bapeda, crashing, form(statistics(2011, 2012, 2013, 2014)));

    const first = { scopes: t, queueJobId: "crash-1", retryCount: 0, retryLimit: crashing.job.retryLimit };
    await expect(crashing.job.run({ tenantId: city.id, jobId: taskId }, first)).rejects.toThrow("the worker died");
    expect(await written()).toEqual(before);
    expect(await job(taskId)).toMatchObject({ state: "QUEUED", attempts: 1 });

    saved = 0;
    const last = { ...first, queueJobId: "crash-2", retryCount: crashing.job.retryLimit };
    await expect(crashing.job.run({ tenantId: city.id, jobId: taskId }, last)).rejects.toThrow("the worker died");
    expect(await written()).toEqual(before);
    expect(await job(taskId)).toMatchObject({ state: "FAILED", error: JOB_MESSAGES.failed, result: null });
    expect(await findJobFile(t.withTenant, city.id, taskId)).toBeNull();
    expect(await readTableImport(t, city.id, taskId)).toMatchObject({ ok: false, message: JOB_MESSAGES.failed });
  });

  it("is neither seen nor cancelled by a user of another OPD; its own user may cancel it, and then it writes nothing", async () => {
    const route = tableImportTaskRoute("budget", importRealisationsDefinition);
    const taskId = await queue(
      staffA,
      importRealisationsDefinition,
      form(["ID POS ANGGARAN,BULAN,NO SP2D/SPJ,JUMLAH", "tidakada,1,0001/SP2D/2024,1000"], "commit", "realisasi.csv"),
    );
    const url = `http://localhost/${city.slug}/anggaran/impor/tugas/${taskId}`;
    const params = { tenant: city.slug, taskId };
    const cancel = { method: "POST", headers: { "x-entas-import": "1" } };

    expect((await callRoute(route.GET, routeDeps(t, staffB), url, params)).status).toBe(404);
    expect((await callRoute(route.POST, routeDeps(t, staffB), url, params, cancel)).status).toBe(404);
    expect(await job(taskId)).toMatchObject({ state: "QUEUED", cancelRequested: false });
    // Nor is it the city's to read through another import's route.
    const other = tableImportTaskRoute("statistics", importStatisticsDefinition);
    expect((await callRoute(other.GET, routeDeps(t, bapeda), url, params)).status).toBe(404);

    expect((await callRoute(route.GET, routeDeps(t, staffA), url, params)).status).toBe(200);
    const cancelled = await callRoute(route.POST, routeDeps(t, staffA), url, params, cancel);
    expect(await cancelled.json()).toMatchObject({ state: "CANCELLED", error: JOB_MESSAGES.cancelled });
    expect(await runQueuedNow(t, importRealisationsDefinition.job, city.id, taskId)).toMatchObject({ state: "CANCELLED" });
    expect(await findJobFile(t.withTenant, city.id, taskId)).toBeNull();
  });

  it("acts for its user as they are when it runs: a user deactivated since the upload is refused", async () => {
    const user = await read((tx) =>
      tx.user.create({
        data: { tenantId: city.id, email: `bapeda-${uniqueSuffix()}@uji.test`, name: "Bapeda Uji", passwordHash: "-", role: "BAPEDA" },
      }),
    );
    const asked = sessionUser(city, "BAPEDA", { id: user.id });
    const before = await written();
    const taskId = await queue(asked, importStatisticsDefinition, form(statistics(2021)));
    await read((tx) => tx.user.update({ where: { id: user.id }, data: { active: false } }));

    expect(await runQueuedNow(t, importStatisticsDefinition.job, city.id, taskId)).toMatchObject({ state: "FAILED" });
    expect(await readTableImport(t, city.id, taskId)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await written()).toEqual(before);
  });

  it("answers a refusal in the uploader's language", async () => {
    const deps = { ...actionDeps(t, bapeda), requestMeta: async () => ({ requestId: "req-en", ip: null, locale: "en" }) };
    const huge = ["TAHUN,PERSENTASE MISKIN,SUMBER", `2030,${"9".repeat(3_000)},BPS`];
    const queued = await runAction(deps, importStatisticsDefinition, city.slug, form(huge));
    if (!queued.ok) throw new Error(queued.message);
    await runQueuedNow(t, importStatisticsDefinition.job, city.id, queued.data.taskId);
    const outcome = await readTableImport(t, city.id, queued.data.taskId);
    expect(outcome).toMatchObject({ ok: false, code: "UPLOAD_LIMIT" });
    expect(outcome.ok ? "" : outcome.message).toMatch(/cell/i);
  });
});
