import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// The chart words' colour (CHART_TEXT): 15.6:1 on white.
const DARK = "rgb(27, 36, 48)";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
});

test("on a phone the monthly chart's labels stand apart, legends are dark and round figures step the axes", async ({ page }) => {
  // A long page of charts: on a busy two-core machine it needs more than the default 30 s.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/mataram/dasbor/kemiskinan?tahun=${DEMO_PREVIOUS_YEAR}`);

  const monthly = page.getByRole("img", { name: "Grafik kolom KK yang naik kelas per bulan" });
  // Each panel loads on its own, and recharts draws once it has measured its box.
  await expect(monthly).toBeVisible({ timeout: 60_000 });
  await monthly.scrollIntoViewIfNeeded();
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
