// Reading import jobs back for the page and the downloads. A job's report can hold 100,000
// rejected rows: lists never load it, the summary loads only the first few rows.
import type { Tx } from "@/lib/db";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import type { RegistryImportReport } from "./run-import";
import { importFileWordsIn } from "@/lib/spreadsheet/read";
import { rejectedWordsIn, type RejectedRow } from "@/lib/spreadsheet/table-import";
import { importReportExpired, retentionOf } from "@/lib/privacy/retention";
import { findUnfinishedTrackedJob } from "@/lib/jobs/tracked";
import { REGISTRY_IMPORT_JOB_KINDS, registryCheckJob } from "./jobs";
import type { ImportTaskStatus } from "./upload-event";

export type ImportJobListRow = {
  id: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  newRows: number;
  changedRows: number;
  sameRows: number;
  rejectedRows: number;
  createdAt: Date;
  committedAt: Date | null;
  createdByName: string | null;
};

/** Registry imports checked (a dry run) but never saved. */
export const waitingImportsWhere = { kind: "REGISTRY", status: "DRY_RUN" } as const;

/** The city's latest registry imports, newest first; `waitingOnly`: only those checked but never saved. */
export async function listRegistryImports(tx: Tx, limit = 10, waitingOnly = false): Promise<ImportJobListRow[]> {
  const jobs = await tx.importJob.findMany({
    where: waitingOnly ? waitingImportsWhere : { kind: "REGISTRY" },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      fileName: true,
      status: true,
      totalRows: true,
      newRows: true,
      changedRows: true,
      sameRows: true,
      rejectedRows: true,
      createdAt: true,
      committedAt: true,
      createdById: true,
    },
  });
  const ids = [...new Set(jobs.map((job) => job.createdById).filter((id): id is string => Boolean(id)))];
  const users = ids.length ? await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return jobs.map(({ createdById, ...job }) => ({ ...job, createdByName: createdById ? (names.get(createdById) ?? null) : null }));
}

export type ImportJobSummary = {
  id: string;
  status: ImportStatus;
  fileName: string;
  createdAt: Date;
  committedAt: Date | null;
  report: Omit<RegistryImportReport, "rejected">;
  /** The first rejected rows, for the table on the page. */
  firstRejected: RejectedRow[];
  /** The rejected rows are past the city's retention: gone, or no longer shown. */
  rejectedExpired: boolean;
};

/** One registry import with its counts and first rejected rows, or null. */
/** Its reasons in `locale`: each names its catalogue words, or (reports kept from before) is Indonesian text. */
export async function getRegistryImport(tx: Tx, tenantId: string, jobId: string, locale = "id", firstRows = 50): Promise<ImportJobSummary | null> {
  if (!/^[a-z0-9]{10,40}$/i.test(jobId)) return null;
  const rows = await tx.$queryRaw<
    {
      id: string;
      status: ImportStatus;
      fileName: string;
      createdAt: Date;
      committedAt: Date | null;
      report: Omit<RegistryImportReport, "rejected"> | null;
      first: RejectedRow[] | null;
    }[]
  >`
    SELECT id, status, "fileName", "createdAt", "committedAt", report - 'rejected' AS report,
      (SELECT jsonb_agg(item ORDER BY position) FROM jsonb_array_elements(report -> 'rejected') WITH ORDINALITY AS r(item, position)
        WHERE position <= ${firstRows}::int) AS first
    FROM "ImportJob"
    WHERE "tenantId" = ${tenantId} AND id = ${jobId} AND kind = 'REGISTRY'`;
  const row = rows[0];
  if (!row || !row.report) return null;
  const rejectedExpired = importReportExpired(row.createdAt, await retentionOf(tx));
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    createdAt: row.createdAt,
    committedAt: row.committedAt,
    report: row.report,
    firstRejected: rejectedExpired ? [] : rejectedWordsIn(row.first ?? [], locale),
    rejectedExpired,
  };
}

/** A kept report as the page says it: its rejected rows' reasons and its error in `locale`. */
export function registryReportWordsIn(report: RegistryImportReport, locale: string): Omit<RegistryImportReport, "error"> & { error?: string } {
  const { error, ...rest } = report;
  return { ...rest, rejected: rejectedWordsIn(report.rejected ?? [], locale), ...(error === undefined ? {} : { error: importFileWordsIn(error, locale) }) };
}

/** Everything needed to write the rejected-rows spreadsheet; null once the report has expired. */
export async function getRejectedRows(
  tx: Tx,
  tenantId: string,
  jobId: string,
  locale = "id",
): Promise<{ fileName: string; headers: string[]; rejected: RejectedRow[] } | null> {
  const job = await tx.importJob.findUnique({
    where: { tenantId_id: { tenantId, id: jobId } },
    select: { kind: true, fileName: true, report: true, createdAt: true },
  });
  if (!job || job.kind !== "REGISTRY" || !job.report) return null;
  // Checked here as well as purged (lib/privacy/retention.ts): the purge may not have run yet.
  if (importReportExpired(job.createdAt, await retentionOf(tx))) return null;
  const report = job.report as unknown as RegistryImportReport;
  return { fileName: job.fileName, headers: report.headers ?? [], rejected: rejectedWordsIn(report.rejected ?? [], locale) };
}

/** A check or commit of the city still waiting or running, as the page shows it on load. */
export type RunningRegistryImport = { taskId: string; step: "check" | "commit"; fileName: string | null; status: ImportTaskStatus };

/**
 * The city's registry import job still waiting or running, in the reader's language: a page
 * opened or reloaded while a job works picks up its progress (and its cancel button).
 */
export async function getRunningRegistryImport(tx: Tx, tenantId: string, locale: string): Promise<RunningRegistryImport | null> {
  const job = await findUnfinishedTrackedJob(tx, tenantId, REGISTRY_IMPORT_JOB_KINDS, locale);
  if (!job) return null;
  const step = job.kind === registryCheckJob.name ? "check" : "commit";
  const named =
    step === "check"
      ? await tx.backgroundJob.findUnique({ where: { tenantId_id: { tenantId, id: job.id } }, select: { fileName: true } })
      : job.resultId
        ? await tx.importJob.findUnique({ where: { tenantId_id: { tenantId, id: job.resultId } }, select: { fileName: true } })
        : null;
  const { state, progress, resultId, error, attempts, cancelRequested } = job;
  return { taskId: job.id, step, fileName: named?.fileName ?? null, status: { state, progress, resultId, error, attempts, cancelRequested } };
}
