import type { Metadata } from "next";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardBarChart } from "@/features/dashboards/ui/bar-chart";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { ResultCards } from "@/features/dashboards/results/ui/result-cards";
import { LinkButton } from "@/components/ui/button";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { exportLinks, workbookLink } from "@/features/dashboards/export-links";
import { dashboardFiltersQuery } from "@/features/dashboards/filters";
import { mayorDashboardContext } from "@/features/dashboards/mayor-context";
import { resultsTables } from "@/features/dashboards/results/tables";
import { resultsDashboardQueries as q } from "@/features/dashboards/results/queries";
import { allOf, mapPanel, panelLoader } from "@/features/dashboards/panel-data";
import { DashboardPanel } from "@/features/dashboards/ui/dashboard-panel";
import { withTenantReport } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import type { FigureCell, FigureTable } from "@/lib/spreadsheet/figures";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CHART_PROGRAMMES = 15;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ResultsDashboard");
  return { title: t("title") };
}

export default async function ResultsDashboardPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "resultsDashboard");
  const query = readSearchParams(await searchParams);
  // The filters first (the filter bar needs them), then each figure on its own
  // (features/dashboards/panel-data.ts): a slow or failing one costs its panel only.
  const context = await withTenantReport(user.tenantId, (tx) => mayorDashboardContext(tx, user.tenantId, query));
  const { filters, options } = context;
  const load = panelLoader(user.tenantId, withTenantReport);
  const totals = load("results.totals", (tx) => q.totals(tx, filters));
  const opds = load("results.byOpd", (tx) => q.byOpd(tx, filters));
  const programmes = load("results.byProgramme", (tx) => q.byProgramme(tx, filters));
  const sipdProgrammes = load("results.bySipdProgramme", (tx) => q.bySipdProgramme(tx, filters));
  const sipdKegiatan = load("results.bySipdKegiatan", (tx) => q.bySipdKegiatan(tx, filters));
  const [t, locale] = await Promise.all([getTranslations("ResultsDashboard"), getLocale() as Promise<AppLocale>]);
  const tDashboards = await getTranslations("Dashboards");
  const none = { opds: [], programmes: [], sipdProgrammes: [], sipdKegiatan: [] };
  const opdTables = mapPanel(allOf({ totals, opds }), async (data) => ({
    totals: data.totals,
    table: (await resultsTables({ ...none, ...data })).opds,
  }));
  const programmeTable = mapPanel(allOf({ totals, programmes }), async (data) => (await resultsTables({ ...none, ...data })).programmes);
  const sipdTables = {
    sipdProgrammes: mapPanel(allOf({ totals, sipdProgrammes }), async (data) => (await resultsTables({ ...none, ...data })).sipdProgrammes),
    sipdKegiatan: mapPanel(allOf({ totals, sipdKegiatan }), async (data) => (await resultsTables({ ...none, ...data })).sipdKegiatan),
  };
  const path = dashboardsRoutes.results(slug);
  const links = (id: string) => (userCan(user, "data:export") ? exportLinks(dashboardsRoutes.resultsExport(slug), filters, id) : null);

  // Charts read the suppressed tables, so a bar never shows a hidden count; hidden figures rank last.
  const opdData = (table: FigureTable) => table.rows.map((row) => ({ opd: row.opd ?? "", reached: row.reached ?? null, trained: row.trained ?? null }));
  const ranked = (table: FigureTable, key: string) =>
    table.rows
      .filter((row) => row[key] !== null && row[key] !== undefined)
      .sort((a, b) => shownNumber(b[key]) - shownNumber(a[key]))
      .slice(0, CHART_PROGRAMMES)
      .map((row) => ({ programme: row.programme ?? "", [key]: row[key] ?? null }));

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow", { year: filters.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar workbookHref={userCan(user, "data:export") ? workbookLink(dashboardsRoutes.resultsExport(slug), filters) : null}>
            <LinkButton href={dashboardsRoutes.budget(slug, dashboardFiltersQuery(filters))} variant="secondary" className="print:hidden">
              {t("toBudget")}
            </LinkButton>
          </DashboardToolbar>
        }
      />
      <DashboardFilterBar
        path={path}
        filters={filters}
        options={options}
        fields={["year", "kecamatan", "opd", "programme", "sipd"]}
        idPrefix="results-dashboard"
      />
      <ClosedYearNotice year={filters.year} currentYear={context.fiscalYears.current} />
      {filters.kecamatanId ? <FormNotice>{t("kecamatanNote")}</FormNotice> : null}
      <DashboardPanel title={t("summaryLabel", { year: filters.year })} data={opdTables}>
        {(data) => <ResultCards label={t("summaryLabel", { year: filters.year })} figures={data.totals} shown={data.table.total ?? {}} />}
      </DashboardPanel>
      <p className="max-w-4xl text-sm text-muted">{t("definitions")}</p>
      <DashboardPanel title={t("tables.opds.title")} data={opdTables}>
        {({ table }) => (
          <ChartPanel
            table={table}
            description={t("tables.opds.description")}
            exportLinks={links("opds")}
            layout="below"
            chart={
              <DashboardBarChart
                data={opdData(table)}
                categoryKey="opd"
                locale={locale}
                label={tDashboards("chartLabel", { title: table.title })}
                categoryWidth={110}
                series={[
                  { key: "reached", label: t("series.reached") },
                  { key: "trained", label: t("series.trained") },
                ]}
              />
            }
          />
        )}
      </DashboardPanel>
      <DashboardPanel title={t("tables.programmes.title")} data={programmeTable}>
        {(table) => (
          <ChartPanel
            table={table}
            description={t("tables.programmes.description")}
            exportLinks={links("programmes")}
            layout="below"
            print="chart"
            printSpan={2}
            chart={
              filters.kecamatanId ? (
                <DashboardBarChart
                  data={ranked(table, "reached")}
                  categoryKey="programme"
                  locale={locale}
                  label={tDashboards("chartLabel", { title: table.title })}
                  categoryWidth={200}
                  series={[{ key: "reached", label: t("series.reached") }]}
                />
              ) : (
                <DashboardBarChart
                  data={ranked(table, "perReached").filter((row) => typeof row.perReached === "number")}
                  categoryKey="programme"
                  valueKind="rupiah"
                  locale={locale}
                  label={tDashboards("chartLabel", { title: table.title })}
                  categoryWidth={200}
                  series={[{ key: "perReached", label: t("series.perReached") }]}
                />
              )
            }
          />
        )}
      </DashboardPanel>
      {/* One under the other: with the training figures a table has eight columns, too many for half a laptop's width. */}
      {(["sipdProgrammes", "sipdKegiatan"] as const).map((id) => (
        <DashboardPanel key={id} title={t(`tables.${id}.title`)} data={sipdTables[id]} className="print:hidden">
          {(table) => (
            <ChartPanel
              table={table}
              description={
                <>
                  {t(`tables.${id}.description`)} {t("sipdDefinition")}
                  {table.rows.length > CHART_PROGRAMMES ? <> {t("tables.sipdChartShown", { shown: CHART_PROGRAMMES })}</> : null}
                </>
              }
              exportLinks={links(id)}
              layout="below"
              print="none"
              chart={
                <DashboardBarChart
                  data={table.rows.slice(0, CHART_PROGRAMMES).map((row) => ({ code: row.code ?? "", realised: row.realised ?? null }))}
                  categoryKey="code"
                  valueKind="rupiah"
                  locale={locale}
                  label={tDashboards("chartLabel", { title: table.title })}
                  categoryWidth={110}
                  series={[{ key: "realised", label: t("tables.realised") }]}
                />
              }
            />
          )}
        </DashboardPanel>
      ))}
    </DashboardPage>
  );
}

function shownNumber(cell: FigureCell | undefined): number {
  return typeof cell === "number" ? cell : Number.NEGATIVE_INFINITY;
}
