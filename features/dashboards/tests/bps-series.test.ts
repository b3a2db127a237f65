// The statistics page's BPS series: its table holds every year and every figure (P1, P2 and the
// source too), and its cards show each figure's trend and where it stands against its target.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import id from "@/messages/id";
import type { StatisticRow, TargetRow } from "@/features/statistics/queries";
import { seriesTable, type StatisticsT } from "@/features/statistics/tables";

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages: id, namespace: namespace as never }),
  getLocale: async () => "id",
}));

const { ChartPanel } = await import("@/features/dashboards/ui/chart-panel");
const { StatisticsSummary } = await import("@/features/statistics/ui/statistics-summary");

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
  it("shows every year with P1, P2 and the source", async () => {
    const html = renderToStaticMarkup((await ChartPanel({ table: seriesTable(series, "Seluruh kota", t), chart: null, layout: "below" })) as ReactElement);
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(["Tahun", "% miskin", "Penduduk miskin", "% miskin ekstrem", "Penduduk miskin ekstrem", "P1", "P2", "Sumber"]);
    const years = [...html.matchAll(/<th scope="row"[^>]*>(\d{4})<\/th>/g)].map((m) => Number(m[1]));
    expect(years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    for (const row of series) expect(html).toContain(`${SOURCE} ${row.year}`);
    expect(plain(html)).toContain("1,214");
    expect(plain(html)).toContain("0,271");
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
