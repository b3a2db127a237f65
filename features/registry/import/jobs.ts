// The registry import's two steps as jobs. The upload route keeps the file in the job's row and
// sends the check; the commit button sends the commit. Both write in one transaction each (see
// run-import.ts), so a worker that dies mid-way leaves the registry as it was, and the retry
// starts again from the kept file or the kept rows.
import { defineJob } from "@/lib/jobs/kinds";
import { UploadLimitError } from "@/lib/spreadsheet/upload-limits";
import { JobRefusedError, runTrackedJob, type TrackedJobData } from "@/lib/jobs/tracked";
import type { RegistrySource } from "@/lib/generated/prisma/enums";
import { dropExpiredStaged } from "./store";
import { checkRegistryImport, commitRegistryImport, ImportRefusedError } from "./run-import";

/** What the upload route keeps beside the file. A refusal is kept as words, read in each reader's language. */
export type RegistryCheckInput = { source: RegistrySource; fileSize?: number; requestId?: string; ip?: string | null };
/** `confirmed`: the importer ticked the confirmation of the moves and new heads the check listed. */
export type RegistryCommitInput = { requestId?: string; ip?: string | null; confirmed?: boolean };

const refused = (reason: "fileMissing" | "checkNotFound") => ({ key: `RegistryImport.refused.${reason}`, params: {} });

/** 15 minutes: the import's own transactions give up after 10. */
const IMPORT_EXPIRE_SECONDS = 15 * 60;

export const registryCheckJob = defineJob<TrackedJobData>({
  name: "registry.import.check",
  waitedOn: true,
  expireInSeconds: IMPORT_EXPIRE_SECONDS,
  retryLimit: 1,
  run: (data, run) =>
    runTrackedJob(data, run, async ({ job, progress }) => {
      const input = job.input as RegistryCheckInput;
      if (!job.file || !job.fileName) throw new JobRefusedError(refused("fileMissing"));
      try {
        const outcome = await checkRegistryImport({
          withTenant: run.scopes.withTenant,
          tenantId: job.tenantId,
          userId: job.createdById,
          requestId: input.requestId ?? null,
          ip: input.ip ?? null,
          body: job.file.pieces(),
          fileName: job.fileName,
          fileSize: input.fileSize,
          source: input.source,
          onProgress: progress,
        });
        return { resultId: outcome.jobId };
      } catch (error) {
        if (error instanceof ImportRefusedError || error instanceof UploadLimitError) throw new JobRefusedError(error.words!);
        throw error;
      }
    }),
});

export const registryCommitJob = defineJob<TrackedJobData>({
  name: "registry.import.commit",
  waitedOn: true,
  expireInSeconds: IMPORT_EXPIRE_SECONDS,
  retryLimit: 1,
  run: (data, run) =>
    runTrackedJob(data, run, async ({ job, progress }) => {
      const input = (job.input ?? {}) as RegistryCommitInput;
      const importJobId = job.resultId;
      if (!importJobId) throw new JobRefusedError(refused("checkNotFound"));
      try {
        await commitRegistryImport({
          withTenant: run.scopes.withTenant,
          tenantId: job.tenantId,
          userId: job.createdById,
          requestId: input.requestId ?? null,
          ip: input.ip ?? null,
          jobId: importJobId,
          confirmed: input.confirmed === true,
          onProgress: progress,
        });
        return { resultId: importJobId };
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) throw error;
        // A retry after the worker died between committing and telling the queue: it is done.
        const status = await run.scopes.withTenant(job.tenantId, (tx) =>
          tx.importJob.findUnique({ where: { tenantId_id: { tenantId: job.tenantId, id: importJobId } }, select: { status: true } }),
        );
        if (status?.status === "COMMITTED" && run.retryCount > 0) return { resultId: importJobId };
        throw new JobRefusedError(error.words!);
      }
    }),
});

/** Hourly: the rows kept by checks nobody committed go after a day, whether or not the city imports again. */
export const dropExpiredStagedJob = defineJob<object>({
  name: "registry.import.drop-expired",
  expireInSeconds: 15 * 60,
  retryLimit: 1,
  cron: "7 * * * *",
  run: async (_data, run) => {
    const tenants = await run.scopes.withPlatform((tx) => tx.tenant.findMany({ select: { id: true } }));
    for (const tenant of tenants) await run.scopes.withTenant(tenant.id, (tx) => dropExpiredStaged(tx, tenant.id), { timeout: 10 * 60_000 });
  },
});

export const registryImportJobs = [registryCheckJob, registryCommitJob, dropExpiredStagedJob] as const;
export const REGISTRY_IMPORT_JOB_KINDS = [registryCheckJob.name, registryCommitJob.name] as const;
