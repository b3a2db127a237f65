import { getTranslations } from "next-intl/server";
import { dashboardExportResponse } from "@/lib/dashboards/export-route";
import { POVERTY_TABLES } from "@/lib/dashboards/poverty/tables";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ tenant: string }> };

/** One table of the poverty dashboard as .xlsx or .csv, small cells hidden. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const t = await getTranslations("BapedaDashboard");
  return dashboardExportResponse(request, (await params).tenant, "povertyDashboard", async (tx, { filters, locale }, tableId) => {
    const build = Object.hasOwn(POVERTY_TABLES, tableId) ? POVERTY_TABLES[tableId] : undefined;
    return build ? build(tx, filters, t, locale) : null;
  });
}
