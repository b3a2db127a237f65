import { dashboardExportResponse } from "@/lib/dashboards/export-route";
import { resultsDashboardData, resultsTables, RESULTS_TABLES, type ResultsTableId } from "@/lib/dashboards/results/tables";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const slug = (await params).tenant;
  return dashboardExportResponse(request, slug, "resultsDashboard", async (tx, { filters }, tableId) => {
    if (!(RESULTS_TABLES as readonly string[]).includes(tableId)) return null;
    const tables = await resultsTables(await resultsDashboardData(tx, filters));
    return tables[tableId as ResultsTableId];
  });
}
