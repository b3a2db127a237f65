// The budget dashboard's exports: one table (`?tabel=opds`) or all of them (`?tabel=semua`).
import { getTranslations } from "next-intl/server";
import type { DashboardExport } from "../export-route";
import { BEHIND_THRESHOLD_POINTS, BUDGET_TABLES, budgetDashboardData, budgetTables, type BudgetTableId } from "./tables";

const isTable = (id: string): id is BudgetTableId => (BUDGET_TABLES as readonly string[]).includes(id);

export const budgetDashboardExport: DashboardExport = {
  page: "budgetDashboard",
  table: async (tx, { user, filters, locale }, tableId) =>
    isTable(tableId) ? (await budgetTables(await budgetDashboardData(tx, user.tenantId, filters), locale))[tableId] : null,
  workbook: {
    namespace: "BudgetDashboard",
    filters: ["opd", "programme", "sipd"],
    tables: async (tx, { user, filters, locale }) => {
      const tables = await budgetTables(await budgetDashboardData(tx, user.tenantId, filters), locale);
      return BUDGET_TABLES.map((id) => tables[id]);
    },
    // What the page says under each table's title is what its figures mean.
    definitions: async () => {
      const t = await getTranslations("BudgetDashboard.tables");
      return BUDGET_TABLES.map((id) => ({ term: t(`${id}.title`), definition: t(`${id}.description`, { points: BEHIND_THRESHOLD_POINTS }) }));
    },
  },
};
