// What the export links' script and the export route agree on (no server code here).

/** ?tugas=<job>: the status of an export queued as a job; with &unduh=1, its file. */
export const EXPORT_JOB_PARAM = "tugas";
export const EXPORT_DOWNLOAD_PARAM = "unduh";
/** Sent by the page's script only: a cancel without it is refused. */
export const EXPORT_CANCEL_HEADER = "x-entas-export";

export type ExportJobStatus = {
  state: "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";
  /** Rows written so far. */
  rows: number | null;
  /** Whether the file can be downloaded (built, not expired). */
  ready: boolean;
  /** Why it failed, in the words the job gave. */
  error: string | null;
};

/** An export route's URL for a job: its status, or (`download`) its file. */
export function exportJobUrl(href: string, jobId: string, download = false): string {
  const query = new URLSearchParams([[EXPORT_JOB_PARAM, jobId], ...(download ? [[EXPORT_DOWNLOAD_PARAM, "1"]] : [])]);
  return `${href}?${query}`;
}
