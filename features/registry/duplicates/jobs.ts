import { defineJob } from "@/lib/jobs/kinds";
import { runTrackedJob, type TrackedJobData } from "@/lib/jobs/tracked";
import { DUPLICATE_SCAN_TIMEOUT_MS, SCANNED_KINDS, scanDuplicates, type ScannedKind } from "./detect";

/** What the "check now" form asks for. */
export type DuplicateScanInput = { kinds: ScannedKind[] };

/** A scan a user asked for: two grouping passes over the city, off the request path. */
export const duplicateScanRequestJob = defineJob<TrackedJobData>({
  name: "registry.duplicates.scan-city",
  waitedOn: true,
  expireInSeconds: 15 * 60,
  retryLimit: 1,
  run: (data, run) =>
    runTrackedJob(data, run, async ({ job }) => {
      const { kinds } = job.input as DuplicateScanInput;
      await run.scopes.withTenant(job.tenantId, (tx) => scanDuplicates(tx, job.tenantId, kinds), { timeout: DUPLICATE_SCAN_TIMEOUT_MS });
      return {};
    }),
});

/** Nightly: every city's registry is scanned for suspected duplicates. */
export const duplicateScanJob = defineJob<object>({
  name: "registry.duplicates.scan",
  expireInSeconds: 60 * 60,
  retryLimit: 1,
  cron: "30 19 * * *",
  run: async (_data, run) => {
    const tenants = await run.scopes.withPlatform((tx) => tx.tenant.findMany({ select: { id: true } }));
    for (const tenant of tenants) {
      await run.scopes.withTenant(tenant.id, (tx) => scanDuplicates(tx, tenant.id, SCANNED_KINDS), { timeout: DUPLICATE_SCAN_TIMEOUT_MS });
    }
  },
});

export const duplicateJobs = [duplicateScanRequestJob, duplicateScanJob] as const;
