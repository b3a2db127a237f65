// The job of a small-table import, as the page that queued it polls it (GET) and stops it (POST):
//
//   // app/[tenant]/bantuan/impor/tugas/[taskId]/route.ts
//   const route = tableImportTaskRoute("aid", importDistributionsDefinition);
//   export const GET = route.GET;
//
// Only the user who queued the job sees it, and only while they still hold the import's
// permission: anyone else, of this city or another, gets "not found". The report echoes the
// uploader's own file back to them, as the import's answer always has.
import { notFoundResponse, requestLocale, tenantRoute } from "@/lib/auth/route";
import type { TenantPageKey } from "@/lib/auth/pages";
import { userCan, type Permission } from "@/lib/auth/permissions";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import type { JobKind } from "@/lib/jobs/kinds";
import { cancelTrackedJob, type JobProgress, type TrackedJobData } from "@/lib/jobs/tracked";
import { reportWordsIn } from "./table-import";
import type { TableImportOutcome, TableImportStatus } from "./table-import-status";

type Params = { tenant: string; taskId: string };

type Import = { permission: Permission; job: JobKind<TrackedJobData> };

async function readOwn(tx: Tx, user: TenantSessionUser, taskId: string, definition: Import, locale: string): Promise<TableImportStatus | null> {
  if (!userCan(user, definition.permission)) return null;
  const job = await tx.backgroundJob.findUnique({
    where: { tenantId_id: { tenantId: user.tenantId, id: taskId } },
    select: { kind: true, state: true, progress: true, attempts: true, cancelRequested: true, error: true, result: true, createdById: true },
  });
  if (!job || job.kind !== definition.job.name || job.createdById !== user.id) return null;
  const outcome = job.result as TableImportOutcome | null;
  return {
    state: job.state,
    progress: job.progress as JobProgress | null,
    attempts: job.attempts,
    cancelRequested: job.cancelRequested,
    error: job.error,
    refusal: outcome && "failure" in outcome ? outcome.failure : null,
    report: job.state === "DONE" && outcome && "report" in outcome ? reportWordsIn(outcome.report, locale) : null,
  };
}

const answer = (status: TableImportStatus | null) => (status ? Response.json(status, { headers: { "cache-control": "no-store" } }) : notFoundResponse());

export function tableImportTaskRoute(page: TenantPageKey, definition: Import) {
  const requirement = { page, people: false };
  return {
    GET: tenantRoute<Params>(requirement, async ({ request, params, user, deps }) =>
      answer(await deps.withTenant(user.tenantId, (tx) => readOwn(tx, user, params.taskId, definition, requestLocale(request)))),
    ),
    POST: tenantRoute<Params>(requirement, async ({ request, params, user, deps }) => {
      // Only the page's own script sends this header; a form on another site cannot.
      if (request.headers.get("x-entas-import") !== "1") return notFoundResponse();
      return answer(
        await deps.withTenant(user.tenantId, async (tx) => {
          if (!(await readOwn(tx, user, params.taskId, definition, requestLocale(request)))) return null;
          await cancelTrackedJob(tx, user.tenantId, params.taskId, [definition.job.name]);
          return readOwn(tx, user, params.taskId, definition, requestLocale(request));
        }),
      );
    }),
  };
}
