import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { openCityMenu } from "./menu";
import { saveScreenshot } from "./screenshots";

test("Bapeda's menu is grouped by the work: one row on a laptop, a real menu on a phone", async ({ page }, testInfo) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram");
  const menu = page.getByRole("navigation", { name: "Menu Kota Mataram" });
  const topLevel = menu.locator(":scope > ul > li:visible");

  if (testInfo.project.name === "phone") {
    await expect(menu.getByRole("link", { name: "Beranda" })).toBeHidden();
    await openCityMenu(page, "Kota Mataram");
    await expect(menu.getByRole("link", { name: "Ganti kata sandi" })).toBeVisible();
  }
  const tops = await topLevel.evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThanOrEqual(5);
  if (testInfo.project.name === "laptop") expect(new Set(tops).size, "top-level entries on one row").toBe(1);

  await menu.getByRole("button", { name: "Dasbor" }).click();
  await saveScreenshot(page, testInfo, "menu-bapeda-dashboards");
  await menu.getByRole("link", { name: "Serapan anggaran" }).click();
  await expect(page).toHaveURL(/\/mataram\/dasbor\/anggaran/);
  await expect(menu.getByRole("link", { name: "Serapan anggaran", includeHidden: true })).toHaveAttribute("aria-current", "page");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("Escape closes an open group of the menu @keyboard", async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram");
  const menu = page.getByRole("navigation", { name: "Menu Kota Mataram" });
  const registry = menu.getByRole("button", { name: "Registri" });
  await registry.click();
  await expect(registry).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(registry).toHaveAttribute("aria-expanded", "false");
});
