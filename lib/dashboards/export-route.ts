// The one handler behind every dashboard's export route (`…/ekspor?tabel=&format=&tahun=…`):
// a reader of this city who may open the dashboard AND export data gets the table with small
// cells hidden; anyone else gets "not found". Each download is audited.
import { getLocale, getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit";
import { pageAccess, type TenantPageKey } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { clientIp, requestId } from "@/lib/auth/request";
import { getSessionUser, type TenantSessionUser } from "@/lib/auth/session";
import { currentYearMonth } from "@/lib/budget/calendar";
import { withTenant, type Tx } from "@/lib/db";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { defaultDashboardYear } from "./filter-options";
import { parseExportFormat, tableExportResponse } from "./export";
import { parseDashboardFilters, type DashboardFilters } from "./filters";
import type { DashboardTable } from "./table";

function notFoundResponse(): Response {
  return new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The signed-in user of this city who may open `page` and export; null for anyone else. */
export async function dashboardExporter(tenantSlug: string, page: TenantPageKey): Promise<TenantSessionUser | null> {
  const user = await getSessionUser();
  if (!user || !user.tenantId || pageAccess(user, tenantSlug, page) !== "allow") return null;
  return can(user.role, "data:export") ? (user as TenantSessionUser) : null;
}

export type ExportTableBuilder = (
  tx: Tx,
  context: { user: TenantSessionUser; filters: DashboardFilters; locale: AppLocale },
  tableId: string,
) => Promise<DashboardTable | null>;

export async function dashboardExportResponse(
  request: Request,
  tenantSlug: string,
  page: TenantPageKey,
  build: ExportTableBuilder,
): Promise<Response> {
  const user = await dashboardExporter(tenantSlug, page);
  if (!user) return notFoundResponse();
  const url = new URL(request.url);
  const format = parseExportFormat(url.searchParams.get("format"));
  const tableId = url.searchParams.get("tabel") ?? "";
  if (!format || !tableId) return notFoundResponse();
  const [locale, t] = await Promise.all([getLocale() as Promise<AppLocale>, getTranslations("Dashboards")]);

  const found = await withTenant(user.tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } });
    const filters = parseDashboardFilters(Object.fromEntries(url.searchParams), await defaultDashboardYear(tx, currentYearMonth(tenant.timeZone).year));
    const table = await build(tx, { user, filters, locale }, tableId);
    if (!table) return null;
    await recordAudit(tx, {
      tenantId: user.tenantId,
      userId: user.id,
      action: "export",
      entity: "Dashboard",
      entityId: `${page}/${tableId}`,
      after: { format, rows: table.rows.length, filters },
      requestId: requestId(request.headers),
      ip: clientIp(request.headers),
    });
    return { table, tenant, filters };
  });
  if (!found) return notFoundResponse();
  const { table, tenant, filters } = found;
  return tableExportResponse(table, format, {
    fileBase: `${tenantSlug}-${table.id}-${filters.year}`,
    heading: [
      `${table.title} — ${tenant.name}`,
      t("filters.summaryYear", { year: filters.year }),
      t("export.printedAt", { date: formatDate(new Date(), { locale, timeZone: tenant.timeZone }) }),
    ],
    suppressionNote: t("export.suppressionNote"),
  });
}
