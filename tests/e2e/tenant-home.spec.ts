import { expect, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
});

/** The figure shown under a stat card's label, as a number ("1.234" → 1234). */
async function figure(page: Page, label: string): Promise<number> {
  const card = page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("..");
  const text = await card.getByRole("definition").first().innerText();
  return Number(text.replace(/\./g, ""));
}

test("the city's landing page shows its areas and households in Indonesian", async ({ page }, testInfo) => {
  await page.goto("/mataram");

  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();
  await expect(page).toHaveTitle("Kota Mataram · Entas");
  await expect(page.getByText("Provinsi Nusa Tenggara Barat")).toBeVisible();

  expect(await figure(page, "Kecamatan")).toBe(6);
  expect(await figure(page, "Kelurahan")).toBe(50);
  expect(await figure(page, "Keluarga \\(KK\\) aktif")).toBeGreaterThan(0);
  expect(await figure(page, "KK miskin ekstrem")).toBeGreaterThanOrEqual(0);

  const table = page.getByRole("region", { name: "Sebaran per kecamatan" }).getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Kecamatan" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Kelurahan" })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(6);
  await expect(table.getByRole("rowheader", { name: "Ampenan" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Jumlah" })).toBeVisible();

  await expect(page.getByRole("link", { name: "Beranda", includeHidden: true })).toHaveAttribute("aria-current", "page");
  await saveScreenshot(page, testInfo, "mataram-id");
});

test("the language switch turns the page into English and back", async ({ page }, testInfo) => {
  await page.goto("/mataram");
  await page.getByRole("button", { name: "English" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();
  await expect(page.getByText("Nusa Tenggara Barat Province")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Active households" })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-current", "true");
  await saveScreenshot(page, testInfo, "mataram-en");

  // The choice is remembered across page loads.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("term").filter({ hasText: "Keluarga (KK) aktif" })).toBeVisible();
});
