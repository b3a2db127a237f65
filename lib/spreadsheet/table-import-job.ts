// A small-table import as a server action that queues a job, and the job that does the work.
// The action passes the gate (the import's permission) and keeps the file, the mode, the form's
// options and the admitted user with the job; it writes nothing else. The job reads the user
// again (lib/auth/job-user.ts) and checks the permission once more, reads the file in the parse
// thread under TABLE_UPLOAD_LIMITS, then checks and saves the rows in one transaction, which
// writes the report beside them: a job that fails or is cancelled leaves nothing half-written.
import type { z as zod } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/actions/define";
import { appErrorWordsIn, wordsOfMessage } from "@/lib/actions/error-words";
import { currentJobUser, jobUserOf, type JobUser } from "@/lib/auth/job-user";
import { userCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forbidden, isAppError, type ErrorWords } from "@/lib/errors";
import { wordsMessage } from "@/lib/errors/words-message";
import { defineJob, type JobKind, type JobRun } from "@/lib/jobs/kinds";
import { JobRefusedError, runTrackedJob, startTrackedJob, type TrackedJobData, type TrackedWork } from "@/lib/jobs/tracked";
import { z } from "@/lib/validation/zod";
import { fileRefusal, ImportFileError, importFileWordsIn } from "./read";
import { applyTableImport, readTable, type ImportMode, type OptionsOf, type OptionsShape, type TableImportSpec } from "./table-import";
import type { TableImportOutcome, TableImportQueued } from "./table-import-status";
import { refuseDeclaredLength, TABLE_UPLOAD_LIMITS } from "./upload-limits";

/** What the action keeps with the job besides the file. All of it comes from the server. */
type TableImportJobInput = {
  mode: ImportMode;
  options: Record<string, unknown>;
  user: JobUser;
  requestId: string;
  ip: string | null;
  /** The uploader's language, for the refusal read later on the page. */
  locale: string | null;
};

/** A file's refusal as its words, kept so each reader reads it in their language; several at once in the uploader's. */
function fileRefusalWords(error: ImportFileError, locale: string | null): string | ErrorWords {
  const only = error.messages.length === 1 ? wordsOfMessage(error.messages[0]!) : undefined;
  return only ?? importFileWordsIn(error.messages, locale);
}

/** Ten minutes: the import's transaction gives up after two by default. */
const TABLE_IMPORT_EXPIRE_SECONDS = 10 * 60;

const mode = z.enum(["dry-run", "commit"], { error: wordsMessage("Spreadsheet.errors.chooseMode") });
const chooseFile = wordsMessage("Spreadsheet.errors.chooseFile");

const file = z
  .instanceof(File, { error: chooseFile })
  .refine((file) => file.size > 0, chooseFile)
  // A file declared past the limit is refused before a byte of it is read.
  .transform((file) => (refuseDeclaredLength(file.size, TABLE_UPLOAD_LIMITS), file));

function inputSchema<Shape extends OptionsShape>(options: Shape | undefined) {
  return z.object({ mode, file, options: z.object((options ?? {}) as Shape) });
}

type QueueSchema<Shape extends OptionsShape> = zod.ZodType<{ mode: ImportMode; file: File; options: OptionsOf<Shape> }>;

/** A table import: the action that queues it (wire it with tenantAction), and its job (list it in app/jobs.ts). */
export type TableImportDefinition<Key extends string, T, Shape extends OptionsShape> = ActionDefinition<QueueSchema<Shape>, TableImportQueued> & {
  job: JobKind<TrackedJobData>;
  spec: TableImportSpec<Key, T, Shape>;
};

export function defineTableImport<Key extends string, T, Shape extends OptionsShape = Record<never, never>>(
  spec: TableImportSpec<Key, T, Shape>,
): TableImportDefinition<Key, T, Shape> {
  const job = tableImportJob(spec);
  const action = defineAction({
    name: spec.name,
    permission: spec.permission,
    // The options arrive as top-level form fields beside file and mode.
    schema: z.preprocess((input) => (isRecord(input) ? { ...input, options: input } : input), inputSchema(spec.options)) as unknown as QueueSchema<Shape>,
    columns: spec.columns,
    run: async (ctx, input): Promise<TableImportQueued> => {
      const data: TableImportJobInput = {
        mode: input.mode,
        options: input.options as Record<string, unknown>,
        user: jobUserOf(ctx.user),
        requestId: ctx.requestId,
        ip: ctx.ip ?? null,
        locale: ctx.locale ?? null,
      };
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const taskId = await startTrackedJob(ctx.tx, job, {
        tenantId: ctx.tenantId,
        userId: ctx.user.id,
        input: data as unknown as Prisma.InputJsonValue,
        file: bytes,
        fileName: input.file.name,
      });
      return { taskId, statusHref: spec.taskRoute(ctx.tenantSlug, taskId) };
    },
  });
  return Object.assign(action, { job, spec });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function tableImportJob<Key extends string, T, Shape extends OptionsShape>(spec: TableImportSpec<Key, T, Shape>): JobKind<TrackedJobData> {
  return defineJob<TrackedJobData>({
    name: spec.name,
    expireInSeconds: TABLE_IMPORT_EXPIRE_SECONDS,
    retryLimit: 1,
    waitedOn: true,
    run: (data, run) => runTrackedJob(data, run, (work) => runTableImportJob(spec, work, run)),
  });
}

async function runTableImportJob<Key extends string, T, Shape extends OptionsShape>(
  spec: TableImportSpec<Key, T, Shape>,
  { job, progress }: TrackedWork,
  run: JobRun,
): Promise<{ resultId?: string | null }> {
  const { withTenant } = run.scopes;
  const tenantId = job.tenantId;
  const where = { tenantId_id: { tenantId, id: job.id } };
  const input = job.input as unknown as TableImportJobInput;
  const keep = (outcome: TableImportOutcome) => ({ result: outcome as unknown as Prisma.InputJsonValue });
  try {
    const user = await withTenant(tenantId, (tx) => currentJobUser(tx, input.user));
    if (!user || !userCan(user, spec.permission)) throw forbidden();
    if (!job.file || !job.fileName) throw new ImportFileError(fileRefusal("fileMissing"));
    const options = (await z.object((spec.options ?? {}) as Shape).parseAsync(input.options)) as OptionsOf<Shape>;

    progress({ phase: "read", done: 0 });
    const table = await readTable(new File([await job.file.bytes()], job.fileName), spec.columns, spec.parseRow);

    const actor = { userId: user.id, requestId: input.requestId, ip: input.ip };
    await withTenant(
      tenantId,
      async (tx) => {
        const ctx = { tx, user, tenantId, tenantSlug: user.tenantSlug, requestId: input.requestId, ip: input.ip, locale: input.locale };
        const report = await applyTableImport(ctx, spec, input.mode, table, options, (done, total) => progress({ phase: "write", done, total }));
        await tx.backgroundJob.update({ where, data: keep({ report }) });
      },
      { actor, timeout: spec.timeout ?? 120_000 },
    );
    return {};
  } catch (error) {
    const refusal =
      error instanceof ImportFileError
        ? { failure: { code: "INVALID", field: "file" as const }, message: fileRefusalWords(error, input.locale) }
        : isAppError(error)
          ? { failure: { code: error.code }, message: appErrorWordsIn(error, input.locale) }
          : null;
    if (!refusal) throw error;
    await withTenant(tenantId, (tx) => tx.backgroundJob.update({ where, data: keep({ failure: refusal.failure }) }));
    throw new JobRefusedError(refusal.message);
  }
}
