import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo/demo-accounts";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test("a planner signs in with the form, lands in the city and signs out", async ({ page, isMobile }, testInfo) => {
  await page.goto("/mataram");
  await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fmataram$/);
  await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();

  await page.getByLabel("Email").fill("bapeda.mataram@entas.test");
  await page.getByLabel("Kata sandi", { exact: true }).fill("salah-sekali-123");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Email atau kata sandi salah.")).toBeVisible();
  await saveScreenshot(page, testInfo, "sign-in-wrong");

  await page.getByLabel("Kata sandi", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/mataram$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();
  // The header names the user where there is room for it; a phone shows only "Keluar".
  if (!isMobile) await expect(page.getByText("Perencana Bapeda")).toBeVisible();

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await page.goto("/mataram");
  await expect(page).toHaveURL(/\/masuk/);
});

test("the start page sends a visitor to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/masuk$/);
});
