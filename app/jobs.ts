// Every kind of job a worker runs. The web server only sends jobs; workers (scripts/worker.ts,
// or the web server itself on PGlite: instrumentation.ts) run this list.
import { duplicateJobs } from "@/features/registry/duplicates/jobs";
import { registryImportJobs } from "@/features/registry/import/jobs";
import { exportJob } from "@/app/exports";
import { housekeepingJobs } from "@/lib/jobs/housekeeping";
import type { AnyJobKind } from "@/lib/jobs/kinds";

export const jobKinds: readonly AnyJobKind[] = [...registryImportJobs, ...duplicateJobs, exportJob, ...housekeepingJobs];
