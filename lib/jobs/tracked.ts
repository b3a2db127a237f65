// Jobs a user started from a page: a BackgroundJob row in the city's scope says what the job is
// doing (progress), how it ended (the record it made, or why it failed) and whether the user
// asked to stop it. The page polls that row; the queue only delivers.
import { refuseWhileCityMoves } from "@/lib/db/city-moving";
import { errorWordsIn } from "@/lib/actions/error-words";
import type { Tx } from "@/lib/db";
import type { ErrorWords } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BackgroundJobState } from "@/lib/generated/prisma/enums";
import { startHeartbeat } from "./heartbeat";
import { dropJobFile, findJobFile, inPiecesOf, JOB_FILE_PART_BYTES, type JobFile, writeJobFile, writeJobFilePart } from "./job-file";
import { enqueue, type QueueNaming } from "./queue";
import type { JobKind, JobRun } from "./kinds";

/** What a tracked job's queue message carries: the row, never the work itself. */
export type TrackedJobData = { tenantId: string; jobId: string };

export type JobProgress = { phase: string; done: number; total?: number };

export type TrackedJobView = {
  id: string;
  kind: string;
  state: BackgroundJobState;
  progress: JobProgress | null;
  resultId: string | null;
  /** Why it failed or was cancelled, in the reader's language. */
  error: string | null;
  attempts: number;
  cancelRequested: boolean;
};

/**
 * A refusal the user should read (the job ends FAILED with it, no retry). Given its catalogue
 * words, each reader gets it in their language; a bare text is shown as it is.
 */
export class JobRefusedError extends Error {
  readonly userMessage: string;
  readonly words?: ErrorWords;

  constructor(message: string | ErrorWords) {
    const text = typeof message === "string" ? message : errorWordsIn(message, "id");
    super(text);
    this.name = "JobRefusedError";
    this.userMessage = text;
    if (typeof message !== "string") this.words = message;
  }
}

/** Thrown from a progress report once the user asked to stop: the job's transaction rolls back. */
export class JobCancelledError extends Error {
  constructor() {
    super("job cancelled");
    this.name = "JobCancelledError";
  }
}

const jobWords = (key: "cancelled" | "failed" | "interrupted" | "workerStopped"): ErrorWords => ({ key: `Jobs.${key}`, params: {} });

/** How a job ends when it is not its work that says why (messages/<locale>/Jobs.json). */
export const JOB_WORDS = {
  cancelled: jobWords("cancelled"),
  failed: jobWords("failed"),
  interrupted: jobWords("interrupted"),
  workerStopped: jobWords("workerStopped"),
} as const;

/** The same, in Indonesian. */
export const JOB_MESSAGES = Object.fromEntries(Object.entries(JOB_WORDS).map(([name, words]) => [name, errorWordsIn(words, "id")])) as Record<
  keyof typeof JOB_WORDS,
  string
>;

/** The columns that record why a job ended: its words for each reader, and their Indonesian for logs. */
export function endedBecause(reason: string | ErrorWords): Pick<Prisma.BackgroundJobUpdateInput, "error" | "errorKey" | "errorParams"> {
  if (typeof reason === "string") return { error: reason, errorKey: null };
  return { error: errorWordsIn(reason, "id"), errorKey: reason.key, errorParams: reason.params };
}

type TrackedJobOptions = { tenantId: string; userId: string | null; input?: Prisma.InputJsonValue; fileName?: string; resultId?: string } & QueueNaming;

/**
 * Records a job for the city and sends it, in the caller's transaction. `file` is the upload
 * the job reads (kept until the job ends); an upload still arriving goes through
 * startTrackedUpload instead.
 */
export async function startTrackedJob(tx: Tx, kind: JobKind<TrackedJobData>, options: TrackedJobOptions & { file?: Uint8Array }): Promise<string> {
  const jobId = await recordTrackedJob(tx, kind, options);
  if (options.file) await writeJobFile(tx, options.tenantId, jobId, options.file);
  await sendTrackedJob(tx, kind, options.tenantId, jobId, options);
  return jobId;
}

/**
 * Records a job whose file is a request body still arriving, writes the body piece by piece as
 * it comes (each piece in its own short transaction: a slow phone must not hold a connection
 * for minutes), then sends the job. Null when the body passes `limit` bytes: reading stops
 * there and the job is gone. A job left half-received by a dying server is never sent; the
 * hourly purge drops it.
 */
