import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { statisticsExport } from "@/features/dashboards/statistics/export";

export const dynamic = "force-dynamic";

/** The official series, a year's kecamatan figures or the targets (?tabel=<id>&format=xlsx|csv), or all of them in one workbook (?tabel=semua). */
export const GET = dashboardExportRoute(statisticsExport);
