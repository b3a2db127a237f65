import { getLocale, getTranslations } from "next-intl/server";
import { buttonClassName, LinkButton } from "@/components/ui/button";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { PageHeader } from "@/components/ui/page-header";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { userCan } from "@/lib/auth/permissions";
import { fiscalYearChoices } from "@/lib/calendar/city-fiscal-year";
import { pageReader } from "@/features/dashboards/panel-data";
import { withTenantReport } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import type { SearchParamValue } from "@/lib/validation/search-params";
import { mayTakeAnnex } from "../annex";
import { cityReportPeriod } from "../city-period";
import { askedOpdId, reportDetail } from "../detail";
import { reportOpds } from "../opds";
import { periodQuery } from "../period";
import { quarterlyReportData } from "../queries";
import { quarterlyReportRoutes } from "../routes";
import { quarterlyReportTables } from "../tables";
import { DetailPerOpdNote } from "./detail-note";
import { PeriodForm } from "./period-form";
import { opdRowHref, QuarterlyReportTables } from "./report-tables";

/** The quarterly report on screen: the period, the files it offers this reader, then its tables. */
export async function QuarterlyReportPage({ slug, user, query }: { slug: string; user: TenantSessionUser; query: Record<string, SearchParamValue> }) {
  const { period, fiscalYears } = await withTenantReport(user.tenantId, (tx) => cityReportPeriod(tx, user.tenantId, query));
  const data = await quarterlyReportData(pageReader(user.tenantId, withTenantReport), period);
  const [t, locale] = await Promise.all([getTranslations("QuarterlyReport"), getLocale() as Promise<AppLocale>]);
  const detail = reportDetail(data, askedOpdId(query));
  const opds = reportOpds(data);
  const periodParams = periodQuery(period);
  const annex = mayTakeAnnex(user);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("eyebrow", { quarter: period.quarter, year: period.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            {userCan(user, "data:export") ? (
              <a href={quarterlyReportRoutes.workbook(slug, { ...periodParams, format: "xlsx" })} download className={buttonClassName("primary")}>
                {t("actions.workbook")}
              </a>
            ) : null}
            <LinkButton href={quarterlyReportRoutes.print(slug, { ...periodParams, opd: detail.opd?.id })} variant="secondary">
              {t("actions.print")}
            </LinkButton>
          </div>
        }
      />
      <PeriodForm
        path={quarterlyReportRoutes.report(slug)}
        period={period}
        years={fiscalYearChoices(fiscalYears)}
        opds={opds}
        opdId={detail.opd?.id ?? null}
        locale={locale}
      />
      {annex ? (
        <p className="flex flex-col gap-2 text-sm text-muted sm:flex-row sm:items-center">
          <ExportLinks
            href={quarterlyReportRoutes.annex(slug)}
            query={new URLSearchParams(periodParams).toString()}
            formats={["xlsx"]}
            label={t("actions.annex")}
          />
          <span>{t("annexNote")}</span>
        </p>
      ) : (
        <p className="text-sm text-muted">{t("annexWithheld")}</p>
      )}
      <QuarterlyReportTables
        tables={quarterlyReportTables(data, locale, detail)}
        locale={locale}
        rowHref={{ opds: opdRowHref(opds, (opd) => quarterlyReportRoutes.report(slug, { ...periodParams, opd })) }}
        detailNote={detail.kind === "perOpd" ? <DetailPerOpdNote programmeCount={detail.programmeCount} where="page" /> : null}
      />
    </div>
  );
}
