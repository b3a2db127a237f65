// What a small-table import's job answers the page that polls it (../impor/tugas/[taskId]), as
// the route writes it and the upload panel reads it. Imports nothing the browser cannot load.
import type { BackgroundJobState } from "@/lib/generated/prisma/enums";
import type { JobProgress } from "@/lib/jobs/tracked";
import type { TableImportReport } from "./table-import";

/** What the job keeps in BackgroundJob.result: the report, or the code of its refusal (and "file" when the file itself was refused). */
export type TableImportOutcome = { report: TableImportReport } | { failure: TableImportRefusal };

export type TableImportRefusal = { code: string; field?: "file" };

export type TableImportStatus = {
  state: BackgroundJobState;
  progress: JobProgress | null;
  attempts: number;
  cancelRequested: boolean;
  /** The message of a refusal, a failure or a cancellation, in the uploader's language where it has one. */
  error: string | null;
  /** The refusal, when the job refused. */
  refusal: TableImportRefusal | null;
  /** Once DONE. */
  report: TableImportReport | null;
};

/** The answer of the server action that queues an import. */
export type TableImportQueued = { taskId: string; statusHref: string };
