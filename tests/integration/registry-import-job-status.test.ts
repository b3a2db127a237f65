// How the registry import's jobs read on the page: a job's failure is stored as catalogue words
// and read in the viewer's language (the NEXT_LOCALE cookie), and a page opened while a job of
// the city waits or runs finds it again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as readTask, POST as cancelTask } from "@/app/[tenant]/registri/impor/tugas/[taskId]/route";
import { POST as upload } from "@/app/[tenant]/registri/impor/unggah/route";
import { registryCheckJob, registryCommitJob } from "@/features/registry/import/jobs";
import { getRunningRegistryImport } from "@/features/registry/import/queries";
import { checkRegistryImport, commitRegistryImport } from "@/features/registry/import/run-import";
import type { ImportTaskStatus } from "@/features/registry/import/upload-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { JOB_WORDS, endedBecause, startTrackedJob } from "@/lib/jobs/tracked";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { runQueuedNow } from "@/tests/helpers/queued-jobs";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { chunked, createImportTenant, extractRows, toCsv, type ImportTenant } from "@/features/registry/tests/fixtures/extract";

let t: TestDb;
let city: ImportTenant;
let user: SessionUser;
// Jobs sent here go to queue names no worker takes: each test runs them itself.
const prefix = `w${uniqueSuffix()}.`;

beforeAll(async () => {
  t = await openTestDb();
  city = await createImportTenant(t);
  user = sessionUser({ id: city.id, slug: city.slug, kecamatanId: "", kelurahanId: "" }, "BAPEDA");
});

afterAll(async () => {
  await t?.close();
});

const cookie = (locale: "id" | "en") => ({ cookie: `NEXT_LOCALE=${locale}` });

async function status(taskId: string, locale: "id" | "en", method: "GET" | "POST" = "GET"): Promise<ImportTaskStatus> {
  const url = `http://localhost/${city.slug}/registri/impor/tugas/${taskId}`;
  const init = { method, headers: { ...cookie(locale), "x-entas-import": "1" } };
  const response = await callRoute(method === "GET" ? readTask : cancelTask, routeDeps(t, user), url, { tenant: city.slug, taskId }, init);
  expect(response.status).toBe(200);
  return (await response.json()) as ImportTaskStatus;
}

async function dryRun(households = 2, serialBase = 0) {
  return checkRegistryImport({
    withTenant: t.withTenant,
    tenantId: city.id,
    userId: null,
    body: chunked(new TextEncoder().encode(toCsv(extractRows(city, households, { serialBase })))),
    fileName: "a.csv",
    source: "DTSEN",
  });
}

const queueCommit = (importJobId: string) =>
  t.withTenant(city.id, (tx) => startTrackedJob(tx, registryCommitJob, { tenantId: city.id, userId: null, resultId: importJobId, prefix }));

describe("a job's messages in the viewer's language", () => {
  it("reads a refused commit (the import was already saved) in Indonesian and in English", async () => {
    const dry = await dryRun(2, 700);
    await commitRegistryImport({ withTenant: t.withTenant, tenantId: city.id, userId: null, jobId: dry.jobId });
    const taskId = await queueCommit(dry.jobId);
    expect(await runQueuedNow(t, registryCommitJob, city.id, taskId)).toMatchObject({ state: "FAILED" });
    expect((await status(taskId, "id")).error).toBe("Impor ini sudah disimpan.");
    expect((await status(taskId, "en")).error).toBe("This import has already been saved.");
  });

  it("reads a check whose file was not kept, refused by the job itself, in both languages", async () => {
    const taskId = await t.withTenant(city.id, (tx) =>
      startTrackedJob(tx, registryCheckJob, { tenantId: city.id, userId: null, input: { source: "DTSEN" }, fileName: "a.csv", prefix }),
    );
    expect(await runQueuedNow(t, registryCheckJob, city.id, taskId)).toMatchObject({ state: "FAILED" });
    expect((await status(taskId, "id")).error).toBe("Berkas impor tidak tersimpan; unggah lagi.");
    expect((await status(taskId, "en")).error).toBe("The import file was not kept; upload it again.");
  });

  it("reads a job cancelled by an English reader in Indonesian too", async () => {
    const taskId = await queueCommit((await dryRun(1, 720)).jobId);
    expect(await status(taskId, "en", "POST")).toMatchObject({ state: "CANCELLED", error: "Cancelled; nothing was changed." });
    expect((await status(taskId, "id")).error).toBe("Dibatalkan; tidak ada data yang diubah.");
  });

  it("reads a job that failed on its last try, or whose worker stopped, in both languages", async () => {
    for (const [words, id, en] of [
      [JOB_WORDS.failed, "Pekerjaan gagal; tidak ada data yang diubah.", "The job failed; nothing was changed."],
      [
        JOB_WORDS.workerStopped,
        "Proses pekerja berhenti saat menjalankan pekerjaan ini; tidak ada data yang disimpan. Coba lagi.",
        "The worker stopped while running this job; nothing was saved. Try again.",
      ],
    ] as const) {
      const taskId = await queueCommit("tidak-ada");
      await t.withTenant(city.id, (tx) =>
        tx.backgroundJob.update({ where: { tenantId_id: { tenantId: city.id, id: taskId } }, data: { state: "FAILED", ...endedBecause(words) } }),
      );
      expect((await status(taskId, "id")).error).toBe(id);
      expect((await status(taskId, "en")).error).toBe(en);
    }
  });

  it("answers an incomplete upload request in the reader's language", async () => {
    const send = (locale: "id" | "en") =>
      callRoute(
        upload,
        routeDeps(t, user),
        `http://localhost/${city.slug}/registri/impor/unggah?mode=commit`,
        { tenant: city.slug },
        {
          method: "POST",
          headers: { ...cookie(locale), "x-entas-import": "1", host: "localhost", origin: "http://localhost" },
        },
      );
    expect(await (await send("id")).json()).toEqual({ type: "error", message: "Permintaan impor tidak lengkap." });
    expect(await (await send("en")).json()).toEqual({ type: "error", message: "The import request is incomplete." });
  });
});

describe("the import page opened while a job works", () => {
  it("finds the city's waiting or running import job, with its progress, until it ends; another city's is not shown", async () => {
    const other = await createImportTenant(t);
    await t.withTenant(other.id, (tx) =>
      startTrackedJob(tx, registryCheckJob, { tenantId: other.id, userId: null, input: { source: "DTSEN" }, fileName: "lain.csv", prefix }),
    );
    const running = () => t.withTenant(city.id, (tx) => getRunningRegistryImport(tx, city.id, "en"));
    const finished = await running();
    // Earlier tests' jobs here all ended.
    expect(finished).toBeNull();

    const dry = await dryRun(2, 740);
    const taskId = await queueCommit(dry.jobId);
    expect(await running()).toMatchObject({ taskId, step: "commit", fileName: "a.csv", status: { state: "QUEUED", attempts: 0 } });

    await t.withTenant(city.id, (tx) =>
      tx.backgroundJob.update({
        where: { tenantId_id: { tenantId: city.id, id: taskId } },
        data: { state: "RUNNING", attempts: 1, progress: { phase: "write", done: 3, total: 9 } },
      }),
    );
    expect(await running()).toMatchObject({ taskId, status: { state: "RUNNING", progress: { phase: "write", done: 3, total: 9 } } });

    await runQueuedNow(t, registryCommitJob, city.id, taskId);
    expect(await running()).toBeNull();
  });
});
