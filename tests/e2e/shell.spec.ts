import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./screenshots";

test("the start page lists the cities and leads to one", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Pilih pemerintah kota" })).toBeVisible();
  const cities = page.getByRole("list", { name: "Daftar kota" });
  await expect(cities.getByRole("link", { name: "Kota Kupang" })).toBeVisible();
  await saveScreenshot(page, testInfo, "home-id");

  await cities.getByRole("link", { name: "Kota Mataram" }).click();
  await expect(page).toHaveURL(/\/mataram$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();
});

test("an unknown city shows the Indonesian not-found page", async ({ page }, testInfo) => {
  const response = await page.goto("/nonexistent-city");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await saveScreenshot(page, testInfo, "not-found-id");

  await page.getByRole("link", { name: "Kembali ke daftar kota" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("keyboard users can skip straight to the content @keyboard", async ({ page }) => {
  await page.goto("/mataram");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Lewati ke konten utama" });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
