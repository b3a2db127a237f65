import { registryExport } from "@/features/registry/export/registry-export";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The registry (?kelurahan= one kelurahan) as .xlsx in the import's columns, for those who may see full numbers. */
export const GET = exportRoute(registryExport);

/** Cancels the caller's own export job of the registry (?tugas=). */
export const POST = exportCancelRoute(registryExport);
