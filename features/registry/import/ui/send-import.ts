// Sends a file to the import route with XMLHttpRequest (it reports upload progress; fetch does
// not), then follows the job the route queued by polling its status until it ends.
import { registryRoutes } from "@/features/registry/routes";
import type { ImportTaskStatus, UploadEvent } from "@/features/registry/import/upload-event";

export type ImportStep =
  | { phase: "upload"; percent: number }
  | { phase: "queued"; retry: boolean }
  | { phase: "read"; percent: number | null }
  | { phase: "compare" }
  | { phase: "stage" | "write"; done: number; total: number };

export type ImportAnswer = { ok: true; jobId: string; status: "DONE" | "FAILED" | "CANCELLED"; error?: string } | { ok: false; message: string | null };

const POLL_MS = 1_000;

/**
 * The dry run sends its file; the commit names the dry run's job and sends nothing. `onTask`
 * receives the queued job's id as soon as there is one (to offer "cancel").
 */
export async function sendImport(
  options: { tenantSlug: string; onStep: (step: ImportStep) => void; onTask?: (taskId: string) => void } & (
    | { mode: "dry-run"; file: File; source: string }
    | { mode: "commit"; jobId: string; confirmed?: boolean }
  ),
): Promise<ImportAnswer> {
  const queued = await upload(options);
  if (!queued.ok) return queued;
  options.onTask?.(queued.taskId);
  options.onStep({ phase: "queued", retry: false });
  return (await followImport(options.tenantSlug, queued.taskId, options.onStep))!;
}

/**
 * Polls a queued or running job (one just sent, or one the page found on load) until it ends,
 * or until `signal` aborts (the page left): then the answer is null.
 */
export async function followImport(tenantSlug: string, taskId: string, onStep: (step: ImportStep) => void, signal?: AbortSignal): Promise<ImportAnswer | null> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal?.aborted) return null;
    const status = await poll(tenantSlug, taskId);
    if (!status) continue;
    if (status.state === "DONE" || status.state === "FAILED" || status.state === "CANCELLED") {
      if (!status.resultId) return { ok: false, message: status.error };
      return { ok: true, jobId: status.resultId, status: status.state, error: status.error ?? undefined };
    }
    onStep(importStep(status));
  }
}

/** Asks the server to stop the job; the poll then sees it end. */
export async function cancelImport(tenantSlug: string, taskId: string): Promise<void> {
  await fetch(registryRoutes.importTask(tenantSlug, taskId), { method: "POST", headers: { "x-entas-import": "1" } }).catch(() => undefined);
}

/** Where a job stands, as the progress bar shows it. */
export function importStep(status: ImportTaskStatus): ImportStep {
  const progress = status.progress;
  if (status.state === "QUEUED" || !progress || progress.phase === "start") return { phase: "queued", retry: status.attempts > 0 };
  if (progress.phase === "read") {
    return { phase: "read", percent: progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null };
  }
  if (progress.phase === "stage" || progress.phase === "write") return { phase: progress.phase, done: progress.done, total: progress.total ?? progress.done };
  return { phase: "compare" };
}

async function poll(tenantSlug: string, taskId: string): Promise<ImportTaskStatus | null> {
  try {
    const response = await fetch(registryRoutes.importTask(tenantSlug, taskId), { cache: "no-store" });
    return response.ok ? ((await response.json()) as ImportTaskStatus) : null;
  } catch {
    return null;
  }
}

function upload(
  options: { tenantSlug: string; onStep: (step: ImportStep) => void } & (
    | { mode: "dry-run"; file: File; source: string }
    | { mode: "commit"; jobId: string; confirmed?: boolean }
  ),
): Promise<{ ok: true; taskId: string } | { ok: false; message: string | null }> {
  const file = options.mode === "dry-run" ? options.file : null;
  const query = new URLSearchParams(
    options.mode === "dry-run"
      ? { mode: "dry-run", source: options.source, name: options.file.name, size: String(options.file.size) }
      : { mode: "commit", job: options.jobId, ...(options.confirmed ? { confirm: "1" } : {}) },
  );
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", registryRoutes.importUpload(options.tenantSlug, query));
    xhr.setRequestHeader("x-entas-import", "1");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onStep({ phase: "upload", percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.onload = () => {
      try {
        const event = JSON.parse(xhr.responseText) as UploadEvent;
        resolve(event.type === "queued" ? { ok: true, taskId: event.taskId } : { ok: false, message: event.message });
      } catch {
        resolve({ ok: false, message: null });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.send(file);
  });
}
