import { recordAudit } from "@/lib/db/audit";
import { clientIp, requestId } from "@/lib/auth/request";
import { notFoundResponse, tenantRoute } from "@/lib/auth/route";
import { familyChangeRows, familyChangesWorkbook, readFamilyChanges } from "@/features/registry/import/family-changes-export";
import { XLSX_TYPE } from "@/features/registry/import/spreadsheets";
import { downloadName } from "@/lib/spreadsheet/write";

export const dynamic = "force-dynamic";

/** Every family a waiting check would change, as .xlsx (numbers masked, names shown). */
export const GET = tenantRoute<{ tenant: string; jobId: string }>({ page: "registryImport", people: true }, async ({ request, params, user, deps }) => {
  const { jobId } = params;
  // The rows carry names: each download is audited.
  const found = await deps.withTenant(
    user.tenantId,
    async (tx) => {
      const changes = await readFamilyChanges(tx, user.tenantId, jobId);
      if (changes) {
        await recordAudit(tx, {
          tenantId: user.tenantId,
          userId: user.id,
          action: "export",
          entity: "ImportJob",
          entityId: jobId,
          after: { file: "family-changes", rows: familyChangeRows(changes.families) },
          requestId: requestId(request.headers),
          ip: clientIp(request.headers),
        });
      }
      return changes;
    },
    { timeout: 10 * 60_000 },
  );
  if (!found) return notFoundResponse();
  return new Response(familyChangesWorkbook(found.families), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${downloadName(found.fileName || "impor", "perubahan")}"`,
      "cache-control": "no-store",
    },
  });
});
