// The statistics page's exports: one table (`?tabel=seri|kecamatan|target`) or all of them (`?tabel=semua`).
import { getTranslations } from "next-intl/server";
import type { Tx } from "@/lib/db";
import type { DashboardExport, ExportContext } from "../export-route";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { kecamatanStatistics, listTargets, statisticSeries } from "@/features/statistics/queries";
import { kecamatanTable, seriesTable, targetsTable } from "@/features/statistics/tables";

/** The page's tables in its order. */
export const STATISTICS_TABLES = ["seri", "kecamatan", "target"] as const;
type StatisticsTableId = (typeof STATISTICS_TABLES)[number];

async function statisticsTable(tx: Tx, { filters }: ExportContext, tableId: StatisticsTableId): Promise<FigureTable> {
  const t = await getTranslations("Statistics");
  if (tableId === "seri") {
    const area = filters.kecamatanId
      ? await tx.area.findFirst({ where: { id: filters.kecamatanId, level: "KECAMATAN" }, select: { id: true, name: true } })
      : null;
    return seriesTable(await statisticSeries(tx, area?.id ?? null), area?.name ?? t("city"), t);
  }
  if (tableId === "kecamatan") return kecamatanTable(await kecamatanStatistics(tx, filters.year), filters.year, t);
  return targetsTable(await listTargets(tx), t);
}

const isTable = (id: string): id is StatisticsTableId => (STATISTICS_TABLES as readonly string[]).includes(id);

export const statisticsExport: DashboardExport = {
  page: "statistics",
  table: async (tx, context, tableId) => (isTable(tableId) ? statisticsTable(tx, context, tableId) : null),
  workbook: {
    namespace: "Statistics",
    filters: ["kecamatan"],
    // One after the other: they share the request's transaction.
    tables: async (tx, context) => {
      const tables: FigureTable[] = [];
      for (const id of STATISTICS_TABLES) tables.push(await statisticsTable(tx, context, id));
      return tables;
    },
    // What the page says of the series, the two indices by the names the form gives them, and what the poverty line is.
    definitions: async () => {
      const t = await getTranslations("Statistics");
      return [
        { term: t("series.title"), definition: t("series.description") },
        { term: t("columns.p1"), definition: t("input.labels.p1") },
        { term: t("columns.p2"), definition: t("input.labels.p2") },
        { term: t("columns.povertyLineRupiah"), definition: t("series.povertyLineDefinition") },
      ];
    },
  },
};
