import { getTranslations } from "next-intl/server";
import { dashboardExportRoute } from "@/lib/dashboards/export-route";
import { fundRollupTable } from "@/lib/dashboards/fund-rollup/tables";

export const dynamic = "force-dynamic";

/** The roll-up's tables as .xlsx/.csv (`?tabel=kelurahan|ageing&format=…&tahun=…`). */
export const GET = dashboardExportRoute("fundRollup", async (tx, { filters }, tableId) => {
  const t = await getTranslations("FundRollup");
  return fundRollupTable(tx, filters, (key, values) => t(key as Parameters<typeof t>[0], values), tableId);
});
