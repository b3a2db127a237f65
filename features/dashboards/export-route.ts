// The GET handler behind every dashboard's export route (`…/ekspor?tabel=&format=&tahun=…`):
// the dashboard's filters and a heading (table, city, the filters by name, date) around one of
// its tables, written by lib/spreadsheet (audit, small-cell suppression, .xlsx/.csv) behind the
// gate: the dashboard page's readers who also hold data:export. The file is named after the
// city, the dashboard, the table and the filters, so two downloads never share a name and a
// file found later still says what it holds.
// `?tabel=semua` (xlsx only) is the whole dashboard in one workbook (dashboard-workbook.ts):
// the same tables, the same headings, the same gate, and a cover sheet before them.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { TenantPageKey } from "@/lib/auth/pages";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { formatDateLong } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureExport } from "@/lib/spreadsheet/export";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { figureExportRoute } from "@/lib/spreadsheet/routes";
import { shownDashboardFilters } from "./filter-options";
import type { DashboardFilters } from "./filters";
import { cityDashboardFilters } from "./mayor-context";
import { fileNamePart, filterNames, type FilterNames } from "./filter-names";
import { WORKBOOK_TABLE, workbookCover, type DashboardWorkbook } from "./dashboard-workbook";

/** Each dashboard's part of its files' names: its URL's, e.g. `mataram-anggaran-opds-2024.xlsx`. */
const DASHBOARD_FILE_NAMES: Partial<Record<TenantPageKey, string>> = {
  povertyDashboard: "kemiskinan",
  budgetDashboard: "anggaran",
  resultsDashboard: "hasil",
  revolvingFundsDashboard: "dana-pem",
  statistics: "statistik",
};

export type DashboardsT = Awaited<ReturnType<typeof getTranslations<"Dashboards">>>;

/** The filters the table follows (notFilteredBy): by name, and as the title row says them ("Tahun 2024 · OPD Disnaker"). */
function followedFilters(table: FigureTable, filters: DashboardFilters, all: FilterNames, t: DashboardsT) {
  const follows = (filter: keyof FilterNames | "year") => !table.notFilteredBy?.includes(filter);
  const names: FilterNames = {
    kecamatan: follows("kecamatan") ? all.kecamatan : null,
    opd: follows("opd") ? all.opd : null,
    programme: follows("programme") ? all.programme : null,
    sipd: follows("sipd") ? all.sipd : null,
  };
  const year = follows("year") ? String(filters.year) : null;
  const chosen = [
    year && t("filters.summaryYear", { year }),
    names.opd && `${t("filters.opd")} ${names.opd}`,
    names.programme && `${t("filters.programme")} ${names.programme}`,
    names.sipd && `${t("filters.sipd")} ${names.sipd}`,
    names.kecamatan && `${t("filters.kecamatan")} ${names.kecamatan}`,
  ].filter((part): part is string => Boolean(part));
  return { names, year, chosen };
}

export type ExportContext = { user: TenantSessionUser; filters: DashboardFilters; locale: AppLocale };

export type ExportTableBuilder = (tx: Tx, context: ExportContext, tableId: string) => Promise<FigureTable | null>;

/** The dashboard's filters of an address, as its page reads them (default: cityDashboardFilters). */
export type DashboardFiltersReader = (tx: Tx, tenantId: string, params: Record<string, SearchParamValue>) => Promise<{ filters: DashboardFilters }>;

/**
 * A dashboard's exports: one table by id, and, when it has `workbook`, all of them in one file.
 * `filters` is the page's own reading of the address when it differs from the mayor's dashboards'.
 */
export type DashboardExport = { page: TenantPageKey; table: ExportTableBuilder; workbook?: DashboardWorkbook; filters?: DashboardFiltersReader };

/** What a file of the dashboard is made in: the city, its clock and words, the filters as asked and by name. */
export type ExportSetting = ExportContext & { tenant: { name: string; timeZone: string }; names: FilterNames; t: DashboardsT; now: Date };

/** The file name of the dashboard's export: city, dashboard, what it holds, then the filters by name. */
export function dashboardFileName(setting: Pick<ExportSetting, "user">, page: TenantPageKey, parts: readonly (string | null)[]): string {
  return [setting.user.tenantSlug ?? "", DASHBOARD_FILE_NAMES[page] ?? page, ...parts]
    .map((part) => (part ? fileNamePart(part) : ""))
    .filter(Boolean)
    .join("-");
}

