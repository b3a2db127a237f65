import { realisationExport } from "@/features/budget/realisation-export";
import { exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The realisation list of the budget page's scope: ?format=xlsx|csv&tahun=&opd=&pos=. */
export const GET = exportRoute(realisationExport);
