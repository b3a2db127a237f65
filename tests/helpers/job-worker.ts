// A worker in a process of its own, for tests that kill it: runs the registry import jobs on
// DATABASE_URL under the queue names prefixed with JOBS_TEST_PREFIX, until killed.
import { registryImportJobs } from "@/features/registry/import/jobs";
import { withEveryPod, withPlatform, withTenant } from "@/lib/db";
import { databaseTarget } from "@/lib/db/adapter";
import { startWorker } from "@/lib/jobs/worker";

await startWorker({
  target: databaseTarget(),
  kinds: registryImportJobs,
  scopes: { withTenant, withPlatform, withEveryPod },
  prefix: process.env.JOBS_TEST_PREFIX,
  schedules: false,
  pollingIntervalSeconds: 0.5,
  log: (message) => console.log(message),
});
