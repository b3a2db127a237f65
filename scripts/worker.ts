// `npm run worker`: runs the jobs (app/jobs.ts) against DATABASE_URL until stopped. Start as
// many as the work needs, beside any number of web servers. On SIGTERM / SIGINT it stops taking
// jobs and waits for the running ones; a job it cannot finish is retried by another worker.
// Not for PGlite: there the web server runs the jobs itself. It runs at a lower priority
// (nice 10, WORKER_NICE to change it) so that web servers on the same machine come first.
import { jobKinds } from "../app/jobs";
import { databaseTarget } from "../lib/db/adapter";
import { lowerProcessPriority } from "../lib/jobs/process-priority";
import { closeDb, startProcessWorker } from "../lib/jobs/process-worker";

async function main(): Promise<void> {
  if (databaseTarget().kind !== "postgres") {
    console.error("The worker needs DATABASE_URL (PostgreSQL). On PGlite the web server runs the jobs itself.");
    process.exit(2);
  }
  lowerProcessPriority();
  const worker = await startProcessWorker(jobKinds);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[jobs] ${signal}: finishing running jobs`);
    await worker.stop({ timeoutMs: 60_000 });
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
