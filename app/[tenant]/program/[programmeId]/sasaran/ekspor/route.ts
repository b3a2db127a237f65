import { targetHouseholdsExport } from "@/features/programmes/target-households/export";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** A programme's households to reach next, in rank order: ?format=xlsx|csv&kecamatan=&kelurahan=. */
export const GET = exportRoute(targetHouseholdsExport);

/** Cancels the caller's own export job of this list (?tugas=). */
export const POST = exportCancelRoute(targetHouseholdsExport);
