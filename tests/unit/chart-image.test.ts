// A dashboard chart is one image for a screen reader and no stop for the keyboard: recharts'
// accessibility layer would make the drawing a focusable "application" that reads out only a
// tooltip. The image's label names it and points (aria-details) to the table beside it, which
// holds every figure.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import id from "@/messages/id";

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages: id, namespace: namespace as never }),
  getLocale: async () => "id",
}));

// recharts draws nothing on the server (it measures first): the charts' props are what is checked.
const charts = vi.hoisted(() => ({ drawn: [] as Record<string, unknown>[] }));
vi.mock("recharts", async (original) => {
  const real = await original<typeof import("recharts")>();
  const capture = (props: Record<string, unknown>) => {
    charts.drawn.push(props);
    return null;
  };
  const Container = ({ children }: { children: ReactElement }) => children;
  return { ...real, ResponsiveContainer: Container, BarChart: capture, LineChart: capture };
});

const { ChartPanel } = await import("@/features/dashboards/ui/chart-panel");
const { DashboardBarChart } = await import("@/features/dashboards/ui/bar-chart");
const { DashboardLineChart, targetLabelPosition } = await import("@/features/dashboards/ui/line-chart");

const table = {
  id: "kecamatan",
  title: "KK per kecamatan",
  columns: [
    { key: "name", label: "Kecamatan", kind: "text" as const },
    { key: "households", label: "KK", kind: "households" as const },
  ],
  rows: [
    { name: "Ampenan", households: 120 },
    { name: "Cakranegara", households: 80 },
  ],
};

describe("a dashboard chart", () => {
  beforeEach(() => {
    charts.drawn = [];
  });

  it("is an image whose label points to the table with its figures", async () => {
    const chart = createElement(DashboardBarChart, {
      data: table.rows,
      categoryKey: "name",
      series: [{ key: "households", label: "KK" }],
      locale: "id",
      label: "Grafik KK per kecamatan",
    });
    const html = renderToStaticMarkup((await ChartPanel({ table: table as never, chart })) as ReactElement);
    const figure = /<figure role="img" aria-label="Grafik KK per kecamatan" aria-details="([^"]+)"/.exec(html);
    expect(figure, html).not.toBeNull();
    expect(html).toMatch(new RegExp(`<div id="${figure![1]}" role="region" aria-label="KK per kecamatan" tabindex="0"`));
  });

  it("hands recharts no accessibility layer, so the drawing takes no tab stop", () => {
    const data = table.rows;
    const series = [{ key: "households", label: "KK" }];
    renderToStaticMarkup(createElement(DashboardBarChart, { data, categoryKey: "name", series, locale: "id", label: "Batang" }));
    renderToStaticMarkup(createElement(DashboardLineChart, { data, xKey: "name", series, locale: "id", label: "Garis" }));
    expect(charts.drawn.map((props) => props.accessibilityLayer)).toEqual([false, false]);
  });

  it("labels a target line above the line, so a target of 0 keeps its label off the year labels", () => {
    const data = [
      { year: "2023", rate: 0.94 },
      { year: "2024", rate: 0.37 },
    ];
    const target = { value: 0, label: "Target 2024: 0 %" };
    renderToStaticMarkup(
      createElement(DashboardLineChart, { data, xKey: "year", series: [{ key: "rate", label: "%" }], target, locale: "id", label: "Garis" }),
    );
    const children = (charts.drawn[0]?.children ?? []) as ReactElement<{ y?: number; label?: { value: string; position: string } }>[];
    const line = children.flat().find((child) => child?.props?.label?.value === target.label);
    expect(line?.props.y).toBe(0);
    // recharts puts an "insideTop…" label under a horizontal line and an "insideBottom…" one above it.
    expect(line?.props.label?.position).toMatch(/^insideBottom/);
  });

  it("labels a target line on the side away from the series, keeping clear of the year labels", () => {
    // A rate falling from 9,34 % to 8,25 % towards 8 %: under the line, where the series is not.
    expect(targetLabelPosition(8, [8.92, 9.34, 8.25])).toBe("insideTopLeft");
    // A series already under its target: above the line.
    expect(targetLabelPosition(8, [8.5, 7.6])).toBe("insideBottomLeft");
    // A target at or near the bottom of the axis: above the line, never on the year labels.
    expect(targetLabelPosition(0, [2.39, 0.37])).toBe("insideBottomLeft");
    expect(targetLabelPosition(0.2, [2.39, 0.37])).toBe("insideBottomLeft");
  });
});
