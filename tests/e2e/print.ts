import { expect, type Page, type TestInfo } from "@playwright/test";
import { saveScreenshot } from "./screenshots";

const mm = (length: number) => Math.floor((length / 25.4) * 96);
const PRINTABLE_A4_LANDSCAPE = { width: mm(297 - 16), height: mm(210 - 16) };

/**
 * Prints a dashboard as the print button does (print media), and checks the paper: no site
 * header or menu, no filter form or export links, every chart drawn (not collapsed) within
 * its panel and the page, and the whole summary on one A4 sheet.
 */
export async function expectOnePagePrint(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Paper is laid out at the sheet's width whatever the screen: A4 landscape less the 8 mm
  // margins of <DashboardPage>, in CSS pixels (96 per inch).
  await page.setViewportSize(PRINTABLE_A4_LANDSCAPE);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Terapkan" }).filter({ visible: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^(Excel \(\.xlsx\)|CSV) — / })).toHaveCount(0);

  // Resized to the sheet, recharts draws its charts again a frame later: read them once drawn.
  const drawnCharts = () =>
    page.evaluate(() => {
      const pageWidth = document.documentElement.clientWidth;
      return [...document.querySelectorAll("[data-dashboard] svg.recharts-surface")]
        .filter((svg) => !svg.closest(".recharts-legend-wrapper") && svg.getBoundingClientRect().height > 0)
        .map((svg) => {
          const chart = svg.getBoundingClientRect();
          const panel = svg.closest("section")!.getBoundingClientRect();
          return {
            width: Math.round(chart.width),
            inPage: chart.left >= 0 && chart.right <= pageWidth + 1,
            inPanel: chart.left >= panel.left - 1 && chart.right <= panel.right + 1,
          };
        });
    });
  await expect.poll(async () => (await drawnCharts()).length, { message: "charts on paper" }).toBeGreaterThan(0);
  const charts = await drawnCharts();
  for (const chart of charts) {
    expect(chart, "a chart within its panel and the page").toMatchObject({ inPage: true, inPanel: true });
    expect(chart.width, "a chart drawn, not collapsed").toBeGreaterThanOrEqual(120);
  }
  await saveScreenshot(page, testInfo, `${name}-print`);

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await testInfo.attach(`${name}.pdf`, { body: pdf, contentType: "application/pdf" });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length, "printed pages").toBe(1);
}
