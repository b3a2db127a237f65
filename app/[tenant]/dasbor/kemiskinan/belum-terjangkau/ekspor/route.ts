import { unreachedExport } from "@/features/dashboards/poverty/unreached-export";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The unreached extreme-poor households: ?format=xlsx|csv with the dashboard's and the list's filters. */
export const GET = exportRoute(unreachedExport);

/** Cancels the caller's own export job of this list (?tugas=). */
export const POST = exportCancelRoute(unreachedExport);
