import { getTranslations } from "next-intl/server";
import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { kecamatanStatistics, listTargets, statisticSeries } from "@/features/statistics/queries";
import { kecamatanTable, seriesTable, targetsTable } from "@/features/statistics/tables";

export const dynamic = "force-dynamic";

/** The official series, a year's kecamatan figures, or the targets, as .xlsx or .csv. */
export const GET = dashboardExportRoute({
  page: "statistics",
  table: async (tx, { filters }, tableId) => {
    const t = await getTranslations("Statistics");
    if (tableId === "seri") {
      const area = filters.kecamatanId
        ? await tx.area.findFirst({ where: { id: filters.kecamatanId, level: "KECAMATAN" }, select: { id: true, name: true } })
        : null;
      return seriesTable(await statisticSeries(tx, area?.id ?? null), area?.name ?? t("city"), t);
    }
    if (tableId === "kecamatan") return kecamatanTable(await kecamatanStatistics(tx, filters.year), filters.year, t);
    if (tableId === "target") return targetsTable(await listTargets(tx), t);
    return null;
  },
});
