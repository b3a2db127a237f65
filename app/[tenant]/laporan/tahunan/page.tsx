import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { annualReportRoutes } from "@/features/reports/annual/routes";
import { AnnualReportDownload } from "@/features/reports/annual/ui/annual-report-download";
import { requireTenantPage } from "@/lib/auth/guard";
import { cityFiscalYears, fiscalYearChoices } from "@/lib/calendar/city-fiscal-year";
import { withTenantReport } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AnnualReport.page");
  return { title: t("title") };
}

export default async function AnnualReportPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "annualReport");
  const years = await withTenantReport(user.tenantId, (tx) => cityFiscalYears(tx, user.tenantId));
  const [t, locale] = await Promise.all([getTranslations("AnnualReport.page"), getLocale() as Promise<AppLocale>]);
  // An annual report is written once the year is over: the last closed year first, where there is one.
  const year = years.current - 1 >= years.first ? years.current - 1 : years.current;
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <AnnualReportDownload action={annualReportRoutes.download(slug)} years={fiscalYearChoices(years)} year={year} locale={locale} />
    </div>
  );
}
