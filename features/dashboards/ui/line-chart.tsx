"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ChartDatum, ChartSeries } from "./bar-chart";
import { CHART_COLORS, CHART_TEXT, TARGET_COLOR } from "./chart-colors";
import { chartTickFormatter, chartValueFormatter, wholeSteps, type ChartValueKind } from "./chart-format";
import { legendText, TOOLTIP_ITEM_STYLE } from "./chart-text";
import { chartMax, niceTicks } from "./chart-ticks";

const TICK = { fontSize: 14, fill: CHART_TEXT };

export type ChartTarget = { value: number; label: string };

/** Targets set for several years, drawn as a dashed line through a dot at each target year. */
export type ChartTargetPath = { key: string; label: string };

const seriesValues = (data: ChartDatum[], series: ChartSeries[]) =>
  data.flatMap((row) => series.flatMap((one) => (typeof row[one.key] === "number" ? [row[one.key] as number] : [])));

/**
 * Where a target line's label goes: at the left of the plot (a series falls towards its target
 * at the right), on the side of the line away from the series, and never under a line near the
 * bottom of the axis, where it would lie on the year labels. Recharts puts an "insideTop…"
 * label under a horizontal line and an "insideBottom…" one above it.
 */
export function targetLabelPosition(target: number, values: readonly number[]): "insideTopLeft" | "insideBottomLeft" {
  const top = Math.max(target, ...values);
  const last = values.at(-1);
  const seriesAbove = last !== undefined && last >= target;
  const roomBelow = top > 0 && target / top > 0.15;
  return seriesAbove && roomBelow ? "insideTopLeft" : "insideBottomLeft";
}

/**
 * A series over the years, with an optional target drawn as a dashed horizontal line and an
 * optional path of targets by year (`targetPath`: the data's key holding each year's target).
 * One image for a screen reader, no keyboard stop: the table it points to carries the figures.
 */
export function DashboardLineChart({
  data,
  xKey,
  series,
  valueKind = "count",
  target,
  targetPath,
  locale,
  label,
  tableId,
}: {
  data: ChartDatum[];
  xKey: string;
  series: ChartSeries[];
  valueKind?: ChartValueKind;
  target?: ChartTarget | null;
  targetPath?: ChartTargetPath | null;
  locale: AppLocale;
  label: string;
  /** The id of the table with the chart's figures, set by ChartPanel. */
  tableId?: string;
}) {
  const format = chartValueFormatter(valueKind, locale);
  const keys = series.map((one) => one.key);
  const max = Math.max(chartMax(data, targetPath ? [...keys, targetPath.key] : keys), target?.value ?? 0);
  const ticks = niceTicks(max, { integer: wholeSteps(valueKind) });
  return (
    <figure role="img" aria-label={label} aria-details={tableId} className="w-full">
      <ResponsiveContainer width="100%" height={320}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} tick={TICK} />
          <YAxis
            tick={TICK}
            tickFormatter={chartTickFormatter(valueKind, locale)}
            width={valueKind === "rupiah" ? 96 : 80}
            ticks={ticks}
            domain={[0, ticks.at(-1)!]}
          />
          <Tooltip formatter={(value) => format(value)} contentStyle={{ fontSize: 14 }} itemStyle={TOOLTIP_ITEM_STYLE} />
          {series.length > 1 || target || targetPath ? <Legend wrapperStyle={{ fontSize: 14 }} formatter={legendText} /> : null}
          {series.map((one, i) => (
            <Line
              key={one.key}
              type="monotone"
              dataKey={one.key}
              name={one.label}
              stroke={one.color ?? CHART_COLORS[i % CHART_COLORS.length]}
              strokeWidth={3}
              dot={{ r: 4 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          {targetPath ? (
            <Line
              type="linear"
              dataKey={targetPath.key}
              name={targetPath.label}
              stroke={TARGET_COLOR}
              strokeDasharray="8 4"
              strokeWidth={2}
              dot={{ r: 5, fill: TARGET_COLOR, strokeWidth: 0 }}
              connectNulls
              isAnimationActive={false}
            />
          ) : null}
          {target ? (
            <ReferenceLine
              y={target.value}
              stroke={TARGET_COLOR}
              strokeDasharray="8 4"
              strokeWidth={2}
              label={{ value: target.label, position: targetLabelPosition(target.value, seriesValues(data, series)), fill: TARGET_COLOR, fontSize: 14 }}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
