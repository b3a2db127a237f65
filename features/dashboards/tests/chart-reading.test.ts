// The dashboard charts use what makes them readable: round ticks from zero, short Rupiah on the
// axis, dark legend and tooltip text, figures inside bars, and column labels that thin out
// when they would run together (twelve months on a phone).
import { Children, createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Bar, LabelList, type LabelProps, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CHART_TEXT } from "@/features/dashboards/ui/chart-colors";

// recharts draws nothing on the server (it measures first): the charts' parts are what is checked.
const charts = vi.hoisted(() => ({ drawn: [] as { children?: ReactNode }[] }));
vi.mock("recharts", async (original) => {
  const real = await original<typeof import("recharts")>();
  const capture = (props: { children?: ReactNode }) => {
    charts.drawn.push(props);
    return null;
  };
  const Container = ({ children }: { children: ReactElement }) => children;
  return { ...real, ResponsiveContainer: Container, BarChart: capture, LineChart: capture };
});

const { DashboardBarChart } = await import("@/features/dashboards/ui/bar-chart");
const { DashboardLineChart } = await import("@/features/dashboards/ui/line-chart");

type Part = ReactElement<Record<string, unknown>>;

/** Every element of a type among the chart's children, through fragments and bars. */
function parts(node: ReactNode, type: unknown): Part[] {
  const found: Part[] = [];
  Children.forEach(node, (child) => {
    if (!isValidElement<Record<string, unknown>>(child)) return;
    if (child.type === type) found.push(child);
    found.push(...parts(child.props.children as ReactNode, type));
  });
  return found;
}

const months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"].map((month, i) => ({
  month,
  graduated: 30 * i + 50,
  exited: 10,
}));
const series = [
  { key: "graduated", label: "Lulus" },
  { key: "exited", label: "Keluar", color: "#c9962f" },
];

function drawnBarChart(props: Partial<Parameters<typeof DashboardBarChart>[0]>): ReactNode {
  renderToStaticMarkup(createElement(DashboardBarChart, { data: months, categoryKey: "month", series, locale: "id", label: "Grafik", ...props }));
  return charts.drawn.at(-1)!.children;
}

describe("a dashboard bar chart", () => {
  beforeEach(() => {
    charts.drawn = [];
  });

  it("steps its value axis by round figures from zero up past the tallest column (380 → 0 … 400)", () => {
    const chart = drawnBarChart({ orientation: "vertical", stacked: true });
    const [axis] = parts(chart, YAxis);
    expect(axis!.props.ticks).toEqual([0, 100, 200, 300, 400]);
    expect(axis!.props.domain).toEqual([0, 400]);
    // A column chart's five or six value labels always fit: all are written, the top one too.
    expect(axis!.props.interval).toBe(0);
  });

  it("writes a Rupiah axis short, with room at the right for its last label", () => {
    const chart = drawnBarChart({ data: [{ month: "Jan", graduated: 15_250_000 }], series: [series[0]!], valueKind: "rupiah" });
    expect((charts.drawn.at(-1) as { margin?: { right: number } }).margin?.right).toBeGreaterThanOrEqual(40);
    const [axis] = parts(chart, XAxis);
    // On a phone the labels that do not fit are left out evenly, not leaving 0, 40 and 100.
    expect(axis!.props.interval).toBe("equidistantPreserveStart");
    const format = axis!.props.tickFormatter as (value: number) => string;
    expect((axis!.props.ticks as number[]).map(format)).toEqual([
      "Rp\u00a00",
      "Rp\u00a05\u00a0juta",
      "Rp\u00a010\u00a0juta",
      "Rp\u00a015\u00a0juta",
      "Rp\u00a020\u00a0juta",
    ]);
  });

  it("thins out the labels of columns rather than writing every one into the next", () => {
    const [category] = parts(drawnBarChart({ orientation: "vertical" }), XAxis);
    expect(category!.props.interval).toBe("equidistantPreserveStart");
  });

  it("writes legend and tooltip in dark text, the swatch carrying the colour", () => {
    const chart = drawnBarChart({});
    const [legend] = parts(chart, Legend);
    const formatter = legend!.props.formatter as (value: string) => ReactElement;
    expect(renderToStaticMarkup(formatter("Keluar"))).toBe(`<span style="color:${CHART_TEXT}">Keluar</span>`);
    expect(parts(chart, Tooltip)[0]!.props.itemStyle).toEqual({ color: CHART_TEXT });
  });

  it("gives each bar its figure, read from its own series (not the stack's top)", () => {
    const chart = drawnBarChart({ stacked: true });
    const bars = parts(chart, Bar);
    const labels = bars.map((bar) => parts(bar.props.children as ReactNode, LabelList)[0]!);
    expect(labels.map((label) => label.props.dataKey)).toEqual(["graduated", "exited"]);
    // recharts gives the label no fill of its own: the figure still reads on its bar's colour.
    const content = labels[1]!.props.content as (props: LabelProps) => ReactElement;
    const figure = content({ value: 250, viewBox: { x: 0, y: 0, width: 200, height: 26 } });
    expect(renderToStaticMarkup(createElement("svg", null, figure))).toContain('fill="#000000"');
  });
});

describe("a dashboard line chart", () => {
  beforeEach(() => {
    charts.drawn = [];
  });

  it("steps its axis by round figures up past both the line and the target", () => {
    const data = [
      { year: "2022", rate: 9.4 },
      { year: "2023", rate: 8.6 },
    ];
    const target = { value: 11, label: "Target" };
    const line = { data, xKey: "year", series: [{ key: "rate", label: "%" }], valueKind: "percent" as const, target, locale: "id" as const };
    renderToStaticMarkup(createElement(DashboardLineChart, { ...line, label: "Garis" }));
    const chart = charts.drawn.at(-1)!.children;
    expect(parts(chart, YAxis)[0]!.props.ticks).toEqual([0, 5, 10, 15]);
    const formatter = parts(chart, Legend)[0]!.props.formatter as (value: string) => ReactElement;
    expect(renderToStaticMarkup(formatter("Target"))).toContain(CHART_TEXT);
  });
});