/**
 * One table's heading lines, as its own file and its sheet of the workbook carry them: the
 * table, the city and the filters it follows; when it was downloaded; a note when a kecamatan is
 * chosen but a column is the city's; the table's definitions. `names` are the filters it follows.
 */
export function tableHeading(table: FigureTable, setting: ExportSetting) {
  const { names, year, chosen } = followedFilters(table, setting.filters, setting.names, setting.t);
  const { t, tenant, locale } = setting;
  const cityWide = table.columns.filter((column) => column.cityWide).map((column) => column.label);
  const heading = [
    [table.title, tenant.name, ...(chosen.length > 0 ? [chosen.join(" · ")] : [])].join(" — "),
    t("export.printedAt", { date: formatDateLong(setting.now, { locale, timeZone: tenant.timeZone }) }),
    ...(names.kecamatan && cityWide.length > 0 ? [t("export.cityWideNote", { columns: cityWide.join(", "), kecamatan: names.kecamatan })] : []),
    ...(table.definitions ?? []),
  ];
  return { heading, fileParts: [year, names.opd, names.programme, names.sipd, names.kecamatan] };
}

/** Every table of the dashboard in one workbook, each sheet headed as its table's own file, a cover first. */
async function workbookExport(tx: Tx, page: TenantPageKey, workbook: DashboardWorkbook, setting: ExportSetting): Promise<FigureExport> {
  const { t, filters, names } = setting;
  const [tables, definitions, words] = await Promise.all([
    workbook.tables(tx, setting),
    workbook.definitions(setting),
    getTranslations(workbook.namespace) as Promise<(key: "title" | "description") => string>,
  ]);
  const headings = tables.map((table) => tableHeading(table, setting).heading);
  const sheets = tables.map((table, i) => ({ table, heading: headings[i]! }));
  const cover = workbookCover(workbook, setting, { title: words("title"), description: words("description"), sheets, definitions });
  const chosen = (field: "kecamatan" | "opd" | "programme" | "sipd") => (workbook.filters.includes(field) ? names[field] : null);
  return {
    tables,
    fileName: dashboardFileName(setting, page, [WORKBOOK_TABLE, String(filters.year), chosen("opd"), chosen("programme"), chosen("sipd"), chosen("kecamatan")]),
    entityId: `${page}/${WORKBOOK_TABLE}`,
    audit: { tables: tables.map((table) => table.id), rows: tables.reduce((total, table) => total + table.rows.length, 0), filters },
    heading: headings[0] ?? [],
    suppressionNote: t("export.suppressionNote"),
    workbook: { cover, headings },
  };
}

/** `export const GET = dashboardExportRoute(budgetDashboardExport)`: the spec's tables one by one, or all in one workbook. */
export function dashboardExportRoute(spec: DashboardExport) {
  const { page } = spec;
  return figureExportRoute({
    page,
    entity: "Dashboard",
    build: async (tx, { user, search }) => {
      const tableId = search.get("tabel") ?? "";
      if (!tableId) return null;
      const [locale, t] = await Promise.all([getLocale() as Promise<AppLocale>, getTranslations("Dashboards")]);
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } });
      const asked = await (spec.filters ?? cityDashboardFilters)(tx, user.tenantId, Object.fromEntries(search));
      const filters = await shownDashboardFilters(tx, asked.filters);
      const setting: ExportSetting = { user, filters, locale, t, tenant, names: await filterNames(tx, filters), now: new Date() };
      if (tableId === WORKBOOK_TABLE) {
        const xlsx = (search.get("format") ?? "xlsx") === "xlsx";
        return spec.workbook && xlsx ? workbookExport(tx, page, spec.workbook, setting) : null;
      }
      const table = await spec.table(tx, setting, tableId);
      if (!table) return null;
      const { heading, fileParts } = tableHeading(table, setting);
      return {
        tables: [table],
        fileName: dashboardFileName(setting, page, [table.id, ...fileParts]),
        entityId: `${page}/${tableId}`,
        audit: { rows: table.rows.length, filters },
        heading,
        suppressionNote: t("export.suppressionNote"),
      };
    },
  });
}
