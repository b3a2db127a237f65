import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { resultsDashboardData, resultsTables, RESULTS_TABLES, type ResultsTableId } from "@/features/dashboards/results/tables";

export const dynamic = "force-dynamic";

export const GET = dashboardExportRoute("resultsDashboard", async (tx, { filters }, tableId) => {
  if (!(RESULTS_TABLES as readonly string[]).includes(tableId)) return null;
  const tables = await resultsTables(await resultsDashboardData(tx, filters));
  return tables[tableId as ResultsTableId];
});
