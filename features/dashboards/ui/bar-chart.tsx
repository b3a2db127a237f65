"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppLocale } from "@/lib/i18n/locales";
import { CHART_COLORS, CHART_TEXT } from "./chart-colors";
import { type ChartFlag, FLAG_LABEL_ROOM, FlaggedLegend, FLAGGED_COLOR, FlagPattern, useElementWidth, useFlagPatternId } from "./chart-flag";
import { chartTickFormatter, chartValueFormatter, wholeSteps, type ChartValueKind } from "./chart-format";
import { barValueLabel, lastTickRoom, legendText, TOOLTIP_ITEM_STYLE, wrapName } from "./chart-text";
import { chartMax, niceTicks } from "./chart-ticks";

export type ChartSeries = { key: string; label: string; color?: string };
export type ChartDatum = Record<string, string | number | null>;

const TICK = { fontSize: 14, fill: CHART_TEXT };

/**
 * A chart narrower than this (on a phone) keeps its bars the room: each category's name stands
 * on its own line(s) above its bars, which take the whole width, and marked bars go without the
 * word at their end (hatching and legend remain).
 */
const NARROW_CHART = 480;
/** A name line above the bars of a narrow chart, and the room between it and the bar. */
const NAME_LINE = 18;
const NAME_GAP = 4;
/** A bar's thickness in a narrow chart, and the room between two series' bars of one category. */
const NARROW_BAR = 18;
const BAR_GAP = 4;

/**
 * Bars for ranked categories (kelurahan, OPD: horizontal, one row per category, tall enough
 * to read on a projector) or for an ordered axis (months, desil: vertical columns). The value
 * axis steps by round figures; a bar long enough for its figure has it written inside; columns
 * too narrow for every label (twelve months on a phone) label every second or third.
 * The labels come from the caller, so this client component needs no catalogue.
 * A hidden figure (a marker such as "<5" from suppression) gets no bar: its height would tell
 * the count; the tooltip and the table beside the chart show the marker.
 * The chart is one image for a screen reader and no stop for the keyboard (recharts'
 * accessibility layer would make it one, reading out only a tooltip): its label and the table
 * it points to (`aria-details`) carry the figures.
 */
