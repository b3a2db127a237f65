// The lines of the import route's streamed answer (NDJSON), as the route writes them and the
// page's script (ui/send-import.ts) reads them.
import type { ImportProgress } from "./run-import";

export type UploadEvent =
  | { type: "progress"; phase: ImportProgress["phase"]; done: number; total?: number }
  | { type: "result"; jobId: string; status: "DRY_RUN" | "COMMITTED" | "FAILED"; error?: string }
  | { type: "error"; message: string; code?: string };
