import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
// On the users' office laptops (1366 × 768) a dashboard table shares the width with its chart:
// the figures a reader decides on must be in view without scrolling the table sideways, and
// on a phone the table scrolls in its own box, never the page.
import { expect, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

const MAYOR = "walikota.mataram@entas.test";
const BAPEDA = "bapeda.mataram@entas.test";

const BUDGET = `/mataram/dasbor/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`;
const POVERTY = `/mataram/dasbor/kemiskinan?tahun=${DEMO_PREVIOUS_YEAR}`;

/** Each table (by its name) and the headers of its decision columns. */
const BUDGET_DECISIONS: Record<string, string[]> = {
  "Program menurut ketertinggalan": ["Serapan", "Selisih (poin)", "Tanda"],
  "Per OPD": ["Serapan", "Selisih (poin)"],
  "Per sumber dana": ["Serapan"],
  "Realisasi kumulatif per bulan": ["Kumulatif", "Garis kalender"],
};
const POVERTY_DECISIONS: Record<string, string[]> = {
  "KK miskin ekstrem yang belum dijangkau, per kelurahan": ["Cakupan", "Belum dijangkau"],
  "Ketepatan sasaran per OPD": ["Ketepatan", "Di luar sasaran"],
};

test.setTimeout(180_000);

/** Every header named lies wholly inside its table's visible scroll box, and the box inside the window. */
async function expectDecisionColumnsInView(page: Page, decisions: Record<string, string[]>) {
  const width = page.viewportSize()!.width;
  for (const [title, headers] of Object.entries(decisions)) {
    const table = page.getByRole("region", { name: title, exact: true });
    await expect(table.getByRole("columnheader").first()).toBeVisible({ timeout: 60_000 });
    await table.scrollIntoViewIfNeeded();
    expect(await table.evaluate((box) => box.scrollLeft), `${title} unscrolled`).toBe(0);
    const box = (await table.boundingBox())!;
    expect(box.x + box.width, `${title} within the window`).toBeLessThanOrEqual(width + 0.5);
    for (const name of headers) {
      const cell = (await headerBox(table, name))!;
      expect(cell.x, `"${name}" of "${title}" starts inside its table's box`).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(cell.x + cell.width, `"${name}" of "${title}" is in view without scrolling sideways`).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
  }
}

async function headerBox(table: Locator, name: string) {
  return table.getByRole("columnheader", { name, exact: true }).boundingBox();
}

async function expectNoSidewaysPage(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "the page does not scroll sideways").toBeLessThanOrEqual(clientWidth);
}

test.describe("on a 1366 × 768 laptop", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the mayor's office reads absorption, gap and the lagging flag without scrolling sideways, and the chart marks the lagging programmes", async ({
    page,
  }) => {
    await signInAs(page, MAYOR);
    await page.goto(BUDGET);
    await expect(page.getByRole("heading", { level: 1, name: "Serapan anggaran" })).toBeVisible({ timeout: 30_000 });
    await expectDecisionColumnsInView(page, BUDGET_DECISIONS);
    await expectNoSidewaysPage(page);

    // The chart shows the programmes furthest behind; those behind by more than 15 points carry
    // the word and a legend entry, as many as the table flags among them.
    const panel = page.getByRole("group", { name: "Program menurut ketertinggalan" });
    const chart = panel.getByRole("img");
    await expect(chart.locator("[data-chart-legend]")).toContainText("Tertinggal > 15 poin");
    const charted = await chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick").count();
    const table = panel.getByRole("region", { name: "Program menurut ketertinggalan" });
    const flags = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.textContent?.includes("Tertinggal") ?? false));
    const flaggedCharted = flags.slice(0, charted).filter(Boolean).length;
    expect(flaggedCharted, "the demo city has programmes behind").toBeGreaterThan(0);
    await expect(chart.locator(".recharts-label-list text").filter({ hasText: /^Tertinggal$/ })).toHaveCount(flaggedCharted);
  });

  test("Bapeda reads coverage per kelurahan and targeting accuracy without scrolling sideways", async ({ page }) => {
    await signInAs(page, BAPEDA);
    await page.goto(POVERTY);
    await expect(page.getByRole("heading", { level: 1, name: "Dasbor kemiskinan" })).toBeVisible({ timeout: 30_000 });
    await expectDecisionColumnsInView(page, POVERTY_DECISIONS);
    await expectNoSidewaysPage(page);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the dashboards' tables scroll in their own box, never the page", async ({ page }) => {
    await signInAs(page, BAPEDA);
    for (const path of [BUDGET, POVERTY]) {
      await page.goto(path);
      await expect(page.getByRole("region", { name: Object.keys(path === BUDGET ? BUDGET_DECISIONS : POVERTY_DECISIONS)[0]!, exact: true })).toBeVisible({
        timeout: 60_000,
      });
      await expectNoSidewaysPage(page);
    }
  });
});
