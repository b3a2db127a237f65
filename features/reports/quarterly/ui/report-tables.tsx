import { Card, CardHeader } from "@/components/ui/card";
import { DashboardDataTable } from "@/features/dashboards/ui/data-table";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import { QUARTERLY_TABLES, type QuarterlyTableId } from "../tables";

/** The report's tables in order, small household cells hidden as in its workbook; each table scrolls sideways on a phone. */
export function QuarterlyReportTables({ tables, locale }: { tables: Record<QuarterlyTableId, FigureTable>; locale: AppLocale }) {
  return (
    <div className="space-y-6">
      {QUARTERLY_TABLES.map((id) => {
        const table = suppressTable(tables[id]);
        return (
          <Card key={id} data-report-table={id}>
            <CardHeader id={`tabel-${id}`} title={table.title} />
            <div className="px-4 py-3 sm:px-5">
              <DashboardDataTable table={table} locale={locale} id={`laporan-${id}`} />
            </div>
            {table.definitions && table.definitions.length > 0 ? (
              <ul className="space-y-1 border-t border-line px-4 py-3 text-xs text-muted sm:px-5">
                {table.definitions.map((definition) => (
                  <li key={definition}>{definition}</li>
                ))}
              </ul>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
