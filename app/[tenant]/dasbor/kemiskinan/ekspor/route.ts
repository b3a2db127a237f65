import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { povertyDashboardExport } from "@/features/dashboards/poverty/export";

export const dynamic = "force-dynamic";

/** One table of the dashboard (?tabel=<id>&format=xlsx|csv) or all of them in one workbook (?tabel=semua), small cells hidden. */
export const GET = dashboardExportRoute(povertyDashboardExport);
