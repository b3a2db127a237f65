// What the import route answers (one JSON object) and what the job's status route answers, as
// the routes write them and the page's script (ui/send-import.ts) reads them.
import type { TrackedJobView } from "@/lib/jobs/tracked";

export type UploadEvent = { type: "queued"; taskId: string } | { type: "error"; message: string; code?: string };

/** The job as the page polls it. */
export type ImportTaskStatus = Pick<TrackedJobView, "state" | "progress" | "resultId" | "error" | "attempts" | "cancelRequested">;
