import { cloneElement, isValidElement, type ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import type { ExportLinks } from "@/features/dashboards/export-links";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { hasSuppressedCells, suppressTable } from "@/lib/spreadsheet/suppression";
import type { AppLocale } from "@/lib/i18n/locales";
import { DashboardDataTable } from "./data-table";
import { withLeadColumns } from "./lead-columns";

/**
 * Rows a panel's table shows on screen. A city's 1,000 programmes made the results page 2.7 MB
 * of HTML and 440 ms of server time; the export holds every row.
 */
const SCREEN_ROWS = 200;

/**
 * One figure of a dashboard: its chart, and always its table (beside the chart on a wide
 * screen, below it on a phone), with .xlsx/.csv links when the reader may export.
 * `print`: "chart" keeps only the chart on the one-page print, "table" only the table,
 * "none" leaves the panel off it, "both" keeps both; `printSpan`: how many of the page's
 * three columns the panel takes on paper (a page must fit one A4 sheet: choose few panels).
 */
export async function ChartPanel({
  table,
  chart,
  description,
  exportLinks,
  layout = "side",
  print = "chart",
  printSpan = 1,
  emptyText,
  className,
  rowHref,
  lead,
}: {
  table: FigureTable;
  chart: ReactNode;
  description?: ReactNode;
  /** Null or absent: no export links (the reader lacks data:export). */
  exportLinks?: ExportLinks | null;
  /** "side": chart and table side by side from 1024 px; "below": table under the chart. */
  layout?: "side" | "below";
  print?: "chart" | "table" | "both" | "none";
  printSpan?: 1 | 2 | 3;
  /** Shown instead of chart and table when the table has no rows. */
  emptyText?: ReactNode;
  className?: string;
  /** Makes a row's name a link (see DashboardDataTable). */
  rowHref?: (index: number) => string | null;
  /** Columns shown right after the row's name, so they stay in view without scrolling sideways (see withLeadColumns). */
  lead?: readonly string[];
}) {
  const [t, locale] = await Promise.all([getTranslations("Dashboards"), getLocale() as Promise<AppLocale>]);
  const headingId = `panel-${table.id}`;
  const tableId = `${headingId}-tabel`;
  // The chart image points to the table that holds its figures.
  const drawing = isValidElement<{ tableId?: string }>(chart) ? cloneElement(chart, { tableId }) : chart;
  // The builders hand over suppressed tables; this makes sure no panel shows one that is not.
  const safe = suppressTable(table);
  const empty = safe.rows.length === 0;
  const truncated = safe.rows.length > SCREEN_ROWS;
  const shown = withLeadColumns(truncated ? { ...safe, rows: safe.rows.slice(0, SCREEN_ROWS) } : safe, lead);
  return (
    <Card className={cx("break-inside-avoid", print === "none" && "print:hidden", className)} data-print-span={String(printSpan)}>
      <div aria-labelledby={headingId} role="group">
        <CardHeader id={headingId} title={table.title} description={description} />
        {empty ? (
          <p className="p-4 text-muted sm:p-5">{emptyText ?? t("panel.empty")}</p>
        ) : (
          <div className={cx("grid content-start gap-4 p-3 sm:p-5", layout === "side" && "lg:grid-cols-2", "print:block print:p-2")}>
            <div className={cx("min-w-0 self-start", print === "table" && "print:hidden")}>{drawing}</div>
            {/* Beside its chart the table's box is as tall as the chart (28rem at least), so a long
                ranked chart shows as many of the table's rows as it has bars. */}
            <div
              className={cx(
                "min-w-0 print:static print:max-h-none print:min-h-0 print:overflow-visible",
                layout === "side" ? "lg:relative lg:min-h-[28rem]" : "lg:max-h-[28rem] lg:overflow-y-auto",
                (print === "chart" || print === "none") && "print:hidden",
              )}
            >
              <div className={cx(layout === "side" && "lg:absolute lg:inset-0 lg:overflow-y-auto print:static print:overflow-visible")}>
                <DashboardDataTable table={shown} locale={locale} rowHref={rowHref} id={tableId} />
                {hasSuppressedCells(safe) ? <p className="mt-2 text-sm text-muted">{t("panel.suppression")}</p> : null}
                {truncated ? (
                  <p className="mt-2 text-sm text-muted">
                    {t(exportLinks ? "panel.truncated" : "panel.truncatedNoExport", { shown: SCREEN_ROWS, total: safe.rows.length })}
                  </p>
                ) : null}
              </div>
            </div>
          </div>
        )}
        {exportLinks && !empty ? (
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-line px-4 py-2.5 text-sm sm:px-5 print:hidden">
            <span className="text-muted">{t("panel.export")}</span>
            <a className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900" href={exportLinks.xlsx} download>
              {t("panel.xlsx")}
              <span className="sr-only"> — {table.title}</span>
            </a>
            <a className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900" href={exportLinks.csv} download>
              {t("panel.csv")}
              <span className="sr-only"> — {table.title}</span>
            </a>
          </p>
        ) : null}
      </div>
    </Card>
  );
}
