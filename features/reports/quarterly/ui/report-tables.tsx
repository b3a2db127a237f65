import { Fragment, type ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { DashboardDataTable } from "@/features/dashboards/ui/data-table";
import type { AppLocale } from "@/lib/i18n/locales";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import { QUARTERLY_TABLES, type QuarterlyReportTableSet, type QuarterlyTableId } from "../tables";

/** The id of a table's heading, for links to it (`#tabel-programmes`). */
export const tableAnchor = (id: QuarterlyTableId) => `tabel-${id}`;

/** Links each row of the OPD table to `href` of its OPD, at that OPD's programmes. */
export function opdRowHref(opds: readonly { id: string }[], href: (opdId: string) => string) {
  return (index: number) => {
    const opd = opds[index];
    return opd ? `${href(opd.id)}#${tableAnchor("programmes")}` : null;
  };
}

/**
 * The report's tables in order, small household cells hidden as in its workbook; each table
 * scrolls sideways on a phone. `detailNote` stands where the first detail table left out
 * (null) would be; `rowHref` links a table's rows.
 */
export function QuarterlyReportTables({
  tables,
  locale,
  rowHref = {},
  detailNote,
}: {
  tables: QuarterlyReportTableSet;
  locale: AppLocale;
  rowHref?: Partial<Record<QuarterlyTableId, (index: number) => string | null>>;
  detailNote?: ReactNode;
}) {
  const firstLeftOut = QUARTERLY_TABLES.find((id) => tables[id] === null);
  return (
    <div className="space-y-6">
      {QUARTERLY_TABLES.map((id) => {
        const shown = tables[id];
        if (!shown) return id === firstLeftOut ? <Fragment key={id}>{detailNote}</Fragment> : null;
        const table = suppressTable(shown);
        return (
          <Card key={id} data-report-table={id}>
            <CardHeader id={tableAnchor(id)} title={table.title} />
            <div className="px-4 py-3 sm:px-5">
              <DashboardDataTable table={table} locale={locale} id={`laporan-${id}`} rowHref={rowHref[id]} />
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
