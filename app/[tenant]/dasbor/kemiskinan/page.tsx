import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardBarChart } from "@/features/dashboards/ui/bar-chart";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardGrid, DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { PovertySummary } from "@/features/dashboards/poverty/ui/poverty-summary";
import { UNREACHED_PAGE_SIZE, UnreachedList } from "@/features/dashboards/poverty/ui/unreached-list";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userMayOpen } from "@/lib/auth/pages";
import { userCan } from "@/lib/auth/permissions";
import { currentYearMonth } from "@/lib/calendar/months";
import { dashboardFilterOptions, defaultDashboardYear, shownDashboardFilters } from "@/features/dashboards/filter-options";
import { dashboardFiltersQuery, parseDashboardFilters } from "@/features/dashboards/filters";
import { exportLinks } from "@/features/dashboards/export-links";
import { povertyDashboardQueries as q } from "@/features/dashboards/poverty/queries";
import { desilTable, graduationsTable, overlapDepthTable, overlapTable, povertyAreaTables, targetingTable } from "@/features/dashboards/poverty/tables";
import { differenceCell } from "@/lib/spreadsheet/suppression";
import { withTenant } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { firstParam } from "@/lib/validation/search-params";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
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
  const query = await searchParams;
  const named = userCan(user, "registry:read-personal");
  const mayExport = userCan(user, "data:export");
  const listPage = Math.max(1, Math.min(10_000, Number.parseInt(firstParam(query.hal) ?? "1", 10) || 1));
  const askedKelurahan = firstParam(query.kelurahan)?.slice(0, 64) ?? null;

  const data = await withTenant(user.tenantId, async (tx) => {
    const timeZone = await tenantTimeZone(tx, user.tenantId);
    const currentYear = currentYearMonth(timeZone).year;
    const filters = await shownDashboardFilters(tx, parseDashboardFilters(query, await defaultDashboardYear(tx, currentYear)));
    const options = await dashboardFilterOptions(tx, filters, currentYear);
    const byKecamatan = await q.registryByKecamatan(tx, filters);
    const byKelurahan = await q.registryByKelurahan(tx, filters);
    const desil = await q.desilDistribution(tx, filters);
    const coverage = await q.coverage(tx, filters);
    const byKelurahanCoverage = await q.coverageByKelurahan(tx, filters);
    const overlap = await q.overlapByOpd(tx, filters);
    const depth = await q.overlapDepth(tx, filters);
    const targeting = await q.targeting(tx, filters);
    const targetingByOpd = await q.targetingByOpd(tx, filters);
    const graduations = await q.graduationsByMonth(tx, filters);
    const progress = await q.targetProgress(tx, filters);
    const kelurahan = byKelurahanCoverage.find((row) => row.kelurahanId === askedKelurahan) ?? null;
    const list = named
      ? await q.unreachedHouseholds(tx, filters, {
          kelurahanId: kelurahan?.kelurahanId ?? null,
          limit: UNREACHED_PAGE_SIZE,
          offset: (listPage - 1) * UNREACHED_PAGE_SIZE,
        })
      : [];
    return {
      filters,
      options,
      byKecamatan,
      byKelurahan,
      desil,
      coverage,
      byKelurahanCoverage,
      overlap,
      depth,
      targeting,
      targetingByOpd,
      graduations,
      progress,
      kelurahan,
      list,
    };
  });
  const { filters } = data;

  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard"), getLocale() as Promise<AppLocale>]);
  const path = dashboardsRoutes.poverty(slug);
  const links = (id: string) => (mayExport ? exportLinks(dashboardsRoutes.povertyExport(slug), filters, id) : null);
  const listHref = (kelurahanId: string | null, page = 1) => {
    const query = new URLSearchParams(dashboardFiltersQuery(filters));
    if (kelurahanId) query.set("kelurahan", kelurahanId);
    if (page > 1) query.set("hal", String(page));
    return `${dashboardsRoutes.poverty(slug, query)}#daftar`;
  };

  const { kecamatan, kelurahan, unreached, summary } = povertyAreaTables(
    { byKecamatan: data.byKecamatan, byKelurahan: data.byKelurahan, coverage: data.byKelurahanCoverage, targeting: data.targeting, progress: data.progress },
    t,
  );
  const desil = desilTable(data.desil, t);
  const overlap = overlapTable(data.overlap, t);
  const depth = overlapDepthTable(data.depth, t);
  const targeting = targetingTable(data.targetingByOpd, data.targeting, t);
  const graduations = graduationsTable(data.graduations, t, locale);
  const listCount = data.kelurahan ? data.kelurahan.unreached : data.coverage.unreached;
  const listRow = data.kelurahan ? unreached.rows[data.byKelurahanCoverage.indexOf(data.kelurahan)] : unreached.total;

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow", { year: filters.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar>
            {userMayOpen(user, "statistics") ? (
              <LinkButton href={statisticsRoutes.dashboard(slug)} variant="secondary">
                {t("toStatistics")}
              </LinkButton>
            ) : null}
          </DashboardToolbar>
        }
      />
      <DashboardFilterBar path={path} filters={filters} options={data.options} idPrefix="poverty" />
      <PovertySummary
        coverage={unreached.total ?? {}}
        registry={kecamatan.total ?? {}}
        targetingTotal={targeting.total ?? {}}
        summary={summary.rows[0] ?? {}}
        target={data.progress.target}
      />

      <ChartPanel
        table={unreached}
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

      <UnreachedList
        tenantSlug={slug}
        rows={data.list}
        count={listCount}
        shownCount={listRow?.unreached ?? null}
        named={named}
        kelurahanName={data.kelurahan?.name ?? null}
        page={listPage}
        pageHref={(page) => listHref(data.kelurahan?.kelurahanId ?? null, page)}
        showAllHref={data.kelurahan ? listHref(null) : null}
      />

      <DashboardGrid>
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
        <ChartPanel
          table={targeting}
          description={t("targeting.description")}
          layout="below"
          exportLinks={links(targeting.id)}
          chart={
            <DashboardBarChart
              data={targeting.rows}
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
              ]}
              orientation="vertical"
              locale={locale}
              label={t("graduations.chartLabel")}
            />
          }
        />
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
      </DashboardGrid>

      <ChartPanel table={kelurahan} print="none" exportLinks={links(kelurahan.id)} chart={null} layout="below" />
    </DashboardPage>
  );
}
