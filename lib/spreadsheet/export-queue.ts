// Large exports as jobs, on the web server's side: an export longer than EXPORT_JOB_ROWS rows is
// queued (export.ts decides), and the same export URL then answers for its job:
//
//   GET  …/ekspor?tugas=<job>          → { state, rows, ready, error } for the page to poll
//   GET  …/ekspor?tugas=<job>&unduh=1  → the file, once built and until it expires
//   POST …/ekspor?tugas=<job>          → cancel (only with the page script's header)
//
// Each goes through the export's own gate (routes.ts), and a job is found only by the user who
// started it, for the same export and the same path: anyone else gets "not found".
import type { RouteDeps, RouteParams, TenantRouteContext } from "@/lib/auth/route";
import { notFoundResponse, requestLocale } from "@/lib/auth/route";
import { errorWordsIn } from "@/lib/actions/error-words";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import type { ErrorWords } from "@/lib/errors";
import type { BackgroundJobState } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import type { JobKind } from "@/lib/jobs/kinds";
import { cancelTrackedJob, startTrackedJob, type JobProgress, type TrackedJobData } from "@/lib/jobs/tracked";
import type { ExportRequest, ExportSpec } from "./export";
import { EXPORT_CANCEL_HEADER, EXPORT_DOWNLOAD_PARAM, EXPORT_JOB_PARAM, type ExportJobStatus } from "./export-job-urls";
import type { SpreadsheetFormat } from "./write";

/** Above this many rows an export is built by a job; EXPORT_JOB_ROWS sets it (tests use a few). */
export function exportJobRows(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.EXPORT_JOB_ROWS);
  return Number.isInteger(value) && value > 0 ? value : 5_000;
}

/** The export job's queue name and limits; its handler, which knows every export, is in export-job.ts. */
export const EXPORT_JOB = { name: "exports.build", expireInSeconds: 20 * 60, retryLimit: 1 } as const;

/** The job sent from a request: only its name and limits travel; the worker runs app/exports.ts's kind. */
const sending: JobKind<TrackedJobData> = {
  ...EXPORT_JOB,
  run: () => Promise.reject(new Error("export jobs run in a worker, with the kind of app/exports.ts")),
};

/** Which export a job builds: its audit entity names it (one export per entity). */
export const exportKey = (spec: Pick<ExportSpec<unknown>, "entity">) => spec.entity;

/** What the job keeps of the request: enough to read the same rows as the same user would. */
export type ExportJobInput = {
  spec: string;
  format: SpreadsheetFormat;
  /** The path's parameters without the city. */
  params: Record<string, string | string[]>;
  query: [string, string][];
  /** Missing in jobs queued before it was kept: the default language. */
  locale?: AppLocale;
  requestId: string | null;
  ip: string | null;
};

function pathParams(params: RouteParams): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | string[]] => entry[0] !== "tenant" && entry[1] !== undefined));
}

/** Queues the export as a job of the asking user and answers 202 with the job's id. */
export async function queueExport<Row>(deps: RouteDeps, spec: ExportSpec<Row>, request: ExportRequest): Promise<Response> {
  const input: ExportJobInput = {
    spec: exportKey(spec),
    format: request.format,
    params: pathParams(request.params),
    query: [...request.search],
    locale: request.locale,
    requestId: request.requestId,
    ip: request.ip,
  };
  const { user } = request;
  const jobId = await deps.withTenant(user.tenantId, (tx) => startTrackedJob(tx, sending, { tenantId: user.tenantId, userId: user.id, input }));
  return Response.json({ job: jobId }, { status: 202, headers: { "cache-control": "no-store" } });
}

type OwnJob = {
  id: string;
  state: BackgroundJobState;
  progress: JobProgress | null;
  error: string | null;
  errorKey: string | null;
  errorParams: unknown;
  resultId: string | null;
};

