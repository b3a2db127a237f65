import { quarterlyAnnexExport } from "@/features/reports/quarterly/annex";
import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The report's by-name annex (?tahun=&triwulan=&format=xlsx|csv), for readers of personal data. */
export const GET = exportRoute(quarterlyAnnexExport);

/** Cancels the caller's own export job of the annex (?tugas=). */
export const POST = exportCancelRoute(quarterlyAnnexExport);
