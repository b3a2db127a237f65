import { defineJob } from "@/lib/jobs/kinds";
import { DUPLICATE_SCAN_TIMEOUT_MS, SCANNED_KINDS, scanDuplicates } from "./detect";

/** Nightly: every city's registry is scanned for suspected duplicates, off the request path. */
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
