// A whole dashboard in one .xlsx (`…/ekspor?tabel=semua&tahun=…`): a cover sheet saying what it
// is (city, dashboard, fiscal year, each filter in words, when it was made, what each figure
// means, which sheet holds which table), then a sheet a table. Each table is built by the same
// builder and carries the same heading as its own single export (export-route.ts), so the
// workbook cannot say a figure differently from the file of one table or from the page.
import type { Tx } from "@/lib/db";
import { formatTimestamp } from "@/lib/format/timestamp";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { safeSheetNames, type WorkbookCover } from "@/lib/spreadsheet/write";
import type { ExportContext, ExportSetting } from "./export-route";

/** The `tabel` of the export URL that asks for every table at once. */
export const WORKBOOK_TABLE = "semua";

export type FigureDefinition = { term: string; definition: string };

/** A filter a dashboard offers besides the fiscal year. */
export type DashboardFilterField = "kecamatan" | "opd" | "programme" | "sipd";

export type DashboardWorkbook = {
  /** The dashboard's messages: their `title` and `description` head the cover. */
  namespace: "PovertyDashboard" | "BudgetDashboard" | "ResultsDashboard" | "RevolvingFundsDashboard" | "Statistics";
  /** The filters its filter bar offers besides the year: each is named on the cover, chosen or not. */
  filters: readonly DashboardFilterField[];
  /** Every table of the page in its order, built by the builders of the single exports. */
  tables: (tx: Tx, context: ExportContext) => Promise<FigureTable[]>;
  /** What the page says its figures mean, by the names its cards and columns give them. */
  definitions: (context: ExportContext) => Promise<FigureDefinition[]>;
};

const ALL_OF = { kecamatan: "filters.allKecamatan", opd: "filters.allOpds", programme: "filters.allProgrammes", sipd: "filters.allSipd" } as const;

/**
 * The cover: the city, the dashboard, the year and each filter by name ("all …" when not
 * chosen), when the file was made on the city's clock, what the dashboard is, which sheet holds
 * which table under which filters, and what each figure means.
 */
export function workbookCover(
  workbook: DashboardWorkbook,
  setting: ExportSetting,
  about: {
    title: string;
    description: string;
    sheets: readonly { table: FigureTable; heading: readonly string[] }[];
    definitions: readonly FigureDefinition[];
  },
): WorkbookCover {
  const { t, tenant, filters, names, locale } = setting;
  const [coverName, ...sheetNames] = safeSheetNames([t("workbook.cover"), ...about.sheets.map((sheet) => sheet.table.title)]);
  const row = (...cells: string[]) => ({ cells });
  return {
    name: coverName!,
    title: `${about.title} — ${tenant.name}`,
    rows: [
      row(t("workbook.city"), tenant.name),
      row(t("workbook.dashboard"), about.title),
      row(t("filters.year"), String(filters.year)),
      ...workbook.filters.map((field) => row(t(`filters.${field}`), names[field] ?? t(ALL_OF[field]))),
      row(t("workbook.madeAt"), formatTimestamp(setting.now, { locale, timeZone: tenant.timeZone })),
      row(t("workbook.about"), about.description),
      row(),
      { cells: [t("workbook.sheets")], section: true },
      // Beside each sheet's name its title row, which says the filters that table follows.
      ...about.sheets.map((sheet, i) => row(sheetNames[i]!, sheet.heading[0] ?? sheet.table.title)),
      ...(about.definitions.length > 0
        ? [row(), { cells: [t("workbook.definitions")], section: true as const }, ...about.definitions.map((item) => row(item.term, item.definition))]
        : []),
    ],
  };
}
