import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintDocument } from "@/components/ui/print-document";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { pageReader } from "@/features/dashboards/panel-data";
import { withTenantReport } from "@/lib/db";
import { DASHBOARD_PRINT_CSS } from "@/lib/http/inline-styles";
import { formatDateLong } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { cityReportPeriod } from "../city-period";
import { askedOpdId, reportDetail } from "../detail";
import { reportOpds } from "../opds";
import { periodQuery } from "../period";
import { quarterlyReportData } from "../queries";
import { quarterlyReportRoutes } from "../routes";
import { quarterlyReportTables } from "../tables";
import { DetailPerOpdNote } from "./detail-note";
import { opdRowHref, QuarterlyReportTables } from "./report-tables";

/** The report as an A4 document: the city, the period and the date above the same tables as the page, for the same OPD (`?opd=`). */
export async function QuarterlyReportPrint({ slug, user, query }: { slug: string; user: TenantSessionUser; query: Record<string, SearchParamValue> }) {
  const { period, tenant } = await withTenantReport(user.tenantId, async (tx) => ({
    period: (await cityReportPeriod(tx, user.tenantId, query)).period,
    tenant: await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } }),
  }));
  const data = await quarterlyReportData(pageReader(user.tenantId, withTenantReport), period);
  const [t, locale] = await Promise.all([getTranslations("QuarterlyReport"), getLocale() as Promise<AppLocale>]);
  const detail = reportDetail(data, askedOpdId(query));
  const periodParams = periodQuery(period);
  const back = (
    <Link href={quarterlyReportRoutes.report(slug, { ...periodParams, opd: detail.opd?.id })} className="text-sm text-brand-800 underline">
      {t("actions.back")}
    </Link>
  );
  // The tables are wide: the sheet turns to landscape (the dashboards' rule, after the document's portrait one).
  return (
    <div data-report-print>
      <PrintDocument wide printLabel={t("actions.print")} back={back}>
        <header className="mb-4">
          <p className="text-xs tracking-wide uppercase">{tenant.name}</p>
          <h1 className="mt-1 text-lg font-bold">{t("title")}</h1>
          <p className="mt-1">{t("eyebrow", { quarter: period.quarter, year: period.year })}</p>
          <p className="mt-1 text-muted">{t("printedAt", { date: formatDateLong(new Date(), { locale, timeZone: tenant.timeZone }) })}</p>
        </header>
        <QuarterlyReportTables
          tables={quarterlyReportTables(data, locale, detail)}
          locale={locale}
          rowHref={{ opds: opdRowHref(reportOpds(data), (opd) => quarterlyReportRoutes.print(slug, { ...periodParams, opd })) }}
          detailNote={detail.kind === "perOpd" ? <DetailPerOpdNote programmeCount={detail.programmeCount} where="print" /> : null}
        />
      </PrintDocument>
      <style>{DASHBOARD_PRINT_CSS}</style>
    </div>
  );
}
