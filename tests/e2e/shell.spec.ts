import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test("an unknown city shows the Indonesian not-found page", async ({ page }, testInfo) => {
  const response = await page.goto("/nonexistent-city");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await saveScreenshot(page, testInfo, "not-found-id");

  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
});

test("keyboard users can skip straight to the content @keyboard", async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Lewati ke konten utama" });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
