import { getTranslations } from "next-intl/server";
import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { revolvingFundsDashboardTable } from "@/features/dashboards/revolving-funds/tables";

export const dynamic = "force-dynamic";

/** The roll-up's tables as .xlsx/.csv (`?tabel=kelurahan|ageing&format=…&tahun=…`). */
export const GET = dashboardExportRoute("revolvingFundsDashboard", async (tx, { filters }, tableId) => {
  const t = await getTranslations("RevolvingFundsDashboard");
  return revolvingFundsDashboardTable(tx, filters, (key, values) => t(key as Parameters<typeof t>[0], values), tableId);
});
