import { recordAudit } from "@/lib/db/audit";
import { clientIp, requestId } from "@/lib/auth/request";
import { notFoundResponse, requestLocale, tenantRoute } from "@/lib/auth/route";
import { getRejectedRows } from "@/features/registry/import/queries";
import { rejectedRowsWorkbook, XLSX_TYPE } from "@/features/registry/import/spreadsheets";
import { downloadName } from "@/lib/spreadsheet/write";

export const dynamic = "force-dynamic";

/** Every rejected row of an import as .xlsx: the original columns plus ALASAN DITOLAK. */
export const GET = tenantRoute<{ tenant: string; jobId: string }>({ page: "registryImport", people: true }, async ({ request, params, user, deps }) => {
  const { jobId } = params;
  // The rows carry NIKs and names: each download is audited.
  const rows = await deps.withTenant(user.tenantId, async (tx) => {
    const found = await getRejectedRows(tx, user.tenantId, jobId, requestLocale(request));
    if (found) {
      await recordAudit(tx, {
        tenantId: user.tenantId,
        userId: user.id,
        action: "export",
        entity: "ImportJob",
        entityId: jobId,
        after: { file: "rejected-rows", rows: found.rejected.length },
        requestId: requestId(request.headers),
        ip: clientIp(request.headers),
      });
    }
    return found;
  });
  if (!rows) return notFoundResponse();
  return new Response(rejectedRowsWorkbook(rows.headers, rows.rejected), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${downloadName(rows.fileName || "impor", "ditolak")}"`,
      "cache-control": "no-store",
    },
  });
});
