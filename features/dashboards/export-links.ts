// Links to a dashboard's export route that keep the page's filters.
import type { SpreadsheetFormat } from "@/lib/spreadsheet/write";
import { dashboardFiltersQuery, type DashboardFilters } from "./filters";

export type ExportLinks = Record<SpreadsheetFormat, string>;

/** `/<city>/dasbor/kemiskinan/ekspor?tahun=2025&…&tabel=coverage&format=xlsx` for both formats. */
export function exportLinks(exportPath: string, filters: DashboardFilters, tableId: string): ExportLinks {
  const base = `${exportPath}?${dashboardFiltersQuery(filters)}&tabel=${encodeURIComponent(tableId)}`;
  return { xlsx: `${base}&format=xlsx`, csv: `${base}&format=csv` };
}
