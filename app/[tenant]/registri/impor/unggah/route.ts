// The two steps of a registry import, each handed to the job queue. A server action's body is
// capped (1 MB by default) and buffered whole; an extract of 100,000 rows is 10–20 MB. So the dry
// run's file is sent raw as this request's body, written to the job's file piece by piece as it
// arrives (it must outlive this process, and must not sit whole in this server's heap) and checked
// by a worker; the commit sends no file (it writes what the dry run kept).
// Either answer names the job, which the page polls (../tugas/[taskId]) for progress and outcome.
import { randomUUID } from "node:crypto";
import { clientIp, requestId } from "@/lib/auth/request";
import { notFoundResponse, requestLocale, tenantRoute } from "@/lib/auth/route";
import { catalogues } from "@/lib/i18n/catalogues";
import { RegistrySource } from "@/lib/generated/prisma/enums";
import { startTrackedJob, startTrackedUpload } from "@/lib/jobs/tracked";
import { registryCheckJob, registryCommitJob, type RegistryCheckInput, type RegistryCommitInput } from "@/features/registry/import/jobs";
import type { UploadEvent } from "@/features/registry/import/upload-event";
import { z } from "@/lib/validation/zod";
import { errorWordsIn } from "@/lib/actions/error-words";
import { declaredLength, REGISTRY_UPLOAD_LIMITS, uploadLimitError } from "@/lib/spreadsheet/upload-limits";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  mode: z.enum(["dry-run", "commit"]),
  job: z
    .string()
    .regex(/^[a-z0-9]{10,40}$/i)
    .optional(),
  source: z.enum(RegistrySource).default("DTSEN"),
  /** The dry run's file name. */
  name: z.string().trim().min(1).max(200).optional(),
  size: z.coerce.number().int().nonnegative().optional(),
  /** The commit: the importer confirmed the moves and new heads the check listed. */
  confirm: z.literal("1").optional(),
});

const answer = (event: UploadEvent, status = 200) => Response.json(event, { status, headers: { "cache-control": "no-store" } });

export const POST = tenantRoute({ page: "registryImport", people: false }, async ({ request, user, deps }) => {
  // Only the page's own script sends this header; a form on another site cannot.
  if (request.headers.get("x-entas-import") !== "1") return notFoundResponse();
  if (!sameOrigin(request)) {
    return Response.json({ type: "error", message: catalogues[requestLocale(request)].Error.foreignOrigin }, { status: 403 });
  }

  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const complete = query.success && (query.data.mode === "commit" ? Boolean(query.data.job) : Boolean(request.body && query.data.name));
  const locale = requestLocale(request);
  if (!query.success || !complete) return answer({ type: "error", message: catalogues[locale].RegistryImport.refused.incomplete }, 400);
  const { mode, job, source, name, size, confirm } = query.data;
  // A body declared past the limit is refused before a byte of it is read.
  const declared = [declaredLength(request.headers), size];
  if (declared.some((bytes) => bytes != null && bytes > REGISTRY_UPLOAD_LIMITS.maxBytes)) {
    await request.body?.cancel().catch(() => undefined);
    return tooLarge(locale);
  }
  const meta = { requestId: requestId(request.headers) ?? randomUUID(), ip: clientIp(request.headers) };
  const common = { tenantId: user.tenantId, userId: user.id };

  if (mode === "commit") {
    const taskId = await deps.withTenant(user.tenantId, (tx) =>
      startTrackedJob(tx, registryCommitJob, {
        ...common,
        resultId: job!,
        input: { requestId: meta.requestId, ip: meta.ip, confirmed: confirm === "1" } satisfies RegistryCommitInput,
      }),
    );
    return answer({ type: "queued", taskId });
  }

  const input: RegistryCheckInput = { source, fileSize: size, requestId: meta.requestId, ip: meta.ip };
  const taskId = await startTrackedUpload(deps.withTenant, registryCheckJob, {
    ...common,
    input,
    fileName: name!,
    body: request.body!,
    limit: REGISTRY_UPLOAD_LIMITS.maxBytes,
  });
  if (!taskId) return tooLarge(locale);
  return answer({ type: "queued", taskId });
});

/** The refusal of a body past the byte limit; closing the connection spares reading the rest of it. */
function tooLarge(locale: string): Response {
  const error = uploadLimitError("bytes", REGISTRY_UPLOAD_LIMITS);
  return Response.json({ type: "error", code: error.code, message: errorWordsIn(error.words!, locale) } satisfies UploadEvent, {
    status: 413,
    headers: { connection: "close", "cache-control": "no-store" },
  });
}

/**
 * The browser names the page that sent a POST in Origin: it must be this server. A missing
 * Origin, "null" (a sandboxed frame, a file) or another site's is refused.
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || !URL.canParse(origin)) return false;
  return new URL(origin).host === request.headers.get("host");
}
