// One registry import in two steps. The dry run streams the uploaded file through
// the parser and the validator, compares the valid rows with the registry, and keeps them
// (lib/registry/import/store.ts) under its ImportJob. The commit writes what that dry run
// kept, in one transaction, so a failed commit leaves the registry exactly as it was; it
// compares again first, since the registry may have moved since.
import { errorWordsIn } from "@/lib/actions/error-words";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { wordsMessage } from "@/lib/errors/words-message";
import type { ScopeOptions } from "@/lib/db/tenant-scope";
import { recordAudit } from "@/lib/db/audit";
import { lockName } from "@/lib/db/locks";
import { refreshStatistics, type AnalyzedTable } from "@/lib/db/refresh-statistics";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrySource } from "@/lib/generated/prisma/enums";
import { loadAreaMatcher } from "./areas";
import { loadKnownFamilies } from "./known-families";
import { cityToday } from "@/lib/calendar/city-today";
import { dateToDay } from "@/lib/calendar/days";
import { ImportFileError, importFileWordsIn, readSpreadsheet, type SpreadsheetFormat, type TextEncodingName } from "@/lib/spreadsheet/read";
import {
  applyStaged,
  dropExpiredStaged,
  dropStaged,
  keepStaged,
  prepareImportTransaction,
  restageAndCompare,
  stageAndCompare,
  STAGED_FOR_HOURS,
  type StagedCounts,
} from "./store";
import { validateExtract, type RowWarning, type ValidatedExtract } from "./validate";
import { auditFamilyChanges, describeFamilyChanges, refusalReason, type FamilyChanges, type RefusedFamily } from "./families";
import type { RejectedRow } from "@/lib/spreadsheet/table-import";
import { boundHeaders, boundRejectedRows, REGISTRY_UPLOAD_LIMITS, type UploadLimits } from "@/lib/spreadsheet/upload-limits";

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
  /** The rejected rows with their reasons and excerpts of their cells, as many as the report's budget holds. */
  rejected: RejectedRow[];
  /** Rejected rows past the budget: counted in rejectedRows, not listed. */
  rejectedOmitted?: number;
  /** Rows imported with a warning (a NIK issued outside the city), the first WARNINGS_KEPT of them. */
  warnings?: RowWarning[];
  /** Every row with a warning, listed or not. */
  warnedRows?: number;
  /** Each family the import changes and how (the first of each kind, with totals). */
  families?: FamilyChanges;
  /** Members move between families or a family gets a new head: the commit waits for the importer's confirmation. */
  needsConfirmation?: boolean;
  /**
   * Set when the file or the commit failed: messages naming their words (wordsMessage), said in
   * each reader's language (importFileWordsIn); Indonesian text in reports kept before.
   */
  error?: string | string[];
  /** The check's time: reading and validating the file, then its database part by step. */
  durationMs?: CheckDurations;
  /** The commit's time by step; the check's stays beside it. */
  commitDurationMs?: CommitDurations;
};

export type CheckDurations = { read: number; database: number; stage?: number; compare?: number; keep?: number };
export type CommitDurations = { database: number; compare: number; write: number; statistics: number };

export type ImportOutcome = {
  jobId: string;
  status: "DRY_RUN" | "COMMITTED" | "FAILED";
  counts: StagedCounts | null;
  totalRows: number;
  rejectedRows: number;
  skippedRows: number;
  /** The report's error in Indonesian, for the log and tests; the page says the kept report's in its reader's language. */
  error?: string;
};

type WithTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;

type ImportCommon = {
  withTenant: WithTenant;
  tenantId: string;
  userId: string | null;
  requestId?: string | null;
  ip?: string | null;
  onProgress?: (progress: ImportProgress) => void;
};

export type CheckImportOptions = ImportCommon & {
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  fileName: string;
  /** Size the client declared: for progress, and an upload that arrives shorter is refused. */
  fileSize?: number;
  source: RegistrySource;
  today?: Date;
  /** Tests only: tighter limits than the registry's. */
  limits?: Partial<UploadLimits>;
};

