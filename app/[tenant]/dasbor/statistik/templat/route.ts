import { STATISTIC_COLUMNS } from "@/features/statistics/import";
import { templateRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The empty BPS series import sheet: ?format=xlsx|csv. */
export const GET = templateRoute({ page: "statistics", also: "statistics:write", fileName: "statistik-kemiskinan", columns: STATISTIC_COLUMNS });
