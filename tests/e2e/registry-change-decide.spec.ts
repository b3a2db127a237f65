import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { openCityMenu } from "./menu";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

// Bapeda or Dinas Sosial decides change requests. The seed marks Dinsos (1.06)
// as the OPD whose head decides; the head of any other OPD has no such page.
test("the head of Dinas Sosial opens the change requests, with the menu entry", async ({ page }, testInfo) => {
  await signInAs(page, "kepala.dinsos.mataram@entas.test");
  await page.goto("/mataram/registri/perubahan");
  await expect(page.getByRole("heading", { level: 1, name: "Usulan perubahan data" })).toBeVisible();
  const menu = await openCityMenu(page, "Kota Mataram", "Registri");
  await expect(menu.getByRole("link", { name: "Usulan perubahan" })).toBeVisible();
  await saveScreenshot(page, testInfo, "change-requests-dinsos-head");
});

test("the head of Disnaker gets not-found for the change requests", async ({ page }) => {
  await signInAs(page, "kepala.disnaker.mataram@entas.test");
  const response = await page.goto("/mataram/registri/perubahan");
  expect(response?.status()).toBe(404);
});

test("the city admin marks an OPD as Dinas Sosial on its page", async ({ page }, testInfo) => {
  await signInAs(page, "admin.mataram@entas.test");
  await page.goto("/mataram/opd");
  await expect(page.getByRole("row", { name: /Dinas Sosial/ }).getByText("Memutuskan usulan registri")).toBeVisible();
  await page.getByRole("link", { name: "Ubah Dinsos" }).click();
  await expect(page.getByRole("checkbox", { name: /OPD ini Dinas Sosial/ })).toBeChecked();
  await saveScreenshot(page, testInfo, "opd-registry-role");
});
