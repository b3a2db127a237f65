// The GET handler behind every dashboard's export route (`…/ekspor?tabel=&format=&tahun=…`):
// the dashboard's filters and a heading (table, city, the filters by name, date) around one of
// its tables, written by lib/spreadsheet (audit, small-cell suppression, .xlsx/.csv) behind the
// gate: the dashboard page's readers who also hold data:export. The file is named after the
// city, the dashboard, the table and the filters, so two downloads never share a name and a
// file found later still says what it holds.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { TenantPageKey } from "@/lib/auth/pages";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { formatDateLong } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { figureExportRoute } from "@/lib/spreadsheet/routes";
import { shownDashboardFilters } from "./filter-options";
import type { DashboardFilters } from "./filters";
import { cityDashboardFilters } from "./mayor-context";

/** Each dashboard's part of its files' names: its URL's, e.g. `mataram-anggaran-opds-2024.xlsx`. */
const DASHBOARD_FILE_NAMES: Partial<Record<TenantPageKey, string>> = {
  povertyDashboard: "kemiskinan",
  budgetDashboard: "anggaran",
  resultsDashboard: "hasil",
  revolvingFundsDashboard: "dana-pem",
  statistics: "statistik",
};

/** "Dinas Tenaga Kerja (Disnaker)" → "dinas-tenaga-kerja-disnaker": safe in a file name on any system. */
export function fileNamePart(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

type FilterNames = { kecamatan: string | null; opd: string | null; programme: string | null };

/** The chosen kecamatan, OPD and programme by name (an id of nothing the city has reads as no filter). */
async function filterNames(tx: Tx, filters: DashboardFilters): Promise<FilterNames> {
  const [kecamatan, opd, programme] = await Promise.all([
    filters.kecamatanId ? tx.area.findFirst({ where: { id: filters.kecamatanId, level: "KECAMATAN" }, select: { name: true } }) : null,
    filters.opdId ? tx.opd.findFirst({ where: { id: filters.opdId }, select: { shortName: true } }) : null,
    filters.programmeId ? tx.programme.findFirst({ where: { id: filters.programmeId }, select: { name: true } }) : null,
  ]);
  return { kecamatan: kecamatan?.name ?? null, opd: opd?.shortName ?? null, programme: programme?.name ?? null };
}

type DashboardsT = Awaited<ReturnType<typeof getTranslations<"Dashboards">>>;

/** The filters the table follows (notFilteredBy): by name, and as the title row says them ("Tahun 2024 · OPD Disnaker"). */
function followedFilters(table: FigureTable, filters: DashboardFilters, all: FilterNames, t: DashboardsT) {
  const follows = (filter: keyof FilterNames | "year") => !table.notFilteredBy?.includes(filter);
  const names: FilterNames = {
    kecamatan: follows("kecamatan") ? all.kecamatan : null,
    opd: follows("opd") ? all.opd : null,
    programme: follows("programme") ? all.programme : null,
  };
  const year = follows("year") ? String(filters.year) : null;
  const chosen = [
    year && t("filters.summaryYear", { year }),
    names.opd && `${t("filters.opd")} ${names.opd}`,
    names.programme && `${t("filters.programme")} ${names.programme}`,
    names.kecamatan && `${t("filters.kecamatan")} ${names.kecamatan}`,
  ].filter((part): part is string => Boolean(part));
  return { names, year, chosen };
}

export type ExportTableBuilder = (
  tx: Tx,
  context: { user: TenantSessionUser; filters: DashboardFilters; locale: AppLocale },
  tableId: string,
) => Promise<FigureTable | null>;

/** `export const GET = dashboardExportRoute("budgetDashboard", (tx, { filters }, tableId) => …)`. */
export function dashboardExportRoute(page: TenantPageKey, build: ExportTableBuilder) {
  return figureExportRoute({
    page,
    entity: "Dashboard",
    build: async (tx, { user, search }) => {
      const tableId = search.get("tabel") ?? "";
      if (!tableId) return null;
      const [locale, t] = await Promise.all([getLocale() as Promise<AppLocale>, getTranslations("Dashboards")]);
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } });
      const asked = await cityDashboardFilters(tx, user.tenantId, Object.fromEntries(search));
      const filters = await shownDashboardFilters(tx, asked.filters);
      const [table, allNames] = await Promise.all([build(tx, { user, filters, locale }, tableId), filterNames(tx, filters)]);
      if (!table) return null;
      const { names, year, chosen } = followedFilters(table, filters, allNames, t);
      const cityWide = table.columns.filter((column) => column.cityWide).map((column) => column.label);
      const fileName = [user.tenantSlug ?? "", DASHBOARD_FILE_NAMES[page] ?? page, table.id, year, names.opd, names.programme, names.kecamatan]
        .map((part) => (part ? fileNamePart(part) : ""))
        .filter(Boolean)
        .join("-");
      return {
        tables: [table],
        fileName,
        entityId: `${page}/${tableId}`,
        audit: { rows: table.rows.length, filters },
        heading: [
          [table.title, tenant.name, ...(chosen.length > 0 ? [chosen.join(" · ")] : [])].join(" — "),
          t("export.printedAt", { date: formatDateLong(new Date(), { locale, timeZone: tenant.timeZone }) }),
          ...(names.kecamatan && cityWide.length > 0 ? [t("export.cityWideNote", { columns: cityWide.join(", "), kecamatan: names.kecamatan })] : []),
          ...(table.definitions ?? []),
        ],
        suppressionNote: t("export.suppressionNote"),
      };
    },
  });
}
