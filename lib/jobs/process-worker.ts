import { closeDb, processPGlite, withEveryPod, withPlatform, withTenant } from "@/lib/db";
import { databaseTarget } from "@/lib/db/adapter";
import type { AnyJobKind } from "./kinds";
import { startWorker, type RunningWorker } from "./worker";

/**
 * Whether this web server runs the jobs itself: always on PGlite (no other process may open
 * its folder), and on PostgreSQL when JOBS_INLINE=1 (development without a worker process).
 */
export function runsJobsInline(env: NodeJS.ProcessEnv = process.env): boolean {
  return databaseTarget(env).kind === "pglite" || env.JOBS_INLINE === "1";
}

/** A worker on this process's database client (the web server's, or scripts/worker.ts's). */
export async function startProcessWorker(kinds: readonly AnyJobKind[]): Promise<RunningWorker> {
  const target = databaseTarget();
  const pglite = target.kind === "pglite" ? await processPGlite() : null;
  return startWorker({ target: pglite ?? target, kinds, scopes: { withTenant, withPlatform, withEveryPod } });
}

export { closeDb };