export async function startTrackedUpload(
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>,
  kind: JobKind<TrackedJobData>,
  options: TrackedJobOptions & { body: ReadableStream<Uint8Array>; limit: number },
): Promise<string | null> {
  const { tenantId, body, limit } = options;
  const jobId = await withTenant(tenantId, (tx) => recordTrackedJob(tx, kind, options));
  const forget = () => withTenant(tenantId, (tx) => tx.backgroundJob.deleteMany({ where: { tenantId, id: jobId } }));
  let tooLarge = false;
  async function* upTo(limit: number): AsyncIterable<Uint8Array> {
    let received = 0;
    for await (const chunk of body) {
      received += chunk.byteLength;
      if (received > limit) {
        tooLarge = true;
        await body.cancel().catch(() => undefined);
        return;
      }
      yield chunk;
    }
  }
  try {
    let seq = 0;
    for await (const piece of inPiecesOf(JOB_FILE_PART_BYTES, upTo(limit))) {
      if (tooLarge) break;
      const at = seq++;
      await withTenant(tenantId, (tx) => writeJobFilePart(tx, tenantId, jobId, at, piece));
    }
    if (tooLarge) {
      await forget();
      return null;
    }
    await withTenant(tenantId, (tx) => sendTrackedJob(tx, kind, tenantId, jobId, options));
    return jobId;
  } catch (error) {
    await forget().catch(() => undefined);
    throw error;
  }
}

async function recordTrackedJob(tx: Tx, kind: JobKind<TrackedJobData>, options: TrackedJobOptions): Promise<string> {
  await refuseWhileCityMoves(tx, options.tenantId);
  const job = await tx.backgroundJob.create({
    data: {
      tenantId: options.tenantId,
      kind: kind.name,
      input: options.input,
      fileName: options.fileName?.slice(0, 200),
      resultId: options.resultId,
      createdById: options.userId,
    },
    select: { id: true },
  });
  return job.id;
}

async function sendTrackedJob(tx: Tx, kind: JobKind<TrackedJobData>, tenantId: string, jobId: string, naming: QueueNaming): Promise<void> {
  const queueJobId = await enqueue(tx, kind, { tenantId, jobId }, naming);
  // Kept so that a job the queue gave up on before any worker took it can be told apart (stale.ts).
  if (queueJobId) await tx.backgroundJob.update({ where: { tenantId_id: { tenantId, id: jobId } }, data: { queueJobId }, select: { id: true } });
}

const VIEW = {
  id: true,
  kind: true,
  state: true,
  progress: true,
  resultId: true,
  error: true,
  errorKey: true,
  errorParams: true,
  attempts: true,
  cancelRequested: true,
} as const;

type ViewRow = Prisma.BackgroundJobGetPayload<{ select: typeof VIEW }>;

function view({ errorKey, errorParams, ...job }: ViewRow, locale: string): TrackedJobView {
  const error = errorKey ? errorWordsIn({ key: errorKey, params: (errorParams ?? {}) as ErrorWords["params"] }, locale) : job.error;
  return { ...job, error, progress: job.progress as JobProgress | null };
}

/** The job as its page shows it, in the reader's language (`locale`), or null (another city's job does not exist). */
export async function readTrackedJob(tx: Tx, tenantId: string, jobId: string, kinds: readonly string[], locale = "id"): Promise<TrackedJobView | null> {
  const job = await tx.backgroundJob.findUnique({ where: { tenantId_id: { tenantId, id: jobId } }, select: VIEW });
  if (!job || !kinds.includes(job.kind)) return null;
  return view(job, locale);
}

