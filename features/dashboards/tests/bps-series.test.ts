// The statistics page's BPS series: its table holds every year and every figure (P1, P2 and the
// source too), and its cards show each figure's trend and where it stands against its target.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { Children, isValidElement, type ReactNode } from "react";
import { Line, ReferenceLine, Tooltip, YAxis } from "recharts";
import { beforeEach, describe, expect, it, vi } from "vitest";
import id from "@/messages/id";
import type { StatisticRow, TargetRow } from "@/features/statistics/queries";
import { targetsOf } from "@/features/statistics/queries";
import { bpsChartPoints, withTargetPath } from "@/features/statistics/series-chart";
import { seriesTable, type StatisticsT } from "@/features/statistics/tables";

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
  return { ...real, ResponsiveContainer: Container, LineChart: capture };
});

const { ChartPanel } = await import("@/features/dashboards/ui/chart-panel");
const { StatisticsSummary } = await import("@/features/statistics/ui/statistics-summary");
const { BpsSeriesCharts } = await import("@/features/dashboards/statistics/ui/bps-series-charts");

const t = createTranslator({ locale: "id", messages: id, namespace: "Statistics" }) as unknown as StatisticsT;
const SOURCE = "BPS, Susenas Maret";

const year = (year: number, extremeRatePct: number, extremePoorPeople: number): StatisticRow => ({
  id: `s${year}`,
  year,
  areaId: null,
  areaName: null,
  povertyRatePct: 8.5,
  poorPeople: 40_000,
  extremeRatePct,
  extremePoorPeople,
  p1: 1.214,
  p2: 0.271,
  povertyLineRupiah: 600_000n + BigInt(year - 2019) * 12_345n,
  source: `${SOURCE} ${year}`,
  version: 1,
});
const series = [
  year(2019, 2.39, 10_810),
  year(2020, 2.16, 9_850),
  year(2021, 2.06, 9_530),
  year(2022, 1.47, 6_860),
  year(2023, 0.94, 4_415),
  year(2024, 0.37, 1_750),
];
const target: TargetRow = { id: "t", indicator: "EXTREME_POVERTY_RATE", year: 2024, value: 0, areaId: null, areaName: null, note: null, version: 1 };

const plain = (html: string) => html.replace(/\u00a0/g, " ");

