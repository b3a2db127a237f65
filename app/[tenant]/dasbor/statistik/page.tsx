import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { StatisticEntries, TargetEntries } from "@/features/statistics/ui/statistic-entries";
import { StatisticForm, type StatisticDefaults } from "@/features/statistics/ui/statistic-form";
import { StatisticsSummary } from "@/features/statistics/ui/statistics-summary";
import { TargetForm } from "@/features/statistics/ui/target-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userMayOpen } from "@/lib/auth/pages";
import { userCan } from "@/lib/auth/permissions";
import { currentYearMonth } from "@/lib/calendar/months";
import { exportLinks, workbookLink } from "@/features/dashboards/export-links";
import { parseDashboardFilters } from "@/features/dashboards/filters";
import { allOf, mapPanel, panelLoader } from "@/features/dashboards/panel-data";
import { DashboardPanel } from "@/features/dashboards/ui/dashboard-panel";
import { BpsSeriesCharts } from "@/features/dashboards/statistics/ui/bps-series-charts";
import { withTenantReport } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { kecamatanStatistics, listTargets, statisticSeries, targetFor, targetsOf, type StatisticRow } from "@/features/statistics/queries";
import { bpsChartPoints } from "@/features/statistics/series-chart";
import { kecamatanTable, seriesTable, targetsTable } from "@/features/statistics/tables";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";
import { deleteStatisticAction, deleteTargetAction, importStatisticsAction, saveStatisticAction, saveTargetAction } from "@/features/statistics/actions";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { statisticsRoutes } from "@/features/statistics/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Statistics");
  return { title: t("title") };
}

const decimalText = (value: number | null, locale: AppLocale, digits: number) =>
  value === null ? "" : formatNumber(value, { locale, maximumFractionDigits: digits }).replace(/\./g, "");

/**
 * The source (the tables' last column) on one line: squeezed beside seven figures it wrapped
 * word by word and made every row several lines tall. A long source scrolls with its table.
 */
const ONE_LINE_SOURCE = "[&_td:last-child]:whitespace-nowrap";

