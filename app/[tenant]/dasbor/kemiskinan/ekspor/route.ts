import { getTranslations } from "next-intl/server";
import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { POVERTY_TABLES } from "@/features/dashboards/poverty/tables";

export const dynamic = "force-dynamic";

/** One table of the poverty dashboard as .xlsx or .csv, small cells hidden. */
export const GET = dashboardExportRoute("povertyDashboard", async (tx, { filters, locale }, tableId) => {
  const build = Object.hasOwn(POVERTY_TABLES, tableId) ? POVERTY_TABLES[tableId] : undefined;
  return build ? build(tx, filters, await getTranslations("PovertyDashboard"), locale) : null;
});
