// Sends a file to the import route with XMLHttpRequest: it reports upload progress (fetch
// does not) and lets the streamed NDJSON answer be read line by line as it arrives.
import { registryRoutes } from "@/features/registry/routes";
import type { UploadEvent } from "@/features/registry/import/upload-event";

export type ImportStep =
  | { phase: "upload"; percent: number }
  | { phase: "read"; percent: number | null }
  | { phase: "compare" }
  | { phase: "stage" | "write"; done: number; total: number };

export type ImportAnswer = { ok: true; jobId: string; status: "DRY_RUN" | "COMMITTED" | "FAILED"; error?: string } | { ok: false; message: string | null };

/** The dry run sends its file; the commit names the dry run's job and sends nothing. */
export function sendImport(
  options: { tenantSlug: string; onStep: (step: ImportStep) => void } & ({ mode: "dry-run"; file: File; source: string } | { mode: "commit"; jobId: string }),
): Promise<ImportAnswer> {
  const file = options.mode === "dry-run" ? options.file : null;
  const query = new URLSearchParams(
    options.mode === "dry-run"
      ? { mode: "dry-run", source: options.source, name: options.file.name, size: String(options.file.size) }
      : { mode: "commit", job: options.jobId },
  );
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let answer: ImportAnswer | null = null;
    const drain = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", read);
      while (end !== -1) {
        const line = text.slice(read, end).trim();
        read = end + 1;
        end = text.indexOf("\n", read);
        if (!line) continue;
        const event = JSON.parse(line) as UploadEvent;
        if (event.type === "progress") {
          if (event.phase === "read") {
            options.onStep({ phase: "read", percent: event.total ? Math.min(100, Math.round((event.done / event.total) * 100)) : null });
          } else {
            options.onStep({ phase: event.phase, done: event.done, total: event.total ?? event.done });
          }
        } else if (event.type === "result") {
          answer = { ok: true, jobId: event.jobId, status: event.status, error: event.error };
        } else {
          answer = { ok: false, message: event.message };
        }
      }
    };
    xhr.open("POST", registryRoutes.importUpload(options.tenantSlug, query));
    xhr.setRequestHeader("x-entas-import", "1");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onStep({ phase: "upload", percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.onprogress = drain;
    xhr.onload = () => {
      drain();
      if (answer) return resolve(answer);
      try {
        const body = JSON.parse(xhr.responseText) as { message?: string };
        resolve({ ok: false, message: body.message ?? null });
      } catch {
        resolve({ ok: false, message: null });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.send(file);
  });
}
