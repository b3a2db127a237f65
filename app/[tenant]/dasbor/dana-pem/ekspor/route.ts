import { getTranslations } from "next-intl/server";
import { dashboardExportResponse } from "@/lib/dashboards/export-route";
import { fundRollupTable } from "@/lib/dashboards/fund-rollup/tables";

export const dynamic = "force-dynamic";

/** The roll-up's tables as .xlsx/.csv (`?tabel=kelurahan|ageing&format=…&tahun=…`). */
export async function GET(request: Request, context: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await context.params;
  const t = await getTranslations("FundRollup");
  return dashboardExportResponse(request, tenant, "fundRollup", (tx, { filters }, tableId) => fundRollupTable(tx, filters, (key, values) => t(key as Parameters<typeof t>[0], values), tableId));
}
