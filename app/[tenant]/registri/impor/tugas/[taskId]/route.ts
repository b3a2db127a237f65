// A registry import's job, as the page that started it polls it (GET) and stops it (POST), in
// the reader's language (a job's failure is stored as catalogue words, not text).
import { notFoundResponse, requestLocale, tenantRoute } from "@/lib/auth/route";
import { cancelTrackedJob, readTrackedJob, type TrackedJobView } from "@/lib/jobs/tracked";
import { REGISTRY_IMPORT_JOB_KINDS } from "@/features/registry/import/jobs";
import type { ImportTaskStatus } from "@/features/registry/import/upload-event";

export const dynamic = "force-dynamic";

type Params = { tenant: string; taskId: string };

function status(job: TrackedJobView | null): Response {
  if (!job) return notFoundResponse();
  const body: ImportTaskStatus = {
    state: job.state,
    progress: job.progress,
    resultId: job.resultId,
    error: job.error,
    attempts: job.attempts,
    cancelRequested: job.cancelRequested,
  };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

export const GET = tenantRoute<Params>({ page: "registryImport", people: false }, async ({ request, params, user, deps }) =>
  status(await deps.withTenant(user.tenantId, (tx) => readTrackedJob(tx, user.tenantId, params.taskId, REGISTRY_IMPORT_JOB_KINDS, requestLocale(request)))),
);

export const POST = tenantRoute<Params>({ page: "registryImport", people: false }, async ({ request, params, user, deps }) => {
  // Only the page's own script sends this header; a form on another site cannot.
  if (request.headers.get("x-entas-import") !== "1") return notFoundResponse();
  return status(
    await deps.withTenant(user.tenantId, (tx) => cancelTrackedJob(tx, user.tenantId, params.taskId, REGISTRY_IMPORT_JOB_KINDS, requestLocale(request))),
  );
});
