import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ChartPanel } from "@/features/dashboards/ui/chart-panel";
import { DashboardGrid, DashboardPage } from "@/features/dashboards/ui/dashboard-page";
import { DashboardToolbar } from "@/features/dashboards/ui/dashboard-toolbar";
import { DashboardFilterBar } from "@/features/dashboards/ui/filter-bar";
import { DashboardLineChart } from "@/features/dashboards/ui/line-chart";
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
import { exportLinks } from "@/features/dashboards/export-links";
import { parseDashboardFilters } from "@/features/dashboards/filters";
import { withTenant } from "@/lib/db";
import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { kecamatanStatistics, listTargets, statisticSeries, targetFor, type StatisticRow } from "@/features/statistics/queries";
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

export default async function StatisticsPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "statistics");
  const query = readSearchParams(await searchParams);
  const canWrite = userCan(user, "statistics:write");
  const mayExport = userCan(user, "data:export");

  const data = await withTenant(user.tenantId, async (tx) => {
    const [timeZone, kecamatan, latest] = await Promise.all([
      tenantTimeZone(tx, user.tenantId),
      tx.area.findMany({ where: { level: "KECAMATAN" }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
      tx.povertyStatistic.aggregate({ _max: { year: true } }),
    ]);
    const currentYear = currentYearMonth(timeZone).year;
    const filters = parseDashboardFilters(query, latest._max.year ?? currentYear);
    const area = kecamatan.find((k) => k.id === filters.kecamatanId) ?? null;
    const [series, byKecamatan, targets] = await Promise.all([statisticSeries(tx, area?.id ?? null), kecamatanStatistics(tx, filters.year), listTargets(tx)]);
    const editId = firstParam(query.ubah);
    const editing = editId ? ([...series, ...byKecamatan].find((row) => row.id === editId) ?? null) : null;
    const targetId = firstParam(query["ubah-target"]);
    const editingTarget = targetId ? (targets.find((row) => row.id === targetId) ?? null) : null;
    const years = [...new Set([currentYear, filters.year, ...series.map((row) => row.year)])].sort((a, b) => b - a);
    return { filters, kecamatan, area, series, byKecamatan, targets, editing, editingTarget, years, currentYear };
  });
  const { filters, area, series, targets } = data;

  const [t, locale, messages] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>, getMessages()]);
  const path = statisticsRoutes.dashboard(slug);
  const links = (id: string) => (mayExport ? exportLinks(statisticsRoutes.export(slug), filters, id) : null);
  const areaName = area?.name ?? t("city");
  const lastYear = series.at(-1)?.year ?? filters.year;
  const targetOf = (indicator: string, fromYear: number) => targetFor(targets, indicator, area?.id ?? null, fromYear);
  const rateTarget = targetOf("POVERTY_RATE", lastYear);
  const extremeTarget = targetOf("EXTREME_POVERTY_RATE", lastYear);
  const targetLine = (target: typeof rateTarget) =>
    target ? { value: target.value, label: t("rate.target", { year: target.year, value: formatPercent(target.value, { locale }) }) } : null;

  const series_ = seriesTable(series, areaName, t);
  const kecamatan = kecamatanTable(data.byKecamatan, filters.year, t);
  const targetTable = targetsTable(targets, t);
  const chartData = series.map((row) => ({ year: String(row.year), povertyRatePct: row.povertyRatePct, extremeRatePct: row.extremeRatePct }));
  const editing: StatisticRow | null = data.editing;
  const defaults: StatisticDefaults = {
    year: editing?.year ?? data.currentYear,
    areaId: editing?.areaId ?? null,
    povertyRatePct: decimalText(editing?.povertyRatePct ?? null, locale, 2),
    poorPeople: editing?.poorPeople?.toString() ?? "",
    extremeRatePct: decimalText(editing?.extremeRatePct ?? null, locale, 2),
    extremePoorPeople: editing?.extremePoorPeople?.toString() ?? "",
    p1: decimalText(editing?.p1 ?? null, locale, 3),
    p2: decimalText(editing?.p2 ?? null, locale, 3),
    source: editing?.source ?? "",
    version: editing?.version,
  };
  const options = { years: data.years, kecamatan: data.kecamatan.map((k) => ({ id: k.id, label: k.name })), opds: [], programmes: [] };

  return (
    <DashboardPage>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={
          <DashboardToolbar>
            {userMayOpen(user, "povertyDashboard") ? (
              <LinkButton href={dashboardsRoutes.poverty(slug)} variant="secondary">
                {t("toDashboard")}
              </LinkButton>
            ) : null}
          </DashboardToolbar>
        }
      />
      <DashboardFilterBar path={path} filters={filters} options={options} fields={["year", "kecamatan"]} idPrefix="statistics" />
      {series.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("empty")}</p>
      ) : (
        <StatisticsSummary series={series} targetOf={targetOf} />
      )}

      <DashboardGrid>
        <ChartPanel
          table={{ ...series_, id: "seri", title: `${t("rate.title")} — ${areaName}` }}
          layout="below"
          exportLinks={links("seri")}
          chart={
            <DashboardLineChart
              data={chartData}
              xKey="year"
              series={[{ key: "povertyRatePct", label: t("columns.povertyRatePct") }]}
              valueKind="percent"
              target={targetLine(rateTarget)}
              locale={locale}
              label={t("rate.chartLabel")}
            />
          }
        />
        <ChartPanel
          table={{
            ...series_,
            id: "seri-ekstrem",
            title: `${t("extreme.title")} — ${areaName}`,
            columns: series_.columns.filter((c) => ["year", "extremeRatePct", "extremePoorPeople"].includes(c.key)),
          }}
          layout="below"
          print="chart"
          exportLinks={links("seri")}
          chart={
            <DashboardLineChart
              data={chartData}
              xKey="year"
              series={[{ key: "extremeRatePct", label: t("columns.extremeRatePct"), color: "#c9962f" }]}
              valueKind="percent"
              target={targetLine(extremeTarget)}
              locale={locale}
              label={t("extreme.chartLabel")}
            />
          }
        />
      </DashboardGrid>

      <ChartPanel table={kecamatan} chart={null} layout="below" print="table" printSpan={3} exportLinks={links("kecamatan")} />
      <ChartPanel table={targetTable} chart={null} layout="below" print="none" exportLinks={links("target")} />

      {canWrite ? (
        <NextIntlClientProvider messages={{ Statistics: messages.Statistics, Spreadsheet: messages.Spreadsheet }}>
          <div className="grid gap-6 print:hidden">
            <Card>
              <div id="isi" tabIndex={-1} className="outline-none">
                <CardHeader title={t("form.title")} description={t("form.intro")} />
              </div>
              <div className="p-4 sm:p-5">
                <StatisticForm action={saveStatisticAction.bind(null, slug)} areas={data.kecamatan} defaults={defaults} />
              </div>
              <StatisticEntries
                rows={[...series, ...data.byKecamatan.filter((row) => !series.some((s) => s.id === row.id))]}
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
                  areas={data.kecamatan}
                  target={
                    data.editingTarget
                      ? {
                          indicator: data.editingTarget.indicator,
                          areaId: data.editingTarget.areaId,
                          year: data.editingTarget.year,
                          value: decimalText(data.editingTarget.value, locale, 2),
                          note: data.editingTarget.note ?? "",
                          version: data.editingTarget.version,
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
      ) : null}
    </DashboardPage>
  );
}