export default async function StatisticsPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "statistics");
  const query = readSearchParams(await searchParams);
  const canWrite = userCan(user, "statistics:write");
  const mayExport = userCan(user, "data:export");

  // The filters first (the filter bar needs them), then each figure on its own
  // (features/dashboards/panel-data.ts): a slow or failing one costs its panel only.
  const context = await withTenantReport(user.tenantId, async (tx) => {
    const [timeZone, kecamatan, years] = await Promise.all([
      tenantTimeZone(tx, user.tenantId),
      tx.area.findMany({ where: { level: "KECAMATAN" }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
      tx.povertyStatistic.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } }),
    ]);
    const currentYear = currentYearMonth(timeZone).year;
    const filters = parseDashboardFilters(query, years[0]?.year ?? currentYear);
    return { filters, kecamatan, currentYear, statisticYears: years.map((row) => row.year) };
  });
  const { filters, currentYear } = context;
  const area = context.kecamatan.find((k) => k.id === filters.kecamatanId) ?? null;
  const load = panelLoader(user.tenantId, withTenantReport);
  const seriesData = load("statistics.series", (tx) => statisticSeries(tx, area?.id ?? null));
  const kecamatanData = load("statistics.byKecamatan", (tx) => kecamatanStatistics(tx, filters.year));
  const targetsData = load("statistics.targets", (tx) => listTargets(tx));

  const [t, locale, messages] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>, getMessages()]);
  const path = statisticsRoutes.dashboard(slug);
  const links = (id: string) => (mayExport ? exportLinks(statisticsRoutes.export(slug), filters, id) : null);
  const areaName = area?.name ?? t("city");

  // The city's (or kecamatan's) series with the targets it is measured against.
  const seriesPanel = mapPanel(allOf({ series: seriesData, targets: targetsData }), ({ series, targets }) => {
    const lastYear = series.at(-1)?.year ?? filters.year;
    const targetOf = (indicator: string, fromYear: number) => targetFor(targets, indicator, area?.id ?? null, fromYear);
    return {
      series,
      targetOf,
      table: seriesTable(series, areaName, t),
      chartPoints: bpsChartPoints(series),
      rateTarget: targetOf("POVERTY_RATE", lastYear),
      extremeTarget: targetOf("EXTREME_POVERTY_RATE", lastYear),
      rateTargets: targetsOf(targets, "POVERTY_RATE", area?.id ?? null),
      extremeTargets: targetsOf(targets, "EXTREME_POVERTY_RATE", area?.id ?? null),
    };
  });
  const kecamatanPanel = mapPanel(kecamatanData, (rows) => kecamatanTable(rows, filters.year, t));
  const targetsPanel = mapPanel(targetsData, (rows) => targetsTable(rows, t));
  const editorPanel = allOf({ series: seriesData, byKecamatan: kecamatanData, targets: targetsData });
  const defaultsOf = (editing: StatisticRow | null): StatisticDefaults => ({
    year: editing?.year ?? currentYear,
    areaId: editing?.areaId ?? null,
    povertyRatePct: decimalText(editing?.povertyRatePct ?? null, locale, 2),
    poorPeople: editing?.poorPeople?.toString() ?? "",
    extremeRatePct: decimalText(editing?.extremeRatePct ?? null, locale, 2),
    extremePoorPeople: editing?.extremePoorPeople?.toString() ?? "",
    p1: decimalText(editing?.p1 ?? null, locale, 3),
    p2: decimalText(editing?.p2 ?? null, locale, 3),
    povertyLineRupiah: editing?.povertyLineRupiah == null ? "" : formatNumber(editing.povertyLineRupiah, { locale }),
    source: editing?.source ?? "",
    version: editing?.version,
  });
  const years = [...new Set([currentYear, filters.year, ...context.statisticYears])].sort((a, b) => b - a);
  const options = { years, kecamatan: context.kecamatan.map((k) => ({ id: k.id, label: k.name })), opds: [], programmes: [], sipdCodes: [] };

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar workbookHref={mayExport ? workbookLink(statisticsRoutes.export(slug), filters) : null}>
            {userMayOpen(user, "povertyDashboard") ? (
              <LinkButton href={dashboardsRoutes.poverty(slug)} variant="secondary">
                {t("toDashboard")}
              </LinkButton>
            ) : null}
          </DashboardToolbar>
        }
      />
      <DashboardFilterBar path={path} filters={filters} options={options} fields={["year", "kecamatan"]} idPrefix="statistics" />
      <DashboardPanel title={t("title")} data={seriesPanel}>
        {({ series, targetOf }) =>
          series.length === 0 ? (
            <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("empty")}</p>
          ) : (
            <StatisticsSummary series={series} targetOf={targetOf} currentYear={currentYear} area={area?.name ?? null} />
          )
        }
      </DashboardPanel>

      <DashboardPanel title={`${t("series.title")} — ${areaName}`} data={seriesPanel}>
        {({ table, chartPoints, rateTarget, extremeTarget, rateTargets, extremeTargets }) => (
          <ChartPanel
            table={table}
            className={ONE_LINE_SOURCE}
            description={t("series.description")}
            layout="below"
            printSpan={2}
            exportLinks={links("seri")}
            chart={
              <BpsSeriesCharts
                points={chartPoints}
                rateTarget={rateTarget}
                extremeTarget={extremeTarget}
                rateTargets={rateTargets}
                extremeTargets={extremeTargets}
              />
            }
          />
        )}
      </DashboardPanel>

      <DashboardPanel title={t("kecamatanTable.title", { year: filters.year })} data={kecamatanPanel}>
        {(table) => (
          <ChartPanel table={table} className={ONE_LINE_SOURCE} chart={null} layout="below" print="table" printSpan={3} exportLinks={links("kecamatan")} />
        )}
      </DashboardPanel>
      <DashboardPanel title={t("targetsTable.title")} data={targetsPanel} className="print:hidden">
        {(table) => <ChartPanel table={table} chart={null} layout="below" print="none" exportLinks={links("target")} />}
      </DashboardPanel>

      {canWrite ? (
        <DashboardPanel title={t("form.title")} data={editorPanel} className="print:hidden">
          {({ series, byKecamatan, targets }) => {
            const editId = firstParam(query.ubah);
            const editing = editId ? ([...series, ...byKecamatan].find((row) => row.id === editId) ?? null) : null;
            const targetId = firstParam(query["ubah-target"]);
            const editingTarget = targetId ? (targets.find((row) => row.id === targetId) ?? null) : null;
            return (
              <NextIntlClientProvider messages={{ Statistics: messages.Statistics, Spreadsheet: messages.Spreadsheet }}>
                <div className="grid grid-cols-1 gap-6 print:hidden">
                  <Card>
                    <div id="isi" tabIndex={-1} className="outline-none">
                      <CardHeader title={t("form.title")} description={t("form.intro")} />
                    </div>
                    <div className="p-4 sm:p-5">
                      <StatisticForm action={saveStatisticAction.bind(null, slug)} areas={context.kecamatan} defaults={defaultsOf(editing)} />
                    </div>
                    <StatisticEntries
                      rows={[...series, ...byKecamatan.filter((row) => !series.some((s) => s.id === row.id))]}
                      cityName={t("city")}
                      editHref={(id) => `${statisticsRoutes.dashboard(slug, { tahun: filters.year, kecamatan: area?.id, ubah: id })}#isi`}
                      deleteAction={deleteStatisticAction.bind(null, slug)}
                    />
                  </Card>
                  <Card>
                    <CardHeader title={t("import.title")} description={t("import.intro")} />
                    <div className="p-4 sm:p-5">
                      <ImportPanel
                        action={importStatisticsAction.bind(null, slug)}
                        templateHref={statisticsRoutes.template(slug)}
                        idPrefix="statistics-import"
                        downloadBase="statistik"
                      />
                    </div>
                  </Card>
                  <Card>
                    <div id="target" tabIndex={-1} className="outline-none">
                      <CardHeader title={t("targetForm.title")} description={t("targetForm.intro")} />
                    </div>
                    <div className="p-4 sm:p-5">
                      <TargetForm
                        action={saveTargetAction.bind(null, slug)}
                        areas={context.kecamatan}
                        target={
                          editingTarget
                            ? {
                                indicator: editingTarget.indicator,
                                areaId: editingTarget.areaId,
                                year: editingTarget.year,
                                value: decimalText(editingTarget.value, locale, 2),
                                note: editingTarget.note ?? "",
                                version: editingTarget.version,
                              }
                            : undefined
                        }
                      />
                    </div>
                    <TargetEntries
                      targets={targets}
                      cityName={t("city")}
                      editHref={(id) => `${statisticsRoutes.dashboard(slug, { tahun: filters.year, kecamatan: area?.id, "ubah-target": id })}#target`}
                      deleteAction={deleteTargetAction.bind(null, slug)}
                    />
                  </Card>
                </div>
              </NextIntlClientProvider>
            );
          }}
        </DashboardPanel>
      ) : null}
    </DashboardPage>
  );
}