export function DashboardBarChart({
  data,
  categoryKey,
  series,
  valueKind = "count",
  orientation = "horizontal",
  stacked = false,
  locale,
  label,
  tableId,
  categoryWidth = 150,
  flag,
}: {
  data: ChartDatum[];
  categoryKey: string;
  series: ChartSeries[];
  valueKind?: ChartValueKind;
  orientation?: "horizontal" | "vertical";
  stacked?: boolean;
  locale: AppLocale;
  /** Read out for the chart image; the table beside it carries the figures. */
  label: string;
  /** The id of the table with the chart's figures, set by ChartPanel. */
  tableId?: string;
  /** Width of the category labels of horizontal bars. */
  categoryWidth?: number;
  /** Marks the bars of some categories (see chart-flag.tsx). */
  flag?: ChartFlag;
}) {
  const format = chartValueFormatter(valueKind, locale);
  const [figure, width] = useElementWidth<HTMLElement>();
  const patternId = useFlagPatternId();
  const narrow = width > 0 && width < NARROW_CHART;
  const keys = series.map((one) => one.key);
  const short = chartTickFormatter(valueKind, locale);
  const bars = data.map((datum) => {
    const out: ChartDatum = { ...datum };
    for (const one of series) {
      const value = datum[one.key];
      if (typeof value === "string") {
        out[one.key] = null;
        out[hiddenKey(one.key)] = value;
      }
    }
    return out;
  });
  const horizontal = orientation === "horizontal";
  const colorOf = (one: ChartSeries, i: number): string => one.color ?? CHART_COLORS[i % CHART_COLORS.length] ?? CHART_COLORS[0];
  const ticks = niceTicks(chartMax(bars, keys, stacked), { integer: wholeSteps(valueKind) });
  // Where a horizontal axis's labels do not all fit (a phone), every second or third is kept,
  // evenly spaced; a vertical axis's five or six always fit, the top one included.
  const valueAxis = {
    type: "number",
    tick: TICK,
    tickFormatter: short,
    ticks,
    domain: [0, ticks.at(-1)!],
    interval: horizontal ? "equidistantPreserveStart" : 0,
  } as const;
  const tickRoom = horizontal ? lastTickRoom(short(ticks.at(-1))) : 16;
  // On a phone the names stand above the bars (see NARROW_CHART): each row is its name's lines
  // (as many as the longest name needs) and its bars, of a set thickness so the name sits just
  // above them; the chart's top keeps room for the first row's name, its left for half the
  // axis's first figure, centred under the bars' start.
  const namesAbove = horizontal && narrow;
  const left = namesAbove ? Math.max(8, Math.ceil(lastTickRoom(short(0)) - 8)) : 8;
  const margin = { top: 8, right: flag && !narrow ? Math.max(FLAG_LABEL_ROOM, tickRoom) : tickRoom, bottom: 8, left };
  const names = namesAbove ? bars.map((datum) => wrapName(String(datum[categoryKey] ?? ""), width - margin.left - margin.right)) : [];
  const nameRoom = Math.max(1, ...names.map((lines) => lines.length)) * NAME_LINE + NAME_GAP;
  const barsPerRow = stacked ? 1 : series.length;
  const barsBlock = barsPerRow * NARROW_BAR + (barsPerRow - 1) * BAR_GAP;
  if (namesAbove) margin.top += Math.ceil(nameRoom / 2);
  const rowHeight = namesAbove ? barsBlock + nameRoom + 14 : series.length > 1 && !stacked ? 44 : 32;
  const height = horizontal ? Math.max(180, data.length * rowHeight + 70 + (namesAbove ? Math.ceil(nameRoom / 2) : 0)) : 320;
  const nameTick = (props: { y?: number | string; index?: number }) => {
    const lines = names[props.index ?? 0] ?? [];
    const last = Number(props.y ?? 0) - barsBlock / 2 - NAME_GAP - 4;
    return (
      <text
        x={margin.left + 1}
        y={last - (lines.length - 1) * NAME_LINE}
        fill={CHART_TEXT}
        fontSize={TICK.fontSize}
        textAnchor="start"
        className="chart-category-name"
      >
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one name's lines, in their order
          <tspan key={i} x={margin.left + 1} dy={i === 0 ? 0 : NAME_LINE}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
  return (
    <figure ref={figure} role="img" aria-label={label} aria-details={tableId} className="w-full">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart accessibilityLayer={false} data={bars} layout={horizontal ? "vertical" : "horizontal"} margin={margin} barGap={BAR_GAP}>
          {flag ? (
            <defs>
              <FlagPattern id={patternId} />
            </defs>
          ) : null}
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis {...valueAxis} />
              {namesAbove ? (
                // recharts draws no axis of 0 px: the names' axis is 1 px wide, each name drawn from the bars' start.
                <YAxis type="category" dataKey={categoryKey} tick={nameTick} width={1} interval={0} axisLine={false} tickLine={false} />
              ) : (
                <YAxis type="category" dataKey={categoryKey} tick={TICK} width={categoryWidth} interval={0} />
              )}
            </>
          ) : (
            <>
              <XAxis type="category" dataKey={categoryKey} tick={TICK} interval="equidistantPreserveStart" minTickGap={6} />
              <YAxis {...valueAxis} width={valueKind === "rupiah" ? 96 : 72} />
            </>
          )}
          <Tooltip
            formatter={(value, _name, item) => {
              const marker = (item.payload as ChartDatum | undefined)?.[hiddenKey(String(item.dataKey))];
              return typeof marker === "string" ? marker : format(value);
            }}
            contentStyle={{ fontSize: 14 }}
            itemStyle={TOOLTIP_ITEM_STYLE}
          />
          {flag ? (
            <Legend content={() => <FlaggedLegend series={series.map((one, i) => ({ label: one.label, color: colorOf(one, i) }))} flag={flag} />} />
          ) : series.length > 1 ? (
            <Legend wrapperStyle={{ fontSize: 14 }} formatter={legendText} />
          ) : null}
          {series.map((one, i) => {
            const color = colorOf(one, i);
            return (
              <Bar
                key={one.key}
                dataKey={one.key}
                name={one.label}
                fill={color}
                stackId={stacked ? "stack" : undefined}
                barSize={namesAbove ? NARROW_BAR : undefined}
                isAnimationActive={false}
              >
                {flag?.series === one.key
                  ? bars.map((datum, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: one cell per bar, in the bars' order
                      <Cell key={j} fill={datum[flag.key] ? `url(#${patternId})` : color} />
                    ))
                  : null}
                <LabelList dataKey={one.key} content={barValueLabel(short, horizontal, color)} />
                {flag?.series === one.key && !narrow ? (
                  <LabelList dataKey={flag.key} position="right" fill={FLAGGED_COLOR} fontSize={14} fontWeight={600} />
                ) : null}
              </Bar>
            );
          })}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

function hiddenKey(key: string): string {
  return `${key}:hidden`;
}
