// The quarterly report as one .xlsx (quarterlyReportRoutes.workbook): a
// cover saying what it is, then a sheet a table — the page's own tables (tables.ts), small
// household cells hidden — behind the gate as every dashboard workbook: the report's readers
// who hold data:export, each download audited (lib/spreadsheet figureExportRoute).
import { fileNamePart } from "@/features/dashboards/filter-names";
import { readerOf } from "@/features/dashboards/panel-data";
import { formatDateLong } from "@/lib/format";
import { formatTimestamp } from "@/lib/format/timestamp";
import { getLocale } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureExportSpec } from "@/lib/spreadsheet/export";
import { safeSheetNames } from "@/lib/spreadsheet/write";
import { cityReportPeriod } from "./city-period";
import { quarterlyReportData } from "./queries";
import { QUARTERLY_TABLES, quarterlyReportTables } from "./tables";
import { quarterlyReportWords } from "./words";

export const quarterlyReportExport: FigureExportSpec = {
  page: "quarterlyReport",
  entity: "QuarterlyReport",
  build: async (tx, { user, search }) => {
    if ((search.get("format") ?? "xlsx") !== "xlsx") return null;
    const locale = (await getLocale()) as AppLocale;
    const { t } = quarterlyReportWords(locale);
    const { period } = await cityReportPeriod(tx, user.tenantId, Object.fromEntries(search));
    const [tenant, data] = await Promise.all([
      tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } }),
      quarterlyReportData(readerOf(tx), period),
    ]);
    // Every programme, whatever OPD the page shows: the workbook is the whole report.
    const byId = quarterlyReportTables(data, locale);
    const tables = QUARTERLY_TABLES.map((id) => byId[id]).filter((table) => table !== null);
    const now = new Date();
    const when = t("printedAt", { date: formatDateLong(now, { locale, timeZone: tenant.timeZone }) });
    const periodWords = t("eyebrow", { quarter: period.quarter, year: period.year });
    const headings = tables.map((table) => [[table.title, tenant.name, periodWords].join(" — "), when, ...(table.definitions ?? [])]);
    const [coverName, ...sheetNames] = safeSheetNames([t("workbook.cover"), ...tables.map((table) => table.title)]);
    const row = (...cells: string[]) => ({ cells });
    return {
      tables,
      fileName: [user.tenantSlug ?? "", t("fileName"), String(period.year), `tw${period.quarter}`].map(fileNamePart).filter(Boolean).join("-"),
      entityId: `quarterlyReport/${period.year}/${period.quarter}`,
      audit: {
        year: period.year,
        quarter: period.quarter,
        tables: tables.map((table) => table.id),
        rows: tables.reduce((n, table) => n + table.rows.length, 0),
      },
      heading: headings[0] ?? [],
      suppressionNote: t("suppressionNote"),
      workbook: {
        headings,
        cover: {
          name: coverName!,
          title: `${t("title")} — ${tenant.name}`,
          rows: [
            row(t("workbook.city"), tenant.name),
            row(t("workbook.report"), t("title")),
            row(t("workbook.year"), String(period.year)),
            row(t("workbook.quarter"), String(period.quarter)),
            row(t("workbook.madeAt"), formatTimestamp(now, { locale, timeZone: tenant.timeZone })),
            row(t("workbook.about"), t("description")),
            row(),
            { cells: [t("workbook.sheets")], section: true },
            ...headings.map((heading, i) => row(sheetNames[i]!, heading[0]!)),
          ],
        },
      },
    };
  },
};
