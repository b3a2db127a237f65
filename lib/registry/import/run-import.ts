// One registry import (issue 4), dry run or commit, from the uploaded bytes to the
// ImportJob row. The file is streamed through the parser and the validator; only the
// validated rows are held, then written in one transaction, so a failed commit leaves the
// registry exactly as it was. A commit re-reads the same file the dry run checked (its
// SHA-256 must match) and compares again, since the registry may have moved since.
import type { Tx } from "@/lib/db";
import type { ScopeOptions } from "@/lib/db/tenant-scope";
import { recordAudit } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrySource } from "@/lib/generated/prisma/enums";
import { loadAreaMatcher } from "./areas";
import { todayIn } from "../schemas";
import { ImportFileError, readSpreadsheet, type SpreadsheetFormat, type TextEncodingName } from "@/lib/spreadsheet/read";
import { applyStaged, stageAndCompare, type StagedCounts } from "./store";
import { validateExtract, type RejectedRow } from "./validate";

export type ImportProgress = {
  phase: "read" | "stage" | "write";
  done: number;
  /** Bytes for "read" (when the size is known), rows for the others. */
  total?: number;
};

/** What ImportJob.report holds for a registry import. */
export type RegistryImportReport = {
  version: 1;
  fileName: string;
  format: SpreadsheetFormat | null;
  encoding: TextEncodingName | null;
  sha256: string | null;
  bytes: number;
  source: RegistrySource;
  headers: string[];
  headerRowNumber: number;
  ignoredColumns: string[];
  counts: StagedCounts | null;
  totalRows: number;
  skippedRows: number;
  rejectedRows: number;
  /** Every rejected row, with its reasons and its cells as they were. */
  rejected: RejectedRow[];
  /** Set when the file or the commit failed: shown to the user. */
  error?: string;
  durationMs?: { read: number; database: number };
};

export type ImportOutcome = {
  jobId: string;
  status: "DRY_RUN" | "COMMITTED" | "FAILED";
  counts: StagedCounts | null;
  totalRows: number;
  rejectedRows: number;
  skippedRows: number;
  error?: string;
};

type WithTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;

export type RunImportOptions = {
  withTenant: WithTenant;
  tenantId: string;
  userId: string | null;
  requestId?: string | null;
  ip?: string | null;
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  fileName: string;
  /** Size the client declared: for progress, and an upload that arrives shorter is refused. */
  fileSize?: number;
  source: RegistrySource;
  /** A dry run creates a job; a commit carries out the dry run `jobId`. */
  mode: { kind: "dry-run" } | { kind: "commit"; jobId: string };
  onProgress?: (progress: ImportProgress) => void;
  /** Tests only: runs after each write batch. */
  afterBatch?: (batch: number) => void | Promise<void>;
  today?: Date;
};

