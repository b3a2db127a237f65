/** Runs once as each server process starts (Next.js instrumentation). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressHook } = await import("@/lib/auth/client-address-hook");
  installClientAddressHook();
  // The build loads this file too; it must never open the database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { runsJobsInline, startProcessWorker } = await import("@/lib/jobs/process-worker");
  if (!runsJobsInline()) return;
  const { jobKinds } = await import("@/app/jobs");
  // Pages still serve without jobs (an unmigrated database, say); uploads then wait queued.
  await startProcessWorker(jobKinds).catch((error: unknown) => console.error("[jobs] the worker did not start", error));
}
