import type { Metadata } from "next";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardBarChart } from "@/features/dashboards/ui/bar-chart";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardGrid, DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { exportLinks, workbookLink } from "@/features/dashboards/export-links";
import { revolvingFundsDashboardFilters } from "@/features/dashboards/revolving-funds/filters";
import { revolvingFundsDashboardQueries, type RevolvingFundsDashboardTotals } from "@/features/dashboards/revolving-funds/queries";
import { panelLoader } from "@/features/dashboards/panel-data";
import { DashboardPanel } from "@/features/dashboards/ui/dashboard-panel";
import { fundRates, revolvingFundsDashboardTable } from "@/features/dashboards/revolving-funds/tables";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import { withTenantReport } from "@/lib/db";
import { formatNumber, formatPercent, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { fiscalYearChoices } from "@/lib/calendar/city-fiscal-year";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RevolvingFundsDashboard");
  return { title: t("title") };
}

export default async function RevolvingFundsDashboardPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "revolvingFundsDashboard");
  const query = readSearchParams(await searchParams);
  const t = await getTranslations("RevolvingFundsDashboard");
  const translate = (key: string, values?: Record<string, string | number>) => t(key as Parameters<typeof t>[0], values);
  // The filters first (the filter bar needs them), then each figure on its own
  // (features/dashboards/panel-data.ts): a slow or failing one costs its panel only.
  const { filters, options, currentYear } = await withTenantReport(user.tenantId, async (tx) => {
    const [{ filters, fiscalYears, fundYears }, kecamatan] = await Promise.all([
      revolvingFundsDashboardFilters(tx, user.tenantId, query),
      tx.area.findMany({ where: { level: "KECAMATAN" }, select: { id: true, name: true }, orderBy: { code: "asc" } }),
    ]);
    const options = {
      years: fiscalYearChoices(fiscalYears, fundYears),
      kecamatan: kecamatan.map((area) => ({ id: area.id, label: area.name })),
      opds: [],
      programmes: [],
      sipdCodes: [],
    };
    return { filters, options, currentYear: fiscalYears.current };
  });
  const load = panelLoader(user.tenantId, withTenantReport);
  const totals = load("revolvingFunds.totals", (tx) => revolvingFundsDashboardQueries.totals(tx, filters));
  // Suppressed once, so the chart reads the same hidden cells as the table beside it.
  const byKelurahan = totals.then((result) =>
    result.ok
      ? load("revolvingFunds.byKelurahan", async (tx) =>
          suppressTable((await revolvingFundsDashboardTable(tx, filters, translate, "kelurahan", { totals: result.value }))!),
        )
      : result,
  );
  const ageing = load("revolvingFunds.ageing", async (tx) => suppressTable((await revolvingFundsDashboardTable(tx, filters, translate, "ageing"))!));
  const locale = (await getLocale()) as AppLocale;
  const path = dashboardsRoutes.revolvingFunds(slug);
  const links = (tableId: string) => (userCan(user, "data:export") ? exportLinks(dashboardsRoutes.revolvingFundsExport(slug), filters, tableId) : null);
  const short = (amount: bigint) => formatRupiahShort(amount, { locale });
  const fundSummary = (totals: RevolvingFundsDashboardTotals) => {
    const rates = fundRates(totals);
    return (
      <StatGrid label={t("summary")}>
        <StatCard
          label={t("disbursed")}
          value={short(totals.disbursed)}
          hint={t("disbursedHint", { loans: formatNumber(totals.loans, { locale }), funds: formatNumber(totals.funds, { locale }) })}
        />
        <StatCard label={t("outstanding")} value={short(totals.outstanding)} hint={t("writtenOffHint", { amount: short(totals.writtenOff) })} />
        <StatCard label={t("repaymentRate")} value={formatPercent(rates.repaymentRate, { locale })} hint={t("repaymentRateHint")} tone="highlight" />
        <StatCard label={t("par30")} value={formatPercent(rates.par30, { locale })} hint={t("par30Hint")} />
        <StatCard
          label={t("youthShare")}
          value={formatPercent(rates.youthShare, { locale })}
          hint={t("youthHint", { youth: formatNumber(totals.youthLoans, { locale }) })}
        />
        <StatCard label={t("businesses")} value={formatNumber(totals.businesses, { locale })} hint={t("businessesHint")} />
        <StatCard label={t("rounds")} value={formatNumber(totals.roundsCompleted, { locale })} hint={t("roundsHint")} />
        <StatCard label={t("capital")} value={short(totals.capital)} hint={t("capitalHint")} />
      </StatGrid>
    );
  };

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow", { year: filters.year })}
        title={t("title")}
        description={t("description")}
        actions={<DashboardToolbar workbookHref={userCan(user, "data:export") ? workbookLink(dashboardsRoutes.revolvingFundsExport(slug), filters) : null} />}
      />
      <DashboardFilterBar path={path} filters={filters} options={options} fields={["year", "kecamatan"]} idPrefix="rollup" />
      <ClosedYearNotice year={filters.year} currentYear={currentYear} />
      <DashboardPanel title={t("summary")} data={totals}>
        {fundSummary}
      </DashboardPanel>
      <DashboardPanel title={t("byKelurahan")} data={byKelurahan}>
        {(table) => (
          <ChartPanel
            table={table}
            description={t("byKelurahanIntro")}
            exportLinks={links("kelurahan")}
            layout="below"
            print="table"
            printSpan={3}
            emptyText={t("empty", { year: filters.year })}
            chart={
              <DashboardBarChart
                data={table.rows}
                categoryKey="kelurahan"
                series={[
                  { key: "disbursed", label: t("seriesDisbursed") },
                  { key: "outstanding", label: t("seriesOutstanding") },
                ]}
                locale={locale}
                label={t("chartDisbursed")}
              />
            }
          />
        )}
      </DashboardPanel>
      <DashboardGrid>
        <DashboardPanel title={t("ageing")} data={ageing}>
          {(table) => (
            <ChartPanel
              table={table}
              description={t("ageingIntro")}
              exportLinks={links("ageing")}
              layout="below"
              chart={
                <DashboardBarChart
                  data={table.rows}
                  categoryKey="bucket"
                  series={[{ key: "outstanding", label: t("seriesOutstanding") }]}
                  locale={locale}
                  label={t("chartAgeing")}
                />
              }
            />
          )}
        </DashboardPanel>
      </DashboardGrid>
    </DashboardPage>
  );
}
