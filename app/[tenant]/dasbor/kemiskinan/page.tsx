import type { Metadata } from "next";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardBarChart } from "@/features/dashboards/ui/bar-chart";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardPanel } from "@/features/dashboards/ui/dashboard-panel";
import { allOf, mapPanel, panelLoader } from "@/features/dashboards/panel-data";
import { DashboardGrid, DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { PovertySummary } from "@/features/dashboards/poverty/ui/poverty-summary";
import { UNREACHED_PAGE_SIZE, UnreachedList } from "@/features/dashboards/poverty/ui/unreached-list";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { meets } from "@/lib/auth/gate";
import { userMayOpen } from "@/lib/auth/pages";
import { userCan } from "@/lib/auth/permissions";
import { dashboardFilterOptions, shownDashboardFilters } from "@/features/dashboards/filter-options";
import { cityDashboardFilters } from "@/features/dashboards/mayor-context";
import { dashboardFiltersQuery } from "@/features/dashboards/filters";
import { exportLinks, workbookLink } from "@/features/dashboards/export-links";
import { povertyDashboardQueries as q } from "@/features/dashboards/poverty/queries";
import {
  desilTable,
  graduationDefinitions,
  graduationsTable,
  overlapDepthTable,
  overlapTable,
  POVERTY_LEAD_COLUMNS,
  povertyAreaTables,
  targetingTable,
} from "@/features/dashboards/poverty/tables";
import { FigureDefinitions } from "@/features/dashboards/ui/figure-definitions";
import { differenceCell } from "@/lib/spreadsheet/suppression";
import { withTenantReport } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { readSearchParams } from "@/lib/validation/search-params";
import { parseUnreachedListFilter, unreachedCursorOf, unreachedListQuery, unreachedListRequirement } from "@/features/dashboards/poverty/unreached";
import { KEY_CURSOR_PARAMS, type KeyCursor } from "@/lib/paging/key-page";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { statisticsRoutes } from "@/features/statistics/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Kelurahan shown in the ranked chart; the table beside it lists them all. */
const CHART_KELURAHAN = 15;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PovertyDashboard");
  return { title: t("title") };
}

