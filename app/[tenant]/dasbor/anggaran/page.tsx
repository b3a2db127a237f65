import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AbsorptionSummary } from "@/features/budget/ui/absorption-summary";
import { DashboardBarChart } from "@/features/dashboards/ui/bar-chart";
import { IncentiveApart } from "@/features/dashboards/budget/ui/incentive-apart";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardGrid, DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { DashboardLineChart } from "@/features/dashboards/ui/line-chart";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { budgetDashboardData, budgetTables, BEHIND_THRESHOLD_POINTS } from "@/features/dashboards/budget/tables";
import { exportLinks } from "@/features/dashboards/export-links";
import { dashboardFiltersQuery } from "@/features/dashboards/filters";
import { mayorDashboardContext } from "@/features/dashboards/mayor-context";
import { withTenant } from "@/lib/db";
import { monthName } from "@/lib/calendar/months";
import type { AppLocale } from "@/lib/i18n/locales";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Rows of the programme table shown on screen; the export has them all. */
const SCREEN_PROGRAMMES = 50;
const CHART_PROGRAMMES = 15;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("BudgetDashboard");
  return { title: t("title") };
}

export default async function BudgetDashboardPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "budgetDashboard");
  const query = readSearchParams(await searchParams);
  const { context, data } = await withTenant(user.tenantId, async (tx) => {
    const context = await mayorDashboardContext(tx, user.tenantId, query);
    return { context, data: await budgetDashboardData(tx, user.tenantId, context.filters) };
  });
  const { filters, options } = context;
  const [t, tDashboards, locale] = await Promise.all([getTranslations("BudgetDashboard"), getTranslations("Dashboards"), getLocale() as Promise<AppLocale>]);
  const tables = await budgetTables(data, locale);
  const path = dashboardsRoutes.budget(slug);
  const links = (id: string) => (userCan(user, "data:export") ? exportLinks(dashboardsRoutes.budgetExport(slug), filters, id) : null);
  const chartLabel = (title: string) => tDashboards("chartLabel", { title });

  const curveData = data.curve.map((point) => ({
    month: monthName(point.month, locale).slice(0, 3),
    cumulative: point.elapsed ? point.cumulativePct : null,
    calendar: point.calendarPct,
  }));
  const sourceData = tables.sources.rows.map((row) => ({ source: row.source ?? "", absorption: row.absorption ?? null }));
  const opdData = data.opds.map((row) => ({ opd: row.opdShortName, absorption: row.absorption, expected: row.expected }));
  const laggards = data.programmes
    .slice(0, CHART_PROGRAMMES)
    .map((row) => ({ programme: row.programmeName, absorption: row.absorption, expected: row.expected }));
  const screenProgrammes = { ...tables.programmes, rows: tables.programmes.rows.slice(0, SCREEN_PROGRAMMES) };

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow", { year: filters.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar>
            <LinkButton href={dashboardsRoutes.results(slug, dashboardFiltersQuery(filters))} variant="secondary" className="print:hidden">
              {t("toResults")}
            </LinkButton>
          </DashboardToolbar>
        }
      />
      <div>
        <DashboardFilterBar path={path} filters={filters} options={options} fields={["year", "opd", "programme"]} idPrefix="budget-dashboard" />
        <p className="mt-2 text-sm text-muted print:hidden">{t("noKecamatan")}</p>
      </div>
      <AbsorptionSummary
        label={t("summaryLabel", { year: filters.year })}
        absorption={data.summary.total}
        fiscalYear={filters.year}
        pendingCount={data.summary.total.pendingCount}
        pendingAmount={data.summary.total.pendingAmount}
      />
      <IncentiveApart
        incentive={data.summary.fiscalIncentive}
        other={data.summary.otherSources}
        programmesBehind={data.summary.programmesBehind}
        thresholdPoints={BEHIND_THRESHOLD_POINTS}
      />
      <ChartPanel
        table={tables.curve}
        description={t("tables.curve.description")}
        exportLinks={links("curve")}
        printSpan={2}
        chart={
          <DashboardLineChart
            data={curveData}
            xKey="month"
            valueKind="percent"
            locale={locale}
            label={chartLabel(tables.curve.title)}
            series={[
              { key: "cumulative", label: t("series.cumulative") },
              { key: "calendar", label: t("series.calendar"), color: "#566273" },
            ]}
          />
        }
      />
      <DashboardGrid>
        <ChartPanel
          table={tables.sources}
          description={t("tables.sources.description")}
          exportLinks={links("sources")}
          layout="below"
          print="none"
          chart={
            <DashboardBarChart
              data={sourceData}
              categoryKey="source"
              valueKind="percent"
              locale={locale}
              label={chartLabel(tables.sources.title)}
              series={[{ key: "absorption", label: t("series.absorption") }]}
            />
          }
        />
        <ChartPanel
          table={tables.opds}
          description={t("tables.opds.description")}
          exportLinks={links("opds")}
          layout="below"
          chart={
            <DashboardBarChart
              data={opdData}
              categoryKey="opd"
              valueKind="percent"
              locale={locale}
              label={chartLabel(tables.opds.title)}
              categoryWidth={110}
              series={[
                { key: "absorption", label: t("series.absorption") },
                { key: "expected", label: t("series.expected"), color: "#566273" },
              ]}
            />
          }
        />
      </DashboardGrid>
      <ChartPanel
        table={screenProgrammes}
        description={
          <>
            {t("tables.programmes.description", { points: BEHIND_THRESHOLD_POINTS })}
            {tables.programmes.rows.length > SCREEN_PROGRAMMES ? (
              <> {t("tables.programmes.more", { shown: SCREEN_PROGRAMMES, total: tables.programmes.rows.length })}</>
            ) : null}
          </>
        }
        exportLinks={links("programmes")}
        print="none"
        chart={
          <DashboardBarChart
            data={laggards}
            categoryKey="programme"
            valueKind="percent"
            locale={locale}
            label={chartLabel(tables.programmes.title)}
            categoryWidth={200}
            series={[
              { key: "absorption", label: t("series.absorption") },
              { key: "expected", label: t("series.expected"), color: "#566273" },
            ]}
          />
        }
      />
    </DashboardPage>
  );
}