/** The city's latest job of these kinds still waiting or running, for a page opened (or reloaded) while it works. */
export async function findUnfinishedTrackedJob(tx: Tx, tenantId: string, kinds: readonly string[], locale = "id"): Promise<TrackedJobView | null> {
  const job = await tx.backgroundJob.findFirst({
    where: { tenantId, kind: { in: [...kinds] }, state: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
    select: VIEW,
  });
  return job ? view(job, locale) : null;
}

/**
 * Asks a job to stop: one still waiting ends at once; a running one stops at its next
 * progress report, and its transaction rolls back. Null when there is no such job.
 */
export async function cancelTrackedJob(tx: Tx, tenantId: string, jobId: string, kinds: readonly string[], locale = "id"): Promise<TrackedJobView | null> {
  const job = await readTrackedJob(tx, tenantId, jobId, kinds, locale);
  if (!job || (job.state !== "QUEUED" && job.state !== "RUNNING")) return job;
  const waiting = job.state === "QUEUED";
  await tx.backgroundJob.update({
    where: { tenantId_id: { tenantId, id: jobId } },
    data: waiting ? { cancelRequested: true, state: "CANCELLED", ...endedBecause(JOB_WORDS.cancelled), finishedAt: new Date() } : { cancelRequested: true },
  });
  if (waiting) await dropJobFile(tx, tenantId, jobId);
  return readTrackedJob(tx, tenantId, jobId, kinds, locale);
}

/** What the work of a tracked job is given. */
export type TrackedWork = {
  job: {
    id: string;
    tenantId: string;
    createdById: string | null;
    input: Prisma.JsonValue;
    file: JobFile | null;
    fileName: string | null;
    resultId: string | null;
  };
  /** Reports progress (at most every half second to the database); throws once cancelled. */
  progress: (progress: JobProgress) => void;
  run: JobRun;
};

const PROGRESS_EVERY_MS = 500;

/**
 * Runs a tracked job's work: marks it running, reports progress, and records how it ended. A
 * JobRefusedError ends it FAILED with its message; any other error is retried by the queue
 * while tries are left, and on the last try ends it FAILED. A job that already ended (a retry
 * after the worker died between finishing and telling the queue) is left alone.
 */
export async function runTrackedJob(
  data: TrackedJobData,
  run: JobRun,
  work: (context: TrackedWork) => Promise<{ resultId?: string | null; error?: string | ErrorWords | null }>,
): Promise<void> {
  // The job row's own transactions: taking the job once read its whole file in one (a registry
  // extract is up to 100 MB). On a busy machine, in a worker at a lower priority than the web servers, that took
  // longer than the 20 s a page's transaction gets, and a 100,000-household check failed three
  // times before it began.
  const withTenant = <T>(id: string, fn: (tx: Tx) => Promise<T>) => run.scopes.withTenant(id, fn, { timeout: 5 * 60_000 });
  const { tenantId, jobId } = data;
  const where = { tenantId_id: { tenantId, id: jobId } };
  const job = await withTenant(tenantId, async (tx) => {
    const found = await tx.backgroundJob.findUnique({
      where,
      select: { id: true, tenantId: true, state: true, cancelRequested: true, createdById: true, input: true, fileName: true, resultId: true },
    });
    if (!found || found.state === "DONE" || found.state === "FAILED" || found.state === "CANCELLED") return null;
    if (run.retryCount > run.retryLimit) {
      await tx.backgroundJob.update({ where, data: { state: "FAILED", ...endedBecause(JOB_WORDS.interrupted), finishedAt: new Date() } });
      await dropJobFile(tx, tenantId, jobId);
      return null;
    }
    if (found.cancelRequested) {
      await tx.backgroundJob.update({ where, data: { state: "CANCELLED", ...endedBecause(JOB_WORDS.cancelled), finishedAt: new Date() } });
      await dropJobFile(tx, tenantId, jobId);
      return null;
    }
    await tx.backgroundJob.update({
      where,
      data: {
        state: "RUNNING",
        startedAt: new Date(),
        heartbeatAt: new Date(),
        queueJobId: run.queueJobId,
        attempts: { increment: 1 },
        progress: { phase: "start", done: 0 },
      },
    });
    return found;
  });
  if (!job) return;

  let cancelled = false;
  let last = 0;
  let writes: Promise<unknown> = Promise.resolve();
  const progress = (next: JobProgress) => {
    if (cancelled) throw new JobCancelledError();
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && next.done !== next.total) return;
    last = now;
    // Not awaited: the caller may be inside its own transaction (on PGlite the write waits for it).
    writes = writes
      .then(() =>
        withTenant(tenantId, (tx) =>
          tx.backgroundJob.update({ where, data: { progress: next as unknown as Prisma.InputJsonValue }, select: { cancelRequested: true } }),
        ),
      )
      .then((row) => {
        if (row.cancelRequested) cancelled = true;
      })
      .catch(() => undefined);
  };
  const heartbeat = startHeartbeat(run.scopes, tenantId, jobId);
  const finish = async (data: Prisma.BackgroundJobUpdateInput) => {
    heartbeat.stop();
    await writes;
    await withTenant(tenantId, async (tx) => {
      await tx.backgroundJob.update({ where, data: { ...data, finishedAt: new Date() } });
      await dropJobFile(tx, tenantId, jobId);
    });
  };

  try {
    const file = await findJobFile(withTenant, tenantId, jobId);
    const outcome = await work({ job: { ...job, file }, progress, run });
    await finish(
      outcome.error
        ? { state: "FAILED", ...endedBecause(outcome.error), resultId: outcome.resultId ?? job.resultId }
        : { state: "DONE", resultId: outcome.resultId ?? job.resultId },
    );
  } catch (error) {
    if (error instanceof JobCancelledError || cancelled) return finish({ state: "CANCELLED", ...endedBecause(JOB_WORDS.cancelled) });
    if (error instanceof JobRefusedError) return finish({ state: "FAILED", ...endedBecause(error.words ?? error.userMessage) });
    if (run.retryCount >= run.retryLimit) {
      await finish({ state: "FAILED", ...endedBecause(JOB_WORDS.failed) });
    } else {
      heartbeat.stop();
      await writes;
      await withTenant(tenantId, (tx) => tx.backgroundJob.update({ where, data: { state: "QUEUED", heartbeatAt: null } }));
    }
    throw error;
  }
}
