import { budgetDashboardData, budgetTables, BUDGET_TABLES, type BudgetTableId } from "@/lib/dashboards/budget/tables";
import { dashboardExportResponse } from "@/lib/dashboards/export-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const slug = (await params).tenant;
  return dashboardExportResponse(request, slug, "budgetDashboard", async (tx, { filters, locale }, tableId) => {
    if (!(BUDGET_TABLES as readonly string[]).includes(tableId)) return null;
    const tables = await budgetTables(await budgetDashboardData(tx, filters), locale);
    return tables[tableId as BudgetTableId];
  });
}
