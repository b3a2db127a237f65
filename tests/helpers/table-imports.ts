import type { ActionDeps } from "@/lib/actions/run";
import { runAction } from "@/lib/actions/run";
import type { ActionResult, AnyActionDefinition } from "@/lib/actions/define";
import type { JobScopes } from "@/lib/jobs/kinds";
import { readTrackedJob } from "@/lib/jobs/tracked";
import { reportWordsIn, type TableImportReport } from "@/lib/spreadsheet/table-import";
import type { TableImportDefinition } from "@/lib/spreadsheet/table-import-job";
import type { TableImportOutcome } from "@/lib/spreadsheet/table-import-status";
import type { TestDb } from "./db";

// biome-ignore lint: any table import, whatever its columns, rows and options.
export type AnyTableImport = TableImportDefinition<any, any, any>;

/**
 * A table import as its page runs it: the action queues the job, a worker (here, now, as its
 * first delivery) runs it, and the answer is what the page shows: the report, or the refusal
 * with its code (a refusal of the file itself comes back as a field error on "file").
 */
export async function runTableImport(
  t: TestDb,
  deps: ActionDeps,
  definition: AnyTableImport,
  tenantSlug: string,
  input: unknown,
  options: { scopes?: JobScopes; retryCount?: number /** The reader's language (default Indonesian). */; locale?: string } = {},
): Promise<ActionResult<TableImportReport>> {
  const queued = await runAction(deps, definition, tenantSlug, input);
  if (!queued.ok) return queued;
  const tenantId = (await deps.currentUser())!.tenantId!;
  const { taskId } = queued.data;
  const retryCount = options.retryCount ?? 0;
  await definition.job
    .run({ tenantId, jobId: taskId }, { scopes: options.scopes ?? t, queueJobId: `test-${taskId}`, retryCount, retryLimit: definition.job.retryLimit })
    .catch((error: unknown) => {
      // A crash the queue would retry: the test reads how the job stands.
      if (retryCount < definition.job.retryLimit) return;
      throw error;
    });
  return readTableImport(t, tenantId, taskId, options.locale);
}

/** How a queued table import stands, as the page would show it (its reasons in `locale`). */
export async function readTableImport(t: TestDb, tenantId: string, taskId: string, locale = "id"): Promise<ActionResult<TableImportReport>> {
  const job = await t.withTenant(tenantId, async (tx) => {
    const { kind } = await tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: taskId } }, select: { kind: true } });
    // As the status route reads it: a refusal kept as words in the reader's language.
    const view = await readTrackedJob(tx, tenantId, taskId, [kind], locale);
    const { result } = await tx.backgroundJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: taskId } }, select: { result: true } });
    return { state: view!.state, error: view!.error, result };
  });
  const outcome = job.result as TableImportOutcome | null;
  if (job.state === "DONE" && outcome && "report" in outcome) return { ok: true, data: reportWordsIn(outcome.report, locale) };
  const refusal = outcome && "failure" in outcome ? outcome.failure : null;
  const message = job.error ?? job.state;
  return { ok: false, code: refusal?.code ?? job.state, message, fieldErrors: refusal?.field ? { [refusal.field]: [message] } : undefined };
}

/** Whether an action is a table import's (it queues a job). */
export function isTableImport(definition: object): definition is AnyTableImport {
  return "job" in definition && "spec" in definition;
}

/** runAction, and for a table import the job it queued too: what the page ends up showing. */
export function runActionToEnd(t: TestDb, deps: ActionDeps, definition: AnyActionDefinition, tenantSlug: string, input: unknown) {
  return isTableImport(definition) ? runTableImport(t, deps, definition, tenantSlug, input) : runAction(deps, definition, tenantSlug, input);
}