export type CommitImportOptions = ImportCommon & {
  /** The dry run to carry out. */
  jobId: string;
  /** The importer confirmed the moves and new heads the check listed. */
  confirmed?: boolean;
  /** Tests only: runs after each write batch. */
  afterBatch?: (batch: number) => void | Promise<void>;
  today?: Date;
};

/** Warnings a report lists; the rest are counted. Each is one short sentence. */
const WARNINGS_KEPT = 1000;

/** 10 minutes: a 100,000-row commit takes well under one on PostgreSQL. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

/** Why a commit was refused (messages/<locale>/RegistryImport.json, "refused"). */
export type ImportRefusal = "checkNotFound" | "alreadySaved" | "checkFailed" | "expired" | "registryMoved" | "familiesMoved" | "unconfirmed";

/** Refusals after which the check can no longer be committed (its job fails); after the others it waits, unchanged. */
const ENDS_CHECK: ReadonlySet<ImportRefusal> = new Set(["expired", "registryMoved", "familiesMoved"]);

export class ImportRefusedError extends AppError {
  constructor(readonly reason: ImportRefusal) {
    const words = { key: `RegistryImport.refused.${reason}`, params: {} };
    super(reason === "checkNotFound" ? "NOT_FOUND" : "CONFLICT", errorWordsIn(words, "id"), undefined, words);
    this.name = "ImportRefusedError";
  }

  get endsCheck(): boolean {
    return ENDS_CHECK.has(this.reason);
  }
}

/**
 * The dry run: reads and checks the file, compares it with the registry, keeps the valid rows.
 * A file past the upload limits is refused with UploadLimitError and leaves nothing behind.
 */
