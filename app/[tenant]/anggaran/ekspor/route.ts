import { realisationExport } from "@/features/budget/realisation-export";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The realisation list of the budget page's scope: ?format=xlsx|csv&tahun=&opd=&pos=. */
export const GET = exportRoute(realisationExport);

/** Cancels the caller's own export job of this list (?tugas=). */
export const POST = exportCancelRoute(realisationExport);
