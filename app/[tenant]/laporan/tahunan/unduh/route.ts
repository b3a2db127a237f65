import { annualReportRoute } from "@/features/reports/annual/download";

export const dynamic = "force-dynamic";

/** The TKPK's annual report draft of ?tahun= as .docx. */
export const GET = annualReportRoute;