export async function checkRegistryImport(options: CheckImportOptions): Promise<ImportOutcome> {
  const { withTenant, tenantId } = options;
  const started = Date.now();
  const setup = await withTenant(tenantId, async (tx) => ({
    tenant: await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, kemendagriCode: true, timeZone: true } }),
    areas: await loadAreaMatcher(tx),
  }));

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
      declaredBytes: options.fileSize,
      limits: { ...REGISTRY_UPLOAD_LIMITS, ...options.limits },
      onBytes: (bytes) => options.onProgress?.({ phase: "read", done: bytes, total: options.fileSize }),
    });
    report.format = sheet.format;
    extract = await validateExtract(sheet.rows, {
      cityPrefix: setup.tenant.kemendagriCode.replace(/\D/g, "").slice(0, 4),
      cityName: setup.tenant.name,
      timeZone: setup.tenant.timeZone,
      areas: setup.areas,
      format: sheet.format,
      today: options.today,
      knownFamilies: () => withTenant(tenantId, (tx) => loadKnownFamilies(tx, tenantId)),
    });
    report.sha256 = sheet.digest();
    report.bytes = sheet.bytes();
    report.encoding = sheet.encoding();
    // A proxy that cut the upload short must not pass for a complete file.
    if (options.fileSize !== undefined && report.bytes !== options.fileSize) {
      throw new ImportFileError(wordsMessage("RegistryImport.errors.incomplete", { received: report.bytes, declared: options.fileSize }));
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    report.error = error.messages;
    const job = await withTenant(tenantId, (tx) => createJob(tx, tenantId, options, "FAILED", report));
    return { jobId: job, status: "FAILED", counts: null, totalRows: 0, rejectedRows: 0, skippedRows: 0, error: importFileWordsIn(error.messages, "id") };
  }

  Object.assign(report, {
    headers: boundHeaders(extract.headers),
    headerRowNumber: extract.headerRowNumber,
    ignoredColumns: boundHeaders(extract.ignoredColumns),
    totalRows: extract.totalRows,
    skippedRows: extract.skippedRows,
    warnings: extract.warnings.slice(0, WARNINGS_KEPT),
    warnedRows: extract.warnings.length,
  });
  const readMs = Date.now() - started;
  return withTenant(
    tenantId,
    async (tx) => {
      await lockImports(tx, tenantId);
      await prepareImportTransaction(tx);
      const dbStarted = Date.now();
      await dropExpiredStaged(tx, tenantId);
      const staged = await stageAndCompare(tx, tenantId, extract.households, extract.members, options.onProgress);
      const compared = Date.now();
      report.counts = staged.counts;
      const refused = refusedRows(extract, staged.refused);
      const rejected = refused.rows.length > 0 ? [...extract.rejected, ...refused.rows].sort((a, b) => a.rowNumber - b.rowNumber) : extract.rejected;
      const kept = boundRejectedRows(rejected);
      Object.assign(report, { rejectedRows: rejected.length, rejected: kept.kept, rejectedOmitted: kept.omitted });
      report.families = await describeFamilyChanges(tx, tenantId, staged.counts, staged.refused, refused.perFamily);
      report.needsConfirmation = staged.counts.moves + staged.counts.newHeads > 0;
      const jobId = await createJob(tx, tenantId, options, "DRY_RUN", report);
      const keepStarted = Date.now();
      await keepStaged(tx, tenantId, jobId, staged);
      const done = Date.now();
      report.durationMs = {
        read: readMs,
        database: done - dbStarted,
        stage: staged.stagedMs,
        compare: compared - dbStarted - staged.stagedMs,
        keep: done - keepStarted,
      };
      await tx.importJob.update({ where: { tenantId_id: { tenantId, id: jobId } }, data: { report: report as unknown as Prisma.InputJsonValue } });
      return outcome(jobId, "DRY_RUN", report);
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
}

/** The commit: writes the rows its dry run kept, after comparing them with the registry again. */
export async function commitRegistryImport(options: CommitImportOptions): Promise<ImportOutcome> {
  const { withTenant, tenantId, jobId } = options;
  const effectiveDate = dateToDay(await withTenant(tenantId, (tx) => cityToday(tx, tenantId, options.today)));
  let report: RegistryImportReport | null = null;
  try {
    return await withTenant(
      tenantId,
      async (tx) => {
        // One import of a city at a time: two commits would compare against the same registry.
        await lockImports(tx, tenantId);
        await prepareImportTransaction(tx);
        const job = await tx.importJob.findUnique({
          where: { tenantId_id: { tenantId, id: jobId } },
          select: { kind: true, status: true, report: true, createdAt: true },
        });
        if (!job || job.kind !== "REGISTRY") throw new ImportRefusedError("checkNotFound");
        if (job.status !== "DRY_RUN") {
          throw new ImportRefusedError(job.status === "COMMITTED" ? "alreadySaved" : "checkFailed");
        }
        report = job.report as unknown as RegistryImportReport;
        if (Date.now() - job.createdAt.getTime() > STAGED_FOR_HOURS * 3_600_000) throw new ImportRefusedError("expired");
        const dbStarted = Date.now();
        await dropExpiredStaged(tx, tenantId);
        const staged = await restageAndCompare(tx, tenantId, jobId);
        const compared = Date.now();
        if (!staged) throw new ImportRefusedError("expired");
        if (staged.refused.length > 0) throw new ImportRefusedError("registryMoved");
        // The confirmation covers the moves and new heads the check listed, not others since.
        const checked = report.counts;
        if (staged.counts.moves !== (checked?.moves ?? 0) || staged.counts.newHeads !== (checked?.newHeads ?? 0)) {
          throw new ImportRefusedError("familiesMoved");
        }
        if (staged.counts.moves + staged.counts.newHeads > 0 && !options.confirmed) throw new ImportRefusedError("unconfirmed");
        report.counts = staged.counts;
        await auditFamilyChanges(tx, {
          tenantId,
          userId: options.userId,
          importJobId: jobId,
          requestId: options.requestId ?? null,
          ip: options.ip ?? null,
        });
        await applyStaged(
          tx,
          {
            tenantId,
            importJobId: jobId,
            userId: options.userId,
            source: report.source,
            effectiveDate,
            reason: `impor registri ${report.fileName} (${jobId})`,
            onProgress: options.onProgress,
            afterBatch: options.afterBatch,
          },
          staged.sizes,
          staged.counts,
        );
        await dropStaged(tx, tenantId, jobId);
        const written = Date.now();
        // In the commit's own transaction: the next check of the city, which may come at once,
        // plans its comparison on these statistics (without them it ran for minutes).
        await refreshStatistics(tx, writtenTables(staged.counts), writtenRows(staged.counts));
        const done = Date.now();
        report.commitDurationMs = { database: done - dbStarted, compare: compared - dbStarted, write: written - compared, statistics: done - written };
        await tx.importJob.update({
          where: { tenantId_id: { tenantId, id: jobId } },
          data: { status: "COMMITTED", committedAt: new Date(), ...jobCounts(report), report: report as unknown as Prisma.InputJsonValue },
        });
        await recordAudit(tx, {
          tenantId,
          userId: options.userId,
          action: "import",
          entity: "ImportJob",
          entityId: jobId,
          after: { kind: "REGISTRY", fileName: report.fileName, source: report.source, sha256: report.sha256, ...jobCounts(report), counts: staged.counts },
          requestId: options.requestId ?? null,
          ip: options.ip ?? null,
        });
        return outcome(jobId, "COMMITTED", report);
      },
      { timeout: IMPORT_TIMEOUT_MS },
    );
  } catch (error) {
    const refusedBeforeStart = error instanceof ImportRefusedError && !error.endsCheck;
    if (refusedBeforeStart || !report) throw error;
    // Nothing of the import was written; the job says it failed, and what it kept goes.
    const failedReport = {
      ...(report as RegistryImportReport),
      error: wordsMessage(error instanceof ImportRefusedError ? error.words!.key : "RegistryImport.errors.saveFailed"),
    };
    await withTenant(tenantId, async (tx) => {
      await tx.importJob.update({
        where: { tenantId_id: { tenantId, id: jobId } },
        data: { status: "FAILED", report: failedReport as unknown as Prisma.InputJsonValue },
      });
      await dropStaged(tx, tenantId, jobId);
    }).catch(() => undefined);
    throw error;
  }
}

/** The rows of the families refused for want of a head, as rejected rows with their reason. */
function refusedRows(extract: ValidatedExtract, refused: RefusedFamily[]): { rows: RejectedRow[]; perFamily: Map<string, number> } {
  const perFamily = new Map<string, number>();
  if (refused.length === 0) return { rows: [], perFamily };
  const byKk = new Map(refused.map((family) => [family.noKk, refusalReason(family)]));
  const rows: RejectedRow[] = [];
  for (const member of extract.members) {
    const reason = byKk.get(member.noKk);
    if (!reason) continue;
    rows.push({ rowNumber: member.rowNumber, reasons: [reason], cells: extract.cellsOf(member.rowNumber) });
    perFamily.set(member.noKk, (perFamily.get(member.noKk) ?? 0) + 1);
  }
  return { rows, perFamily };
}

const writtenRows = (counts: StagedCounts) => counts.households.new + counts.households.changed + counts.members.new + counts.members.changed;

/** The tables a commit wrote, the summaries its triggers keep included. */
function writtenTables(counts: StagedCounts): AnalyzedTable[] {
  const tables: AnalyzedTable[] = ["Household", "Member", "HouseholdAreaCount"];
  if (counts.desilChanges > 0) tables.push("HouseholdDesilChange");
  if (counts.extremePoorChanges > 0) tables.push("HouseholdStatusEvent", "HouseholdYearReach");
  // A household moved or reclassified carries its reach and training counts along.
  if (counts.households.changed > 0) tables.push("HouseholdReach", "DashboardTrainingCount");
  return tables;
}

async function lockImports(tx: Tx, tenantId: string): Promise<void> {
  await lockName(tx, `registry-import:${tenantId}`);
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

async function createJob(tx: Tx, tenantId: string, options: CheckImportOptions, status: "DRY_RUN" | "FAILED", report: RegistryImportReport): Promise<string> {
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
    error: report.error === undefined ? undefined : importFileWordsIn(report.error, "id"),
  };
}
