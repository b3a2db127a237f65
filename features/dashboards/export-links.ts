// Links to a dashboard's export route that keep the page's filters.
import type { SpreadsheetFormat } from "@/lib/spreadsheet/write";
import { WORKBOOK_TABLE } from "./dashboard-workbook";
import { dashboardFiltersQuery, type DashboardFilters } from "./filters";

export type ExportLinks = Record<SpreadsheetFormat, string>;

/** `/<city>/dasbor/kemiskinan/ekspor?tahun=2025&…&tabel=coverage&format=xlsx` for both formats. */
export function exportLinks(exportPath: string, filters: DashboardFilters, tableId: string): ExportLinks {
  const base = `${exportPath}?${dashboardFiltersQuery(filters)}&tabel=${encodeURIComponent(tableId)}`;
  return { xlsx: `${base}&format=xlsx`, csv: `${base}&format=csv` };
}

/** `/<city>/dasbor/anggaran/ekspor?tahun=2025&…&tabel=semua&format=xlsx`: every table of the dashboard in one workbook. */
export function workbookLink(exportPath: string, filters: DashboardFilters): string {
  return `${exportPath}?${dashboardFiltersQuery(filters)}&tabel=${WORKBOOK_TABLE}&format=xlsx`;
}
