import { distributionExport } from "@/features/aid/export";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The distribution list of the aid page's scope: ?format=xlsx|csv&tahun=&opd=&program=&jenis=&status=. */
export const GET = exportRoute(distributionExport);

/** Cancels the caller's own export job of this list (?tugas=). */
export const POST = exportCancelRoute(distributionExport);
