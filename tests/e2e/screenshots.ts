import type { Page, TestInfo } from "@playwright/test";

/** A full-page screenshot kept under test-results/screenshots/, named by project. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: `test-results/screenshots/${testInfo.project.name}-${name}.png`,
    fullPage: true,
  });
}
