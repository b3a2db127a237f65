// Every kind of job a worker runs. The web server only sends jobs; workers (scripts/worker.ts,
// or the web server itself on PGlite: instrumentation.ts) run this list.
import { importDistributionsDefinition } from "@/features/aid/distribution-import";
import { importRealisationsDefinition } from "@/features/budget/realisation-import";
import { duplicateJobs } from "@/features/registry/duplicates/jobs";
import { registryImportJobs } from "@/features/registry/import/jobs";
import { exportJob } from "@/app/exports";
import { importRepaymentsDefinition } from "@/features/revolving-funds/repayment-import";
import { importStatisticsDefinition } from "@/features/statistics/import";
import { importParticipantsDefinition } from "@/features/trainings/participant-import";
import { housekeepingJobs } from "@/lib/jobs/housekeeping";
import type { AnyJobKind } from "@/lib/jobs/kinds";

/** The small-table imports: each queues its check or commit from its page. */
const tableImportJobs = [
  importDistributionsDefinition.job,
  importParticipantsDefinition.job,
  importRealisationsDefinition.job,
  importStatisticsDefinition.job,
  importRepaymentsDefinition.job,
];

export const jobKinds: readonly AnyJobKind[] = [...registryImportJobs, ...duplicateJobs, exportJob, ...housekeepingJobs, ...tableImportJobs];
