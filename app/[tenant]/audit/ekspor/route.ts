import { auditExport } from "@/features/audit/export";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The audit log in words, with the page's filters: ?format=xlsx|csv&user=&entity=&action=&from=&to=. */
export const GET = exportRoute(auditExport);

/** Cancels the caller's own export job of the log (?tugas=). */
export const POST = exportCancelRoute(auditExport);