/** The user's own job building this export for this path, or null. */
async function ownExportJob(tx: Tx, user: TenantSessionUser, spec: ExportSpec<unknown>, params: RouteParams, jobId: string): Promise<OwnJob | null> {
  const job = await tx.backgroundJob.findUnique({
    where: { tenantId_id: { tenantId: user.tenantId, id: jobId } },
    select: {
      id: true,
      kind: true,
      state: true,
      progress: true,
      error: true,
      errorKey: true,
      errorParams: true,
      resultId: true,
      createdById: true,
      input: true,
    },
  });
  if (!job || job.kind !== EXPORT_JOB.name || job.createdById !== user.id) return null;
  const input = job.input as ExportJobInput | null;
  if (input?.spec !== exportKey(spec) || JSON.stringify(input.params) !== JSON.stringify(pathParams(params))) return null;
  return { ...job, progress: job.progress as JobProgress | null };
}

async function readyFile(tx: Tx, tenantId: string, job: OwnJob) {
  if (job.state !== "DONE" || !job.resultId) return null;
  return tx.exportFile.findFirst({
    where: { tenantId, id: job.resultId, jobId: job.id, expiresAt: { gt: new Date() } },
    select: { fileName: true, contentType: true, bytes: true },
  });
}

/** The job's state, and why it failed in the reader's language (`locale`). */
async function statusOf(tx: Tx, tenantId: string, job: OwnJob, locale: string): Promise<ExportJobStatus> {
  const ready = job.state === "DONE" && (await tx.exportFile.count({ where: { tenantId, id: job.resultId ?? "", expiresAt: { gt: new Date() } } })) > 0;
  const error = job.errorKey ? errorWordsIn({ key: job.errorKey, params: (job.errorParams ?? {}) as ErrorWords["params"] }, locale) : job.error;
  return { state: job.state, rows: job.progress?.done ?? null, ready, error: job.state === "FAILED" ? error : null };
}

const json = (body: ExportJobStatus) => Response.json(body, { headers: { "cache-control": "no-store" } });

/** GET with ?tugas=: the job's status, or with &unduh=1 its file. */
export async function exportJobResponse<Row>({ deps, request, params, user }: TenantRouteContext, spec: ExportSpec<Row>): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const jobId = search.get(EXPORT_JOB_PARAM) ?? "";
  const download = search.get(EXPORT_DOWNLOAD_PARAM) === "1";
  return deps.withTenant(user.tenantId, async (tx) => {
    const job = await ownExportJob(tx, user, spec as ExportSpec<unknown>, params, jobId);
    if (!job) return notFoundResponse();
    if (!download) return json(await statusOf(tx, user.tenantId, job, requestLocale(request)));
    const file = await readyFile(tx, user.tenantId, job);
    if (!file) return notFoundResponse();
    return new Response(new Uint8Array(file.bytes), {
      headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store" },
    });
  });
}

/** POST with ?tugas=: asks the job to stop (a waiting one ends at once, a running one at its next batch). */
export async function cancelExportResponse<Row>({ deps, request, params, user }: TenantRouteContext, spec: ExportSpec<Row>): Promise<Response> {
  // Only the page's own script sends this header; a form on another site cannot.
  if (request.headers.get(EXPORT_CANCEL_HEADER) !== "1") return notFoundResponse();
  const jobId = new URL(request.url).searchParams.get(EXPORT_JOB_PARAM) ?? "";
  return deps.withTenant(user.tenantId, async (tx) => {
    const job = await ownExportJob(tx, user, spec as ExportSpec<unknown>, params, jobId);
    if (!job) return notFoundResponse();
    await cancelTrackedJob(tx, user.tenantId, job.id, [EXPORT_JOB.name]);
    const after = await ownExportJob(tx, user, spec as ExportSpec<unknown>, params, jobId);
    return json(await statusOf(tx, user.tenantId, after ?? job, requestLocale(request)));
  });
}
