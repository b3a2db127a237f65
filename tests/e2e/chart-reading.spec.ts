import { expect, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// The chart words' colour (CHART_TEXT): 15.6:1 on white.
const DARK = "rgb(27, 36, 48)";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
});

/**
 * The chart named `name` on the dashboard at `path`, in the first year (in the year picker's
 * order, newest first) whose figures draw bars: the demo's data may lie in any of its years.
 */
async function chartWithData(page: Page, path: string, name: string | RegExp): Promise<Locator> {
  await page.goto(path);
  const years = await page
    .locator('select[name="tahun"]')
    .first()
    .locator("option")
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const chart = page.getByRole("img", { name });
  for (const year of years) {
    await page.goto(`${path}?tahun=${year}`);
    // Each panel loads on its own: the chart, or the panel's "no data" line, or another panel still loading.
    await page.waitForLoadState("networkidle");
    if ((await chart.count()) === 0) continue;
    // recharts draws once it has measured its box; a year of zeros draws no bar at all.
    await chart.scrollIntoViewIfNeeded();
    const drawn = await chart
      .locator(".recharts-bar-rectangle path")
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (drawn) return chart;
  }
  throw new Error(`${path}: no year draws the chart ${name}`);
}

/** The share of the chart's width its bars may take (the plot area beside or under the names). */
const barsShare = (chart: Locator) =>
  chart.evaluate((figure) => figure.querySelector(".recharts-cartesian-grid")!.getBoundingClientRect().width / figure.getBoundingClientRect().width);

test("on a phone the monthly chart's labels stand apart, legends are dark and round figures step the axes", async ({ page }) => {
  // A long page of charts: on a busy two-core machine it needs more than the default 30 s.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const monthly = await chartWithData(page, "/mataram/dasbor/kemiskinan", "Grafik kolom KK yang naik kelas per bulan");
  const months = monthly.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(months.first()).toBeVisible({ timeout: 30_000 });
  const spans = await months.evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect()).map((box) => [box.left, box.right]));
  expect(spans.length).toBeGreaterThan(2);
  for (let i = 1; i < spans.length; i++) expect(spans[i]![0]!, `month label ${i + 1} starts after the one before ends`).toBeGreaterThan(spans[i - 1]![1]!);

  const legend = monthly.locator(".recharts-legend-item-text");
  await expect(legend).toHaveCount(3);
  for (const colour of await legend.evaluateAll((items) => items.map((item) => getComputedStyle(item.firstElementChild ?? item).color))) {
    expect(colour).toBe(DARK);
  }

  // The desil columns: ticks by a round step (1, 2 or 5 times a power of ten) from zero.
  const desil = page.getByRole("img", { name: "Grafik kolom KK aktif per desil" });
  await desil.scrollIntoViewIfNeeded();
  await expect(desil.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toBeVisible({ timeout: 30_000 });
  const ticks = (await desil.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()).map((text) =>
    Number(text.replace(/\./g, "")),
  );
  expect(ticks[0]).toBe(0);
  const step = ticks[1]!;
  expect(String(step)).toMatch(/^[125]0*$/);
  expect(ticks).toEqual(ticks.map((_, i) => i * step));
});

for (const { path, chart, locale } of [
  { path: "/mataram/dasbor/anggaran", chart: /^Program menurut ketertinggalan/, locale: "id" },
  { path: "/mataram/dasbor/hasil", chart: /^Hasil dan biaya per program/, locale: "id" },
  { path: "/mataram/dasbor/anggaran", chart: /^Programmes by lag/, locale: "en" },
]) {
  test(`on a phone the programme bars of ${path} (${locale}) take the width, each name above its bars, and the value axis reads in steps @phone`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    if (locale === "en") await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: testInfo.project.use.baseURL! }]);
    await page.setViewportSize({ width: 390, height: 844 });
    const programmes = await chartWithData(page, path, chart);
    // Beside names taking 45 % of a phone's width the bars had a third of it (0.33–0.45), and the axis one or two figures.
    expect(await barsShare(programmes), "share of the chart's width the bars take").toBeGreaterThan(0.7);
    const ticks = programmes.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    expect(await ticks.count(), "figures on the value axis").toBeGreaterThanOrEqual(3);
    // Each name stands above its first bar and clear of every bar.
    const boxes = await programmes.evaluate((figure) => {
      const box = (element: Element) => {
        const { top, bottom, left, right } = element.getBoundingClientRect();
        return { top, bottom, left, right };
      };
      return {
        names: [...figure.querySelectorAll(".chart-category-name")].map(box),
        bars: [...figure.querySelectorAll(".recharts-bar-rectangle path")].map(box),
        figure: box(figure),
      };
    });
    expect(boxes.names.length).toBeGreaterThan(1);
    for (const name of boxes.names) {
      expect(name.left, "a name starts inside the chart").toBeGreaterThanOrEqual(boxes.figure.left);
      expect(name.right, "a name ends inside the chart").toBeLessThanOrEqual(boxes.figure.right + 0.5);
      for (const bar of boxes.bars) {
        const overlaps = name.top < bar.bottom - 0.5 && bar.top < name.bottom - 0.5 && name.left < bar.right && bar.left < name.right;
        expect(overlaps, "a name clear of every bar").toBe(false);
      }
    }
  });
}

test("on a laptop the programme bars keep their names beside them @laptop", async ({ page }) => {
  test.setTimeout(180_000);
  const programmes = await chartWithData(page, "/mataram/dasbor/anggaran", /^Program menurut ketertinggalan/);
  const nameRight = await programmes
    .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .first()
    .evaluate((name) => name.getBoundingClientRect().right);
  const barLeft = await programmes
    .locator(".recharts-bar-rectangle path")
    .first()
    .evaluate((bar) => bar.getBoundingClientRect().left);
  expect(nameRight, "the name ends left of its bar").toBeLessThanOrEqual(barLeft);
});
