// A large export built by a worker: the rows, columns, masking, audit row and disclosures of
// the direct export (export.ts), for the user who asked, re-admitted by the gate as they are now.
// The whole file is written in one transaction with its audit row: a job that is cancelled or
// fails leaves neither a file nor an audit entry behind.
import { meets } from "@/lib/auth/gate";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { isAppError, type ErrorWords } from "@/lib/errors";
import { localeFromCookie } from "@/lib/i18n/locales";
import { defineJob, type JobKind, type JobScopes } from "@/lib/jobs/kinds";
import { JobRefusedError, runTrackedJob, type TrackedJobData, type TrackedWork } from "@/lib/jobs/tracked";
import {
  auditRowExport,
  describeExport,
  discloseRows,
  exportBatch,
  exportCells,
  exportDownloadName,
  exportHeaders,
  exportPageSize,
  exportRequirement,
  exportTypes,
  type ExportRequest,
  type ExportSpec,
} from "./export";
import { EXPORT_JOB, exportKey, type ExportJobInput } from "./export-queue";
import { contentType, writeSheet, type OutCell } from "./write";

/** A built file waits this long for its download. */
export const EXPORT_FILE_KEPT_HOURS = 24;
/** The largest file a job keeps (it is held in memory and stored in the database). */
export const EXPORT_FILE_MAX_BYTES = 200 * 1024 * 1024;
const EXPORT_TIMEOUT_MS = 15 * 60_000;

/** Why an export job refused, as words each reader reads in their language (Spreadsheet.exportJob). */
export const EXPORT_JOB_WORDS = {
  unknown: { key: "Spreadsheet.exportJob.unknown", params: {} },
  notAllowed: { key: "Spreadsheet.exportJob.notAllowed", params: {} },
  notFound: { key: "Spreadsheet.exportJob.notFound", params: {} },
  tooLarge: { key: "Spreadsheet.exportJob.tooLarge", params: { mb: EXPORT_FILE_MAX_BYTES / 1024 / 1024 } },
} as const satisfies Record<string, ErrorWords>;

/** An export of any row type, as the registry of exports lists them. */
// biome-ignore lint/suspicious/noExplicitAny: each export reads its own rows; the job treats them opaquely
export type AnyExportSpec = ExportSpec<any>;

/** The job's owner as the gate would admit them now, or null (gone, deactivated). */
async function jobOwner(tx: Tx, tenantId: string, userId: string | null): Promise<TenantSessionUser | null> {
  if (!userId) return null;
  const user = await tx.user.findFirst({
    where: { id: userId, tenantId, active: true },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      opdId: true,
      kelurahanId: true,
      opd: { select: { decidesRegistryChanges: true } },
      tenant: { select: { slug: true } },
    },
  });
  if (!user?.tenant) return null;
  const { tenant, opd, ...rest } = user;
  return { ...rest, tenantId, tenantSlug: tenant.slug, opd: opd ? { decidesRegistryChanges: opd.decidesRegistryChanges } : null };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > EXPORT_FILE_MAX_BYTES) throw new JobRefusedError(EXPORT_JOB_WORDS.tooLarge);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Writes the file in the caller's transaction: audit row first, then the households of each batch. */
async function writeExportFile<Row>(tx: Tx, spec: ExportSpec<Row>, request: ExportRequest, progress: TrackedWork["progress"]) {
  const take = exportPageSize(spec);
  let auditLogId: bigint | null = null;
  let count = 0;
  async function* rows(): AsyncGenerator<OutCell[]> {
    let after: string | null = null;
    for (;;) {
      const batch: Row[] = await exportBatch(tx, spec, request, after, take);
      if (auditLogId === null) auditLogId = await auditRowExport(tx, spec, request, batch);
      else await discloseRows(tx, spec, request, auditLogId, batch);
      for (const row of batch) yield exportCells(spec, row);
      count += batch.length;
      progress({ phase: "rows", done: count });
      if (batch.length < take) return;
      after = spec.cursor(batch[batch.length - 1]!);
    }
  }
  const description = await describeExport(tx, spec, request);
  const bytes = await collect(writeSheet(request.format, exportHeaders(spec), rows(), { types: exportTypes(spec), heading: description.heading }));
  return { bytes, count, fileName: exportDownloadName(description, request.format) };
}

async function buildExport(scopes: JobScopes, specs: ReadonlyMap<string, AnyExportSpec>, { job, progress }: TrackedWork) {
  const input = job.input as ExportJobInput | null;
  const spec = input ? specs.get(input.spec) : undefined;
  if (!input || !spec) throw new JobRefusedError(EXPORT_JOB_WORDS.unknown);
  const { tenantId } = job;
  const user = await scopes.withTenant(tenantId, (tx) => jobOwner(tx, tenantId, job.createdById));
  if (!user || !meets(user, exportRequirement(spec))) throw new JobRefusedError(EXPORT_JOB_WORDS.notAllowed);
  const request: ExportRequest = {
    user,
    params: { ...input.params, tenant: user.tenantSlug },
    search: new URLSearchParams(input.query),
    format: input.format,
    locale: localeFromCookie(input.locale),
    requestId: input.requestId,
    ip: input.ip,
  };
  try {
    const fileId = await scopes.withTenant(
      tenantId,
      async (tx) => {
        const { bytes, count, fileName } = await writeExportFile(tx, spec, request, progress);
        const file = await tx.exportFile.create({
          data: {
            tenantId,
            jobId: job.id,
            createdById: user.id,
            fileName,
            contentType: contentType(request.format),
            bytes: new Uint8Array(bytes),
            rowCount: count,
            expiresAt: new Date(Date.now() + EXPORT_FILE_KEPT_HOURS * 3_600_000),
          },
          select: { id: true },
        });
        return file.id;
      },
      { timeout: EXPORT_TIMEOUT_MS },
    );
    return { resultId: fileId };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") throw new JobRefusedError(EXPORT_JOB_WORDS.notFound);
    throw error;
  }
}

/**
 * The export job, knowing the exports it may build (app/exports.ts lists them all; a test may
 * give its own). Each export is named by its audit entity, so no two may share one.
 */
export function exportJobKind(specs: readonly AnyExportSpec[]): JobKind<TrackedJobData> {
  const byKey = new Map<string, AnyExportSpec>();
  for (const spec of specs) {
    if (byKey.has(exportKey(spec))) throw new Error(`two exports named ${exportKey(spec)}`);
    byKey.set(exportKey(spec), spec);
  }
  return defineJob<TrackedJobData>({
    ...EXPORT_JOB,
    waitedOn: true,
    run: (data, run) => runTrackedJob(data, run, (work) => buildExport(run.scopes, byKey, work)),
  });
}

/** Built files past their expiry, in the caller's city scope (the hourly housekeeping job). */
export function purgeExpiredExports(tx: Tx, now: Date = new Date()) {
  return tx.exportFile.deleteMany({ where: { expiresAt: { lt: now } } });
}
