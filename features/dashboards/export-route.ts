// The GET handler behind every dashboard's export route (`…/ekspor?tabel=&format=&tahun=…`):
// the dashboard's filters and a heading (city, year, date) around one of its tables, written
// by lib/spreadsheet (audit, small-cell suppression, .xlsx/.csv) behind the gate: the
// dashboard page's readers who also hold data:export.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { TenantPageKey } from "@/lib/auth/pages";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { figureExportRoute } from "@/lib/spreadsheet/routes";
import { shownDashboardFilters } from "./filter-options";
import type { DashboardFilters } from "./filters";
import { cityDashboardFilters } from "./mayor-context";

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
      const table = await build(tx, { user, filters, locale }, tableId);
      if (!table) return null;
      return {
        tables: [table],
        fileName: `${user.tenantSlug}-${table.id}-${filters.year}`,
        entityId: `${page}/${tableId}`,
        audit: { rows: table.rows.length, filters },
        heading: [
          `${table.title} — ${tenant.name}`,
          t("filters.summaryYear", { year: filters.year }),
          t("export.printedAt", { date: formatDate(new Date(), { locale, timeZone: tenant.timeZone }) }),
          ...(table.definitions ?? []),
        ],
        suppressionNote: t("export.suppressionNote"),
      };
    },
  });
}