describe("the BPS series table", () => {
  it("shows every year with P1, P2, the poverty line and the source", async () => {
    const html = renderToStaticMarkup((await ChartPanel({ table: seriesTable(series, "Seluruh kota", t), chart: null, layout: "below" })) as ReactElement);
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual([
      "Tahun",
      "% miskin",
      "Penduduk miskin",
      "% miskin ekstrem",
      "Penduduk miskin ekstrem",
      "P1",
      "P2",
      "Garis kemiskinan (Rp/kapita/bulan)",
      "Sumber",
    ]);
    const years = [...html.matchAll(/<th scope="row"[^>]*>(\d{4})<\/th>/g)].map((m) => Number(m[1]));
    expect(years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    for (const row of series) expect(html).toContain(`${SOURCE} ${row.year}`);
    expect(plain(html)).toContain("1,214");
    expect(plain(html)).toContain("0,271");
    // 2024's line, 600.000 + 5 × 12.345, grouped as the page writes Rupiah (its header says Rp).
    expect(plain(html)).toContain(">661.725<");
  });
});

describe("the BPS cards", () => {
  const render = async (currentYear: number) =>
    plain(
      renderToStaticMarkup(
        createElement(
          "div",
          null,
          (await StatisticsSummary({ series, currentYear, targetOf: (indicator) => (indicator === "EXTREME_POVERTY_RATE" ? target : null) })) as ReactElement,
        ),
      ),
    );

  it("show the extreme rate's fall over the years as a line with its target", async () => {
    const html = await render(2024);
    expect(html).toContain("Turun 2,02 poin persentase sejak 2019.");
    expect(html).toContain('<svg role="img" aria-label="Tren 2019–2024: 2,39 % menjadi 0,37 %; garis putus-putus: target 0,00 %"');
  });

  it("say the city is on the way in the target year and that the date has passed after it", async () => {
    expect(await render(2024)).toContain("Menuju target 2024: 0 %; kota 0,37 % (1.750 orang) pada 2024, masih 0,37 poin persentase lagi.");
    const later = await render(2026);
    expect(later).toContain("Target 2024 sudah lewat; kota masih 0,37 % (1.750 orang) pada 2024, 0,37 poin persentase di atas target 0 %.");
    expect(later).not.toContain("Menuju target");
  });
});

type Part = ReactElement<Record<string, unknown>>;

/** Every element of a type among a chart's children, through fragments. */
function parts(node: ReactNode, type: unknown): Part[] {
  const found: Part[] = [];
  Children.forEach(node, (child) => {
    if (!isValidElement<Record<string, unknown>>(child)) return;
    if (child.type === type) found.push(child);
    found.push(...parts(child.props.children as ReactNode, type));
  });
  return found;
}

describe("the BPS charts", () => {
  const rateTarget: TargetRow = { ...target, id: "r", indicator: "POVERTY_RATE", year: 2026, value: 7.5 };

  beforeEach(() => {
    charts.drawn = [];
  });

  const render = async () =>
    plain(
      renderToStaticMarkup(
        (await BpsSeriesCharts({ points: bpsChartPoints(series), rateTarget, extremeTarget: target, tableId: "panel-seri-tabel" })) as ReactElement,
      ),
    );

  it("draw P0, the extreme rate, P1 with P2 and the poverty line, each under its heading and pointing to the series table", async () => {
    const html = await render();
    const headings = [...html.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      "Persentase penduduk miskin (P0)",
      "Persentase kemiskinan ekstrem",
      "Indeks kedalaman (P1) dan keparahan (P2)",
      "Garis kemiskinan (Rp/kapita/bulan)",
    ]);
    const images = [...html.matchAll(/<figure role="img" aria-label="([^"]+)" aria-details="panel-seri-tabel"/g)].map((m) => m[1]);
    expect(images).toHaveLength(4);
    expect(images[3]).toMatch(/^Grafik tren garis kemiskinan per tahun/);
    // On a phone one chart under the other, two abreast on a wide screen.
    expect(html).toMatch(/class="grid grid-cols-1 gap-4 lg:grid-cols-2"/);
  });

  it("draw the figures of every year as recorded, with the targets of P0 and the extreme rate and none for the rest", async () => {
    await render();
    expect(charts.drawn).toHaveLength(4);
    const [rate, extreme, indices, line] = charts.drawn;
    const column = (chart: Record<string, unknown>, key: string) => (chart.data as Record<string, unknown>[]).map((point) => point[key]);
    expect(column(rate!, "year")).toEqual(["2019", "2020", "2021", "2022", "2023", "2024"]);
    expect(column(rate!, "povertyRatePct")).toEqual(series.map((row) => row.povertyRatePct));
    expect(column(extreme!, "extremeRatePct")).toEqual(series.map((row) => row.extremeRatePct));
    expect(column(indices!, "p1")).toEqual(series.map((row) => row.p1));
    expect(column(indices!, "p2")).toEqual(series.map((row) => row.p2));
    expect(column(line!, "povertyLineRupiah")).toEqual(series.map((row) => Number(row.povertyLineRupiah)));

    const drawnKeys = (chart: Record<string, unknown>) => parts(chart.children as ReactNode, Line).map((one) => one.props.dataKey);
    expect(charts.drawn.map(drawnKeys)).toEqual([["povertyRatePct"], ["extremeRatePct"], ["p1", "p2"], ["povertyLineRupiah"]]);
    const targets = charts.drawn.map((chart) => parts(chart.children as ReactNode, ReferenceLine).map((one) => one.props.y));
    expect(targets).toEqual([[7.5], [0], [], []]);
  });

  it("write an index to three decimals and the poverty line in Rupiah, id-ID", async () => {
    await render();
    const tooltip = (chart: Record<string, unknown>) => parts(chart.children as ReactNode, Tooltip)[0]!.props.formatter as (value: unknown) => string;
    expect(plain(tooltip(charts.drawn[0]!)(8.61))).toBe("8,6 %");
    expect(tooltip(charts.drawn[2]!)(0.32)).toBe("0,320");
    expect(plain(tooltip(charts.drawn[3]!)(612_345))).toBe("Rp 612.345");
    // An index axis steps by fractions (P2 is below 1); a Rupiah axis by round amounts.
    expect(parts(charts.drawn[2]!.children as ReactNode, YAxis)[0]!.props.ticks).toEqual([0, 0.5, 1, 1.5]);
    expect(parts(charts.drawn[3]!.children as ReactNode, YAxis)[0]!.props.ticks).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
  });
});