export default async function PovertyDashboardPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "povertyDashboard");
  const query = readSearchParams(await searchParams);
  const named = userCan(user, "registry:read-personal");
  const mayExport = userCan(user, "data:export");
  const mayTakeList = meets(user, unreachedListRequirement);
  const listCursor = unreachedCursorOf(query);
  const askedList = parseUnreachedListFilter(query);
  const askedKelurahan = askedList.kelurahanId;

  // The filters and their choices come first and together: the filter bar needs them. Each
  // figure then loads on its own (features/dashboards/panel-data.ts), so a slow or failing one
  // costs its panel only.
  const head = await withTenantReport(user.tenantId, async (tx) => {
    const asked = await cityDashboardFilters(tx, user.tenantId, query);
    const filters = await shownDashboardFilters(tx, asked.filters);
    return { filters, fiscalYears: asked.fiscalYears, options: await dashboardFilterOptions(tx, filters, asked.fiscalYears) };
  });
  const { filters } = head;
  const load = panelLoader(user.tenantId, withTenantReport);
  const byKelurahan = load("registryByKelurahan", (tx) => q.registryByKelurahan(tx, filters));
  const byKelurahanCoverage = load("coverageByKelurahan", (tx) => q.coverageByKelurahan(tx, filters));
  const byKecamatan = load("registryByKecamatan", (tx) => q.registryByKecamatan(tx, filters));
  const targeting = load("targeting", (tx) => q.targeting(tx, filters));
  const targetingByOpd = load("targetingByOpd", (tx) => q.targetingByOpd(tx, filters));
  const progress = load("targetProgress", (tx) => q.targetProgress(tx, filters));
  const coverage = load("coverage", (tx) => q.coverage(tx, filters));
  const list = byKelurahanCoverage.then((rows) => {
    const kelurahan = rows.ok ? (rows.value.find((row) => row.kelurahanId === askedKelurahan) ?? null) : null;
    const chosen = { kelurahanId: kelurahan?.kelurahanId ?? null, desil: askedList.desil };
    const page = { ...chosen, ...listCursor, limit: UNREACHED_PAGE_SIZE };
    if (!named) return Promise.resolve({ ok: true as const, value: { rows: [], nextAfter: null, prevBefore: null, total: null } });
    return load("unreachedHouseholds", async (tx) => {
      const [found, total] = await Promise.all([q.unreachedHouseholds(tx, filters, page), q.unreachedCount(tx, filters, chosen)]);
      return { ...found, total: total as number | null };
    });
  });
  const desilData = load("desilDistribution", (tx) => q.desilDistribution(tx, filters));
  const overlapData = load("overlapByOpd", (tx) => q.overlapByOpd(tx, filters));
  const graduationsData = load("graduationsByMonth", (tx) => q.graduationsByMonth(tx, filters));
  const depthData = load("overlapDepth", (tx) => q.overlapDepth(tx, filters));

  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard"), getLocale() as Promise<AppLocale>]);
  const path = dashboardsRoutes.poverty(slug);
  const links = (id: string) => (mayExport ? exportLinks(dashboardsRoutes.povertyExport(slug), filters, id) : null);
  const listQuery = (kelurahanId: string | null, desil: number | null) =>
    new URLSearchParams([...new URLSearchParams(dashboardFiltersQuery(filters)), ...Object.entries(unreachedListQuery({ kelurahanId, desil }))]);
  const listHref = (kelurahanId: string | null, cursor: KeyCursor = {}, desil: number | null = null) => {
    const query = listQuery(kelurahanId, desil);
    if (cursor.after) query.set(KEY_CURSOR_PARAMS.after, cursor.after);
    else if (cursor.before) query.set(KEY_CURSOR_PARAMS.before, cursor.before);
    return `${dashboardsRoutes.poverty(slug, query)}#daftar`;
  };
  // The area tables and the summary cards repeat one another's counts, so they are suppressed
  // together (povertyAreaTables): every panel showing one of them waits for all of their figures.
  const areaFigures = allOf({ byKecamatan, byKelurahan, byKelurahanCoverage, targeting, progress });
  const areas = mapPanel(areaFigures, (data) => ({
    byKelurahanCoverage: data.byKelurahanCoverage,
    ...povertyAreaTables({ ...data, coverage: data.byKelurahanCoverage }, t),
  }));

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow", { year: filters.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar workbookHref={mayExport ? workbookLink(dashboardsRoutes.povertyExport(slug), filters) : null}>
            {userMayOpen(user, "statistics") ? (
              <LinkButton href={statisticsRoutes.dashboard(slug)} variant="secondary">
                {t("toStatistics")}
              </LinkButton>
            ) : null}
          </DashboardToolbar>
        }
      />
      <DashboardFilterBar path={path} filters={filters} options={head.options} idPrefix="poverty" />
      <ClosedYearNotice year={filters.year} currentYear={head.fiscalYears.current} />
      <DashboardPanel title={t("summary.label")} data={allOf({ areas, areaFigures, targetingByOpd })}>
        {(data) => (
          <PovertySummary
            coverage={data.areas.unreached.total ?? {}}
            registry={data.areas.kecamatan.total ?? {}}
            targetingTotal={targetingTable(data.targetingByOpd, data.areaFigures.targeting, t).total ?? {}}
            summary={data.areas.summary.rows[0] ?? {}}
            target={data.areaFigures.progress.target}
            currentYear={head.fiscalYears.current}
          />
        )}
      </DashboardPanel>

      <DashboardPanel title={t("unreached.title")} data={areas}>
        {(data) => {
          const { unreached } = data;
          return (
            <ChartPanel
              table={unreached}
              lead={POVERTY_LEAD_COLUMNS["belum-dijangkau"]}
              description={t("unreached.description", { shown: CHART_KELURAHAN })}
              exportLinks={links(unreached.id)}
              rowHref={(i) => listHref(data.byKelurahanCoverage[i]?.kelurahanId ?? null)}
              chart={
                <DashboardBarChart
                  data={unreached.rows.slice(0, CHART_KELURAHAN)}
                  categoryKey="name"
                  series={[
                    { key: "unreached", label: t("unreached.unreached"), color: "#c9962f" },
                    { key: "reached", label: t("unreached.reached"), color: "#1f5a8e" },
                  ]}
                  stacked
                  locale={locale}
                  label={t("unreached.chartLabel")}
                />
              }
            />
          );
        }}
      </DashboardPanel>

      {/* The summary prints on one sheet; the list prints per kelurahan as its own visiting list. */}
      <DashboardPanel title={t("list.title")} data={allOf({ areas, coverage, list })} className="print:hidden">
        {(data) => {
          const kelurahan = data.areas.byKelurahanCoverage.find((row) => row.kelurahanId === askedKelurahan) ?? null;
          const { unreached } = data.areas;
          const listRow = kelurahan ? unreached.rows[data.areas.byKelurahanCoverage.indexOf(kelurahan)] : unreached.total;
          return (
            <UnreachedList
              tenantSlug={slug}
              rows={data.list.rows}
              count={data.list.total ?? (kelurahan ? kelurahan.unreached : data.coverage.unreached)}
              shownCount={listRow?.unreached ?? null}
              named={named}
              kelurahanName={kelurahan?.name ?? null}
              desil={askedList.desil}
              page={data.list}
              paged={Boolean(listCursor.after ?? listCursor.before)}
              pageHref={(cursor) => listHref(kelurahan?.kelurahanId ?? null, cursor, askedList.desil)}
              showAllHref={kelurahan || askedList.desil !== null ? listHref(null) : null}
              filter={{
                path,
                hidden: [...new URLSearchParams(dashboardFiltersQuery(filters))],
                kelurahan: data.areas.byKelurahanCoverage.map((row) => ({ id: row.kelurahanId, name: row.name })),
                kelurahanId: kelurahan?.kelurahanId ?? null,
              }}
              exportHref={mayTakeList ? dashboardsRoutes.unreachedExport(slug) : null}
              exportQuery={listQuery(kelurahan?.kelurahanId ?? null, askedList.desil).toString()}
              printHref={mayTakeList ? dashboardsRoutes.unreachedPrint(slug, listQuery(kelurahan?.kelurahanId ?? null, askedList.desil)) : null}
            />
          );
        }}
      </DashboardPanel>

      <DashboardGrid>
        <DashboardPanel title={t("kecamatan.title")} data={areas}>
          {({ kecamatan }) => {
            return (
              <ChartPanel
                table={kecamatan}
                layout="below"
                exportLinks={links(kecamatan.id)}
                chart={
                  <DashboardBarChart
                    data={kecamatan.rows.map((row) => ({ ...row, other: differenceCell(row.households, row.extremePoor) }))}
                    categoryKey="name"
                    series={[
                      { key: "extremePoor", label: t("columns.extremePoor"), color: "#c9962f" },
                      { key: "other", label: t("kecamatan.other"), color: "#82b1d9" },
                    ]}
                    stacked
                    locale={locale}
                    label={t("kecamatan.chartLabel")}
                    categoryWidth={110}
                  />
                }
              />
            );
          }}
        </DashboardPanel>
        <DashboardPanel title={t("desil.title")} data={desilData} className="print:hidden">
          {(rows) => {
            const desil = desilTable(rows, t);
            return (
              <ChartPanel
                table={desil}
                description={t("desil.description")}
                layout="below"
                print="none"
                exportLinks={links(desil.id)}
                chart={
                  <DashboardBarChart
                    data={desil.rows}
                    categoryKey="desil"
                    series={[{ key: "households", label: t("columns.households") }]}
                    orientation="vertical"
                    locale={locale}
                    label={t("desil.chartLabel")}
                  />
                }
              />
            );
          }}
        </DashboardPanel>
        <DashboardPanel title={t("targeting.title")} data={allOf({ targeting, targetingByOpd })}>
          {(data) => {
            const table = targetingTable(data.targetingByOpd, data.targeting, t);
            return (
              <ChartPanel
                table={table}
                lead={POVERTY_LEAD_COLUMNS["ketepatan-sasaran"]}
                description={t("targeting.description")}
                layout="below"
                exportLinks={links(table.id)}
                chart={
                  <DashboardBarChart
                    data={table.rows}
                    categoryKey="name"
                    series={[
                      { key: "extremePoor", label: t("columns.extremePoor"), color: "#1f5a8e" },
                      { key: "desil1to4", label: t("columns.desil1to4"), color: "#82b1d9" },
                      { key: "outside", label: t("columns.outside"), color: "#b42318" },
                    ]}
                    stacked
                    locale={locale}
                    label={t("targeting.chartLabel")}
                    categoryWidth={110}
                  />
                }
              />
            );
          }}
        </DashboardPanel>
        <DashboardPanel title={t("overlap.title")} data={overlapData} className="print:hidden">
          {(rows) => {
            const overlap = overlapTable(rows, t);
            return (
              <ChartPanel
                table={overlap}
                description={t("overlap.description")}
                layout="below"
                print="none"
                exportLinks={links(overlap.id)}
                chart={
                  <DashboardBarChart
                    data={overlap.rows}
                    categoryKey="name"
                    series={[
                      { key: "served", label: t("columns.served"), color: "#1f5a8e" },
                      { key: "shared", label: t("columns.shared"), color: "#c9962f" },
                    ]}
                    locale={locale}
                    label={t("overlap.chartLabel")}
                    categoryWidth={110}
                  />
                }
              />
            );
          }}
        </DashboardPanel>
        <DashboardPanel title={t("graduations.title")} data={graduationsData} className="print:hidden">
          {(rows) => {
            const graduations = graduationsTable(rows, t, locale);
            return (
              <>
                <ChartPanel
                  table={graduations}
                  description={t("graduations.description")}
                  layout="below"
                  print="none"
                  exportLinks={links(graduations.id)}
                  chart={
                    <DashboardBarChart
                      data={graduations.rows.map((row) => ({ ...row, month: String(row.month).slice(0, 3) }))}
                      categoryKey="month"
                      series={[
                        { key: "exitedExtreme", label: t("columns.exitedExtreme"), color: "#1f5a8e" },
                        { key: "graduated", label: t("columns.graduated"), color: "#c9962f" },
                        { key: "graduatedReached", label: t("columns.graduatedReached"), color: "#8a6417" },
                      ]}
                      orientation="vertical"
                      locale={locale}
                      label={t("graduations.chartLabel")}
                    />
                  }
                />
                <FigureDefinitions title={t("graduations.definitionsTitle")} items={graduationDefinitions(t)} />
              </>
            );
          }}
        </DashboardPanel>
        <DashboardPanel title={t("overlap.depthTitle")} data={depthData} className="print:hidden">
          {(rows) => {
            const depth = overlapDepthTable(rows, t);
            return (
              <ChartPanel
                table={depth}
                layout="below"
                print="none"
                exportLinks={links(depth.id)}
                chart={
                  <DashboardBarChart
                    data={depth.rows}
                    categoryKey="opds"
                    series={[{ key: "households", label: t("columns.served") }]}
                    orientation="vertical"
                    locale={locale}
                    label={t("overlap.depthChartLabel")}
                  />
                }
              />
            );
          }}
        </DashboardPanel>
      </DashboardGrid>

      <DashboardPanel title={t("kelurahan.title")} data={areas} className="print:hidden">
        {(data) => {
          const { kelurahan } = data;
          return <ChartPanel table={kelurahan} print="none" exportLinks={links(kelurahan.id)} chart={null} layout="below" />;
        }}
      </DashboardPanel>
    </DashboardPage>
  );
}
