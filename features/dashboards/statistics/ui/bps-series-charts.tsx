import type { ReactElement } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { cx } from "@/components/ui/class-names";
import { formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { TargetRow } from "@/features/statistics/queries";
import { withTargetPath, type BpsChartPoint } from "@/features/statistics/series-chart";
import { DashboardLineChart } from "@/features/dashboards/ui/line-chart";

type Chart = { key: string; title: string; chart: ReactElement; printed: boolean };

/**
 * BPS's poverty indicators over the years, each chart under its own heading: P0 and the extreme
 * rate against the targets set for them — the next one as a horizontal line, every one as a dot
 * at its year on a dashed path, the axis running to the last target year — and P1 with P2 and the
 * poverty line as plain series (a city sets no target for those: TargetIndicator has none). Two abreast from 1024 px, one under the other on a phone; each
 * points to the one table of the series (`tableId`, set by ChartPanel), which holds every figure.
 * Paper keeps the two rates only: four charts would not leave the page's one A4 sheet.
 */
export async function BpsSeriesCharts({
  points,
  rateTarget,
  extremeTarget,
  rateTargets = [],
  extremeTargets = [],
  tableId,
}: {
  points: BpsChartPoint[];
  /** The target each rate is measured against (features/statistics/queries.ts targetFor). */
  rateTarget: TargetRow | null;
  extremeTarget: TargetRow | null;
  /** Every target of each rate for the area, by year (targetsOf). */
  rateTargets?: readonly TargetRow[];
  extremeTargets?: readonly TargetRow[];
  tableId?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>]);
  const targetLine = (target: TargetRow | null) =>
    target ? { value: target.value, label: t("rate.target", { year: target.year, value: formatPercent(target.value, { locale }) }) } : null;
  const line = { data: points, xKey: "year", locale, tableId };
  // A rate's chart with its targets by year; without any, the plain series.
  const targeted = (targets: readonly TargetRow[]) =>
    targets.length === 0
      ? { ...line, targetPath: null }
      : { ...line, data: withTargetPath(points, targets), targetPath: { key: "target", label: t("charts.targetPath") } };
  const charts: Chart[] = [
    {
      key: "p0",
      title: t("charts.povertyRate"),
      printed: true,
      chart: (
        <DashboardLineChart
          {...targeted(rateTargets)}
          series={[{ key: "povertyRatePct", label: t("columns.povertyRatePct") }]}
          valueKind="percent"
          target={targetLine(rateTarget)}
          label={t("rate.chartLabel")}
        />
      ),
    },
    {
      key: "extreme",
      title: t("charts.extremeRate"),
      printed: true,
      chart: (
        <DashboardLineChart
          {...targeted(extremeTargets)}
          series={[{ key: "extremeRatePct", label: t("columns.extremeRatePct"), color: "#c9962f" }]}
          valueKind="percent"
          target={targetLine(extremeTarget)}
          label={t("extreme.chartLabel")}
        />
      ),
    },
    {
      key: "indices",
      title: t("charts.indices"),
      printed: false,
      chart: (
        <DashboardLineChart
          {...line}
          series={[
            { key: "p1", label: t("charts.p1") },
            { key: "p2", label: t("charts.p2") },
          ]}
          valueKind="index"
          label={t("charts.indicesLabel")}
        />
      ),
    },
    {
      key: "poverty-line",
      title: t("charts.povertyLine"),
      printed: false,
      chart: (
        <DashboardLineChart
          {...line}
          series={[{ key: "povertyLineRupiah", label: t("columns.povertyLineRupiah"), color: "#566273" }]}
          valueKind="rupiah"
          label={t("charts.povertyLineLabel")}
        />
      ),
    },
  ];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {charts.map(({ key, title, chart, printed }) => (
        <div key={key} data-chart={key} className={cx("min-w-0", !printed && "print:hidden")}>
          <h3 className="mb-1 text-sm font-semibold text-ink">{title}</h3>
          {chart}
        </div>
      ))}
    </div>
  );
}
