// GET /<city>/laporan/tahunan/unduh?tahun=2024: the draft of the year as .docx, for the readers
// of the report's page (lib/auth/pages.ts annualReport). The figures are read as the dashboards
// read them (a replica, when there is one); the download is audited on the primary like a
// dashboard export: who, when, which year, never a figure.
import { cityDashboardFilters } from "@/features/dashboards/mayor-context";
import { clientIp, requestId } from "@/lib/auth/request";
import { requestLocale, tenantRoute, type TenantRouteContext } from "@/lib/auth/route";
import { yearMonthOf } from "@/lib/calendar/months";
import { cityToday } from "@/lib/calendar/city-today";
import { recordAudit } from "@/lib/db/audit";
import { formatDateLong } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { annualReportDocx } from "./docx";
import { loadAnnualFigures } from "./figures";
import { annualReportDraft } from "./structure";
import { reportWords } from "./words";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The page whose readers may download the draft, and where it sits in the audit log. */
const PAGE = "annualReport";

/**
 * The draft of `year` (bounded to the city's fiscal years) in `locale`, as the route serves
 * it: the file, its name and the year it holds. Reads aggregates only.
 */
export async function buildAnnualReport(
  context: Pick<TenantRouteContext, "user" | "deps">,
  asked: Record<string, string>,
  locale: AppLocale,
  now = new Date(),
) {
  const { user, deps } = context;
  return (deps.withTenantReport ?? deps.withTenant)(user.tenantId, async (tx) => {
    const { filters } = await cityDashboardFilters(tx, user.tenantId, asked);
    const [tenant, today] = await Promise.all([
      tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } }),
      cityToday(tx, user.tenantId, now),
    ]);
    const figures = await loadAnnualFigures(tx, filters.year, yearMonthOf(today));
    const w = reportWords(locale);
    const draft = annualReportDraft({ figures, city: tenant.name, madeOn: formatDateLong(now, { locale, timeZone: tenant.timeZone }), w });
    const file = await annualReportDocx(draft, w.t, locale);
    // A slug is letters, digits and hyphens: the name needs no cleaning.
    return { file, year: filters.year, fileName: `${user.tenantSlug}-laporan-tahunan-${filters.year}.docx` };
  });
}

export const annualReportRoute = tenantRoute({ page: PAGE, people: false }, async (context) => {
  const { request, user, deps } = context;
  const asked = Object.fromEntries(new URL(request.url).searchParams);
  const report = await buildAnnualReport(context, asked, requestLocale(request));
  await deps.withTenant(user.tenantId, (tx) =>
    recordAudit(tx, {
      tenantId: user.tenantId,
      userId: user.id,
      action: "export",
      entity: "Dashboard",
      entityId: `${PAGE}/${report.year}`,
      after: { format: "docx", year: report.year },
      requestId: requestId(request.headers),
      ip: clientIp(request.headers),
    }),
  );
  return new Response(new Uint8Array(report.file), {
    headers: { "content-type": DOCX_TYPE, "content-disposition": `attachment; filename="${report.fileName}"`, "cache-control": "no-store" },
  });
});
