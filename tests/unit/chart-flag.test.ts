// A chart's marked bars (the programmes behind the calendar) differ from the others by more than
// colour: a hatching and the word at their end, and the legend names the mark.
import { Children, createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Cell, LabelList } from "recharts";
import { beforeEach, describe, expect, it, vi } from "vitest";

// recharts draws nothing on the server (it measures first): the chart's parts are what is checked.
const charts = vi.hoisted(() => ({ drawn: [] as Record<string, unknown>[] }));
vi.mock("recharts", async (original) => {
  const real = await original<typeof import("recharts")>();
  const capture = (props: Record<string, unknown>) => {
    charts.drawn.push(props);
    return null;
  };
  const Container = ({ children }: { children: ReactElement }) => children;
  return { ...real, ResponsiveContainer: Container, BarChart: capture };
});

const { DashboardBarChart } = await import("@/features/dashboards/ui/bar-chart");
const { FlaggedLegend, FlagPattern } = await import("@/features/dashboards/ui/chart-flag");

/** Every element below `node`, fragments and arrays opened. */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  return Children.toArray(node).flatMap((child) =>
    isValidElement<Record<string, unknown>>(child) ? [child, ...elements(child.props.children as ReactNode)] : [],
  );
}

const flag = { key: "behind", series: "absorption", legend: "Tertinggal > 15 poin" };
const data = [
  { programme: "Pelatihan Barista", absorption: 40, expected: 100, behind: "Tertinggal" },
  { programme: "Rumah Layak Huni", absorption: 95, expected: 100, behind: null },
];
const series = [
  { key: "absorption", label: "Serapan" },
  { key: "expected", label: "Target waktu", color: "#566273" },
];

describe("a bar chart with marked bars", () => {
  beforeEach(() => {
    charts.drawn = [];
  });

  it("hatches only the marked categories' bars of the marked series and writes the word at their end", () => {
    renderToStaticMarkup(createElement(DashboardBarChart, { data, categoryKey: "programme", series, flag, locale: "id", label: "Program" }));
    const parts = elements(charts.drawn[0]!.children as ReactNode);
    const fills = parts.filter((part) => part.type === Cell).map((cell) => String(cell.props.fill));
    expect(fills).toHaveLength(2);
    expect(fills[0]).toMatch(/^url\(#flag-[\w-]+\)$/);
    expect(fills[1]).not.toMatch(/^url/);
    expect(parts.some((part) => part.type === FlagPattern && fills[0] === `url(#${String(part.props.id)})`)).toBe(true);
    const wordLabels = parts.filter((part) => part.type === LabelList && part.props.position === "right");
    expect(wordLabels.map((label) => label.props.dataKey)).toEqual(["behind"]);
  });

  it("draws the bars of an unmarked chart in their series' colours", () => {
    renderToStaticMarkup(createElement(DashboardBarChart, { data, categoryKey: "programme", series, locale: "id", label: "Program" }));
    const parts = elements(charts.drawn[0]!.children as ReactNode);
    const marks = parts.filter((part) => part.type === Cell || part.type === FlagPattern || (part.type === LabelList && part.props.dataKey === "behind"));
    expect(marks).toEqual([]);
  });

  it("names the mark in the legend after the series", () => {
    const html = renderToStaticMarkup(createElement(FlaggedLegend, { series: [{ label: "Serapan", color: "#1f5a8e" }], flag }));
    expect(
      html
        .replace(/<[^>]+>/g, "|")
        .replaceAll("&gt;", ">")
        .split("|")
        .filter(Boolean),
    ).toEqual(["Serapan", "Tertinggal > 15 poin"]);
  });
});
