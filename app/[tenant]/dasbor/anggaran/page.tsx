import type { Metadata } from "next";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
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
import { budgetTables, BEHIND_THRESHOLD_POINTS, BUDGET_LEAD_COLUMNS, type BudgetDashboardData } from "@/features/dashboards/budget/tables";
import { budgetDashboardQueries as q } from "@/features/dashboards/budget/queries";
import { allOf, mapPanel, panelLoader, type PanelResult } from "@/features/dashboards/panel-data";
import { DashboardPanel } from "@/features/dashboards/ui/dashboard-panel";
import { cityToday } from "@/lib/calendar/city-today";
import { exportLinks, workbookLink } from "@/features/dashboards/export-links";
import { dashboardFiltersQuery } from "@/features/dashboards/filters";
import { mayorDashboardContext } from "@/features/dashboards/mayor-context";
import { withTenantReport } from "@/lib/db";
import { monthName, yearMonthOf } from "@/lib/calendar/months";
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
  // The filters first (the filter bar needs them), then each figure on its own
  // (features/dashboards/panel-data.ts): a slow or failing one costs its panel only.
  const { context, today } = await withTenantReport(user.tenantId, async (tx) => ({
    context: await mayorDashboardContext(tx, user.tenantId, query),
    today: yearMonthOf(await cityToday(tx, user.tenantId)),
  }));
  const { filters, options } = context;
  const [t, tDashboards, locale] = await Promise.all([getTranslations("BudgetDashboard"), getTranslations("Dashboards"), getLocale() as Promise<AppLocale>]);
  const load = panelLoader(user.tenantId, withTenantReport);
  const summary = load("budget.summary", (tx) => q.summary(tx, filters, today));
  const curve = load("budget.monthlyCurve", (tx) => q.monthlyCurve(tx, filters, today));
  const sources = load("budget.bySource", (tx) => q.bySource(tx, filters, today));
  const opds = load("budget.byOpd", (tx) => q.byOpd(tx, filters, today));
  const programmes = load("budget.byProgramme", (tx) => q.byProgramme(tx, filters, today));
  const sipdProgrammes = load("budget.bySipdProgramme", (tx) => q.bySipdProgramme(tx, filters, today));
  const sipdKegiatan = load("budget.bySipdKegiatan", (tx) => q.bySipdKegiatan(tx, filters, today));
  // Every table's total row is the summary's: a panel needs the summary and its own figures.
  const none: Omit<BudgetDashboardData, "summary"> = { curve: [], sources: [], opds: [], programmes: [], sipdProgrammes: [], sipdKegiatan: [] };
  const tablesWith = <K extends keyof typeof none>(key: K, part: Promise<PanelResult<BudgetDashboardData[K]>>) =>
    mapPanel(allOf({ summary, part }), async (data) => ({
      data: { ...none, summary: data.summary, [key]: data.part } as BudgetDashboardData,
      tables: await budgetTables({ ...none, summary: data.summary, [key]: data.part }, locale),
    }));
  const path = dashboardsRoutes.budget(slug);
  const links = (id: string) => (userCan(user, "data:export") ? exportLinks(dashboardsRoutes.budgetExport(slug), filters, id) : null);
  const chartLabel = (title: string) => tDashboards("chartLabel", { title });
  const tableTitles = await getTranslations("BudgetDashboard.tables");

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow", { year: filters.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar workbookHref={userCan(user, "data:export") ? workbookLink(dashboardsRoutes.budgetExport(slug), filters) : null}>
            <LinkButton href={dashboardsRoutes.results(slug, dashboardFiltersQuery(filters))} variant="secondary" className="print:hidden">
              {t("toResults")}
            </LinkButton>
          </DashboardToolbar>
        }
      />
      <div>
        <DashboardFilterBar path={path} filters={filters} options={options} fields={["year", "opd", "programme", "sipd"]} idPrefix="budget-dashboard" />
        <ClosedYearNotice year={filters.year} currentYear={context.fiscalYears.current} />
        <p className="mt-2 text-sm text-muted print:hidden">{t("noKecamatan")}</p>
      </div>
      <DashboardPanel title={t("summaryLabel", { year: filters.year })} data={summary}>
        {(summary) => (
          <>
            <AbsorptionSummary
              label={t("summaryLabel", { year: filters.year })}
              absorption={summary.total}
              fiscalYear={filters.year}
              pendingCount={summary.total.pendingCount}
              pendingAmount={summary.total.pendingAmount}
            />
            <IncentiveApart
              incentive={summary.fiscalIncentive}
              other={summary.otherSources}
              programmesBehind={summary.programmesBehind}
              thresholdPoints={BEHIND_THRESHOLD_POINTS}
            />
          </>
        )}
      </DashboardPanel>
      <DashboardPanel title={tableTitles("curve.title")} data={tablesWith("curve", curve)}>
        {({ data, tables }) => (
          <ChartPanel
            table={tables.curve}
            lead={BUDGET_LEAD_COLUMNS.curve}
            description={t("tables.curve.description")}
            exportLinks={links("curve")}
            printSpan={2}
            chart={
              <DashboardLineChart
                data={data.curve.map((point) => ({
                  month: monthName(point.month, locale).slice(0, 3),
                  cumulative: point.elapsed ? point.cumulativePct : null,
                  calendar: point.calendarPct,
                }))}
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
        )}
      </DashboardPanel>
      <DashboardGrid>
        <DashboardPanel title={tableTitles("sources.title")} data={tablesWith("sources", sources)} className="print:hidden">
          {({ tables }) => (
            <ChartPanel
              table={tables.sources}
              lead={BUDGET_LEAD_COLUMNS.sources}
              description={t("tables.sources.description")}
              exportLinks={links("sources")}
              layout="below"
              print="none"
              chart={
                <DashboardBarChart
                  data={tables.sources.rows.map((row) => ({ source: row.source ?? "", absorption: row.absorption ?? null }))}
                  categoryKey="source"
                  valueKind="percent"
                  locale={locale}
                  label={chartLabel(tables.sources.title)}
                  series={[{ key: "absorption", label: t("series.absorption") }]}
                />
              }
            />
          )}
        </DashboardPanel>
        <DashboardPanel title={tableTitles("opds.title")} data={tablesWith("opds", opds)}>
          {({ data, tables }) => (
            <ChartPanel
              table={tables.opds}
              lead={BUDGET_LEAD_COLUMNS.opds}
              description={t("tables.opds.description")}
              exportLinks={links("opds")}
              layout="below"
              chart={
                <DashboardBarChart
                  data={data.opds.map((row) => ({ opd: row.opdShortName, absorption: row.absorption, expected: row.expected }))}
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
          )}
        </DashboardPanel>
      </DashboardGrid>
      <DashboardPanel title={tableTitles("programmes.title")} data={tablesWith("programmes", programmes)} className="print:hidden">
        {({ data, tables }) => (
          <ChartPanel
            table={{ ...tables.programmes, rows: tables.programmes.rows.slice(0, SCREEN_PROGRAMMES) }}
            lead={BUDGET_LEAD_COLUMNS.programmes}
            description={
              <>
                {t("tables.programmes.description", { points: BEHIND_THRESHOLD_POINTS })}
                {data.programmes.length > CHART_PROGRAMMES ? <> {t("tables.programmes.chartShown", { shown: CHART_PROGRAMMES })}</> : null}
                {tables.programmes.rows.length > SCREEN_PROGRAMMES ? (
                  <> {t("tables.programmes.more", { shown: SCREEN_PROGRAMMES, total: tables.programmes.rows.length })}</>
                ) : null}
              </>
            }
            exportLinks={links("programmes")}
            print="none"
            chart={
              <DashboardBarChart
                data={data.programmes.slice(0, CHART_PROGRAMMES).map((row) => ({
                  programme: row.programmeName,
                  absorption: row.absorption,
                  expected: row.expected,
                  behind: row.behind ? tableTitles("programmes.behind") : null,
                }))}
                categoryKey="programme"
                valueKind="percent"
                locale={locale}
                label={chartLabel(tables.programmes.title)}
                categoryWidth={200}
                flag={{ key: "behind", series: "absorption", legend: t("series.behind", { points: BEHIND_THRESHOLD_POINTS }) }}
                series={[
                  { key: "absorption", label: t("series.absorption") },
                  { key: "expected", label: t("series.expected"), color: "#566273" },
                ]}
              />
            }
          />
        )}
      </DashboardPanel>
      <DashboardGrid>
        {(["sipdProgrammes", "sipdKegiatan"] as const).map((id) => (
          <DashboardPanel
            key={id}
            title={tableTitles(`${id}.title`)}
            data={tablesWith(id, id === "sipdProgrammes" ? sipdProgrammes : sipdKegiatan)}
            className="print:hidden"
          >
            {({ tables }) => (
              <ChartPanel
                table={tables[id]}
                lead={BUDGET_LEAD_COLUMNS[id]}
                description={
                  <>
                    {t(`tables.${id}.description`)}
                    {tables[id].rows.length > CHART_PROGRAMMES ? <> {t("tables.sipd.chartShown", { shown: CHART_PROGRAMMES })}</> : null}
                  </>
                }
                exportLinks={links(id)}
                layout="below"
                print="none"
                chart={
                  <DashboardBarChart
                    data={tables[id].rows.slice(0, CHART_PROGRAMMES).map((row) => ({ code: row.code ?? "", absorption: row.absorption ?? null }))}
                    categoryKey="code"
                    valueKind="percent"
                    locale={locale}
                    label={chartLabel(tables[id].title)}
                    categoryWidth={110}
                    series={[{ key: "absorption", label: t("series.absorption") }]}
                  />
                }
              />
            )}
          </DashboardPanel>
        ))}
      </DashboardGrid>
    </DashboardPage>
  );
}