/** 10 minutes: a 100,000-row commit takes well under one on PostgreSQL. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

export class ImportRefusedError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = "ImportRefusedError";
  }
}

export async function runRegistryImport(options: RunImportOptions): Promise<ImportOutcome> {
  const { withTenant, tenantId, mode } = options;
  const started = Date.now();

  const setup = await withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, kemendagriCode: true, timeZone: true } });
    const job =
      mode.kind === "commit"
        ? await tx.importJob.findUnique({ where: { tenantId_id: { tenantId, id: mode.jobId } }, select: { id: true, kind: true, status: true, report: true } })
        : null;
    return { tenant, job, areas: await loadAreaMatcher(tx) };
  });
  let checkedSha: string | null = null;
  if (mode.kind === "commit") {
    const job = setup.job;
    if (!job || job.kind !== "REGISTRY") throw new ImportRefusedError("Pemeriksaan impor tidak ditemukan.");
    if (job.status !== "DRY_RUN") {
      throw new ImportRefusedError(job.status === "COMMITTED" ? "Impor ini sudah disimpan." : "Pemeriksaan ini gagal; periksa ulang berkasnya.");
    }
    checkedSha = (job.report as { sha256?: string } | null)?.sha256 ?? null;
  }

  const report: RegistryImportReport = {
    version: 1,
    fileName: options.fileName,
    format: null,
    encoding: null,
    sha256: null,
    bytes: 0,
    source: options.source,
    headers: [],
    headerRowNumber: 0,
    ignoredColumns: [],
    counts: null,
    totalRows: 0,
    skippedRows: 0,
    rejectedRows: 0,
    rejected: [],
  };

  // Read and validate: the file streams through, only validated rows stay.
  let extract: Awaited<ReturnType<typeof validateExtract>>;
  try {
    const sheet = await readSpreadsheet(options.body, {
      fileName: options.fileName,
      onBytes: (bytes) => options.onProgress?.({ phase: "read", done: bytes, total: options.fileSize }),
    });
    report.format = sheet.format;
    extract = await validateExtract(sheet.rows, {
      cityPrefix: setup.tenant.kemendagriCode.replace(/\D/g, "").slice(0, 4),
      cityName: setup.tenant.name,
      areas: setup.areas,
      format: sheet.format,
      today: options.today,
    });
    report.sha256 = sheet.digest();
    report.bytes = sheet.bytes();
    report.encoding = sheet.encoding();
    // A proxy that cut the upload short must not pass for a complete file.
    if (options.fileSize !== undefined && report.bytes !== options.fileSize) {
      throw new ImportFileError(
        `Berkas tidak terunggah utuh (${report.bytes.toLocaleString("id-ID")} dari ${options.fileSize.toLocaleString("id-ID")} bita). Coba lagi, atau bagi berkas menjadi beberapa bagian.`,
      );
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    if (mode.kind === "commit") throw new ImportRefusedError(error.userMessage);
    report.error = error.userMessage;
    const job = await withTenant(tenantId, (tx) => createJob(tx, tenantId, options, "FAILED", report));
    return { jobId: job, status: "FAILED", counts: null, totalRows: 0, rejectedRows: 0, skippedRows: 0, error: error.userMessage };
  }
  if (checkedSha && checkedSha !== report.sha256) {
    throw new ImportRefusedError("Berkas ini berbeda dengan berkas yang diperiksa. Unggah ulang berkas untuk diperiksa lebih dulu.");
  }

  Object.assign(report, {
    headers: extract.headers,
    headerRowNumber: extract.headerRowNumber,
    ignoredColumns: extract.ignoredColumns,
    totalRows: extract.totalRows,
    skippedRows: extract.skippedRows,
    rejectedRows: extract.rejected.length,
    rejected: extract.rejected,
  });
  const readMs = Date.now() - started;
  const onStore = (progress: { phase: "stage" | "write"; done: number; total: number }) => options.onProgress?.(progress);
  const effectiveDate = todayIn(setup.tenant.timeZone, options.today ?? new Date());

  try {
    return await withTenant(
      tenantId,
      async (tx) => {
        // One import of a city at a time: two commits would compare against the same registry.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registry-import:${tenantId}`}))`;
        const dbStarted = Date.now();
        const counts = await stageAndCompare(tx, tenantId, extract.households, extract.members, onStore);
        report.counts = counts;
        if (mode.kind === "dry-run") {
          report.durationMs = { read: readMs, database: Date.now() - dbStarted };
          const jobId = await createJob(tx, tenantId, options, "DRY_RUN", report);
          return outcome(jobId, "DRY_RUN", report);
        }
        await applyStaged(
          tx,
          {
            tenantId,
            importJobId: mode.jobId,
            userId: options.userId,
            source: options.source,
            effectiveDate,
            reason: `impor registri ${options.fileName} (${mode.jobId})`,
            onProgress: onStore,
            afterBatch: options.afterBatch,
          },
          { households: extract.households.length, members: extract.members.length },
          counts,
        );
        report.durationMs = { read: readMs, database: Date.now() - dbStarted };
        await tx.importJob.update({
          where: { tenantId_id: { tenantId, id: mode.jobId } },
          data: { status: "COMMITTED", committedAt: new Date(), ...jobCounts(report), report: report as unknown as Prisma.InputJsonValue },
        });
        await recordAudit(tx, {
          tenantId,
          userId: options.userId,
          action: "import",
          entity: "ImportJob",
          entityId: mode.jobId,
          after: { kind: "REGISTRY", fileName: options.fileName, source: options.source, sha256: report.sha256, ...jobCounts(report), counts },
          requestId: options.requestId ?? null,
          ip: options.ip ?? null,
        });
        return outcome(mode.jobId, "COMMITTED", report);
      },
      { timeout: IMPORT_TIMEOUT_MS },
    );
  } catch (error) {
    if (mode.kind !== "commit") throw error;
    // Nothing of the import was written; the job says it failed.
    await withTenant(tenantId, (tx) =>
      tx.importJob.update({
        where: { tenantId_id: { tenantId, id: mode.jobId } },
        data: { status: "FAILED", report: { ...report, rejected: report.rejected, error: "Penyimpanan gagal; tidak ada data yang diubah." } as unknown as Prisma.InputJsonValue },
      }),
    ).catch(() => undefined);
    throw error;
  }
}

function jobCounts(report: RegistryImportReport) {
  return {
    totalRows: report.totalRows,
    newRows: report.counts?.rows.new ?? 0,
    changedRows: report.counts?.rows.changed ?? 0,
    sameRows: report.counts?.rows.unchanged ?? 0,
    rejectedRows: report.rejectedRows,
  };
}

async function createJob(tx: Tx, tenantId: string, options: RunImportOptions, status: "DRY_RUN" | "FAILED", report: RegistryImportReport): Promise<string> {
  const job = await tx.importJob.create({
    data: {
      tenantId,
      kind: "REGISTRY",
      fileName: options.fileName.slice(0, 200),
      status,
      ...jobCounts(report),
      report: report as unknown as Prisma.InputJsonValue,
      createdById: options.userId,
    },
    select: { id: true },
  });
  return job.id;
}

function outcome(jobId: string, status: ImportOutcome["status"], report: RegistryImportReport): ImportOutcome {
  return {
    jobId,
    status,
    counts: report.counts,
    totalRows: report.totalRows,
    rejectedRows: report.rejectedRows,
    skippedRows: report.skippedRows,
    error: report.error,
  };
}
