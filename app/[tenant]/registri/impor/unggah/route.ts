// The two steps of a registry import. A server action's body is capped (1 MB by
// default) and buffered whole; an extract of 100,000 rows is 10–20 MB. So the dry run's file
// is sent raw as this request's body and streamed straight into the parser; the commit sends
// no file (it writes what the dry run kept). Either answer streams back as NDJSON: progress
// lines, then the outcome.
import { randomUUID } from "node:crypto";
import { clientIp, requestId } from "@/lib/auth/request";
import { notFoundResponse, tenantRoute } from "@/lib/auth/route";
import { RegistrySource } from "@/lib/generated/prisma/enums";
import { checkRegistryImport, commitRegistryImport, ImportRefusedError, type ImportProgress } from "@/features/registry/import/run-import";
import type { UploadEvent } from "@/features/registry/import/upload-event";
import { z } from "@/lib/validation/zod";
import { errorWordsIn } from "@/lib/actions/error-words";
import { localeCookieName } from "@/lib/i18n/locales";
import { declaredLength, REGISTRY_UPLOAD_LIMITS, refuseDeclaredLength, UploadLimitError } from "@/lib/spreadsheet/upload-limits";

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
});

export const POST = tenantRoute({ page: "registryImport", people: false }, async ({ request, user, deps }) => {
  // Only the page's own script sends this header; a form on another site cannot.
  if (request.headers.get("x-entas-import") !== "1") return notFoundResponse();
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return notFoundResponse();

  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const complete = query.success && (query.data.mode === "commit" ? Boolean(query.data.job) : Boolean(request.body && query.data.name));
  if (!query.success || !complete) {
    return Response.json({ type: "error", message: "Permintaan impor tidak lengkap." }, { status: 400 });
  }
  const { mode, job, source, name, size } = query.data;
  const locale = cookie(request, localeCookieName);
  // A body declared past the limit is refused before a byte of it is read.
  try {
    refuseDeclaredLength(declaredLength(request.headers), REGISTRY_UPLOAD_LIMITS);
    refuseDeclaredLength(size, REGISTRY_UPLOAD_LIMITS);
  } catch (error) {
    if (!(error instanceof UploadLimitError)) throw error;
    await request.body?.cancel().catch(() => undefined);
    return Response.json(
      { type: "error", code: error.code, message: errorWordsIn(error.words!, locale) },
      // Closing the connection spares the server reading the rest of the body to keep it open.
      { status: 413, headers: { connection: "close" } },
    );
  }
  const body = request.body;
  const meta = { requestId: requestId(request.headers) ?? randomUUID(), ip: clientIp(request.headers) };

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: UploadEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      let last = 0;
      try {
        const onProgress = (progress: ImportProgress) => {
          const now = Date.now();
          if (now - last < 200 && progress.done !== progress.total) return;
          last = now;
          send({ type: "progress", ...progress });
        };
        const common = { withTenant: deps.withTenant, tenantId: user.tenantId, userId: user.id, requestId: meta.requestId, ip: meta.ip, onProgress };
        const outcome =
          mode === "commit"
            ? await commitRegistryImport({ ...common, jobId: job! })
            : await checkRegistryImport({ ...common, body: body!, fileName: name!, fileSize: size, source });
        send({ type: "result", jobId: outcome.jobId, status: outcome.status, error: outcome.error });
      } catch (error) {
        if (error instanceof ImportRefusedError) {
          send({ type: "error", message: error.userMessage });
        } else if (error instanceof UploadLimitError) {
          send({ type: "error", code: error.code, message: errorWordsIn(error.words!, locale) });
        } else {
          console.error(`[registry import] request ${meta.requestId}`, error);
          send({ type: "error", message: `Impor gagal; tidak ada data yang diubah. Kode rujukan: ${meta.requestId.slice(0, 8)}.` });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
});

function cookie(request: Request, name: string): string | undefined {
  const pair = (request.headers.get("cookie") ?? "").split(/;\s*/).find((part) => part.startsWith(`${name}=`));
  return pair?.slice(name.length + 1);
}
