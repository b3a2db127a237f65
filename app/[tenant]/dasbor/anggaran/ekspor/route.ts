import { budgetDashboardData, budgetTables, BUDGET_TABLES, type BudgetTableId } from "@/features/dashboards/budget/tables";
import { dashboardExportRoute } from "@/features/dashboards/export-route";

export const dynamic = "force-dynamic";

export const GET = dashboardExportRoute("budgetDashboard", async (tx, { user, filters, locale }, tableId) => {
  if (!(BUDGET_TABLES as readonly string[]).includes(tableId)) return null;
  const tables = await budgetTables(await budgetDashboardData(tx, user.tenantId, filters), locale);
  return tables[tableId as BudgetTableId];
});
