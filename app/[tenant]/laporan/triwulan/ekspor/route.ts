import { quarterlyReportExport } from "@/features/reports/quarterly/export";
import { figureExportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The report's tables as one .xlsx (?tahun=&triwulan=), small cells hidden, audited. */
export const GET = figureExportRoute(quarterlyReportExport);