describe("the rates' targets by year", () => {
  // Kupang's way to zero poverty: 4,3 % in 2025, then 0 % in 2026; a kecamatan's own target and
  // another indicator's are not the city's P0 path.
  const path: TargetRow[] = [
    { ...target, id: "p26", indicator: "POVERTY_RATE", year: 2026, value: 0 },
    { ...target, id: "p25", indicator: "POVERTY_RATE", year: 2025, value: 4.3 },
    { ...target, id: "k25", indicator: "POVERTY_RATE", year: 2025, value: 3, areaId: "kecamatan", areaName: "Oebobo" },
    { ...target, id: "e24", indicator: "EXTREME_POVERTY_RATE", year: 2024, value: 0 },
  ];

  beforeEach(() => {
    charts.drawn = [];
  });

  it("are the area's targets of the indicator, oldest first", () => {
    expect(targetsOf(path, "POVERTY_RATE", null).map((row) => [row.year, row.value])).toEqual([
      [2025, 4.3],
      [2026, 0],
    ]);
    expect(targetsOf(path, "POVERTY_RATE", "kecamatan").map((row) => row.id)).toEqual(["k25"]);
    expect(targetsOf(path, "POVERTY_RATE", null).map((row) => row.id)).not.toContain("e24");
  });

  it("put each target at its year, adding the years past the last figure with no figures", () => {
    const points = withTargetPath(bpsChartPoints(series), targetsOf(path, "POVERTY_RATE", null));
    expect(points.map((point) => [point.year, point.povertyRatePct, point.target])).toEqual([
      ["2019", 8.5, null],
      ["2020", 8.5, null],
      ["2021", 8.5, null],
      ["2022", 8.5, null],
      ["2023", 8.5, null],
      ["2024", 8.5, null],
      ["2025", null, 4.3],
      ["2026", null, 0],
    ]);
    // A target of a year with figures sits on that year's point.
    const extreme = withTargetPath(bpsChartPoints(series), targetsOf(path, "EXTREME_POVERTY_RATE", null));
    expect(extreme.map((point) => [point.year, point.extremeRatePct, point.target]).at(-1)).toEqual(["2024", 0.37, 0]);
    expect(extreme).toHaveLength(series.length);
  });

  it("are drawn on the P0 and extreme charts as a dashed path to the last target year, and on no other chart", async () => {
    renderToStaticMarkup(
      (await BpsSeriesCharts({
        points: bpsChartPoints(series),
        rateTarget: path[1]!,
        extremeTarget: path[3]!,
        rateTargets: targetsOf(path, "POVERTY_RATE", null),
        extremeTargets: targetsOf(path, "EXTREME_POVERTY_RATE", null),
      })) as ReactElement,
    );
    const [rate, extreme, indices, line] = charts.drawn;
    const years = (chart: Record<string, unknown>) => (chart.data as Record<string, unknown>[]).map((point) => point.year);
    const targetsDrawn = (chart: Record<string, unknown>) =>
      (chart.data as Record<string, unknown>[]).flatMap((point) => (typeof point.target === "number" ? [[point.year, point.target]] : []));
    const lines = (chart: Record<string, unknown>) => parts(chart.children as ReactNode, Line).map((one) => [one.props.dataKey, one.props.name]);
    expect(years(rate!)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    expect(targetsDrawn(rate!)).toEqual([
      ["2025", 4.3],
      ["2026", 0],
    ]);
    expect(lines(rate!)).toEqual([
      ["povertyRatePct", "% miskin"],
      ["target", "Target per tahun"],
    ]);
    expect(targetsDrawn(extreme!)).toEqual([["2024", 0]]);
    expect(lines(extreme!).map(([key]) => key)).toEqual(["extremeRatePct", "target"]);
    // The next target stays the horizontal line it was.
    expect(parts(rate!.children as ReactNode, ReferenceLine).map((one) => one.props.y)).toEqual([4.3]);
    for (const chart of [indices!, line!]) {
      expect(years(chart)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024"]);
      expect(lines(chart).map(([key]) => key)).not.toContain("target");
    }
  });
});
