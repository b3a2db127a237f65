import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { openCityMenu } from "./menu";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test("an unknown city shows the Indonesian not-found page to a signed-in user", async ({ page }, testInfo) => {
  // Signed out, an unknown city asks to sign in, as a real one does (security.spec.ts).
  await signInAs(page, "bapeda.mataram@entas.test");
  const response = await page.goto("/nonexistent-city");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await saveScreenshot(page, testInfo, "not-found-id");

  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page).toHaveURL(/\/mataram$/);
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

test("the manifest, its icons and robots.txt are served to anyone, signed in or not", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const { icons } = (await manifest.json()) as { icons: { src: string }[] };
  for (const icon of icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toContain("Disallow: /");
});

test("after following a menu link, focus is on the new page's heading @keyboard", async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram/anggaran");
  const menu = await openCityMenu(page, "Kota Mataram");
  const home = menu.getByRole("link", { name: "Beranda", exact: true });
  await home.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mataram$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeFocused();
  // Focusable by script only: the heading is no tab stop.
  await expect(heading).toHaveAttribute("tabindex", "-1");
  // The first load keeps the skip link first.
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Lewati ke konten utama" })).toBeFocused();
});

test("the logo link is named by the words it shows, and a chart is an image with no tab stop", async ({ page }, testInfo) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram/dasbor/kemiskinan");
  // A phone shows the name without the tagline: the link's name starts with what it shows.
  const shown = testInfo.project.name === "phone" ? /^Entas \(halaman utama\)$/ : /^Entas Penanggulangan kemiskinan kota \(halaman utama\)$/;
  await expect(page.getByRole("link", { name: shown })).toBeVisible();
  const chart = page.getByRole("img", { name: /^Grafik batang KK miskin ekstrem per kelurahan/ });
  await expect(chart).toBeVisible();
  const tableId = await chart.getAttribute("aria-details");
  await expect(page.locator(`[id="${tableId}"]`).getByRole("table")).toBeVisible();
  await expect(page.locator('.recharts-wrapper [tabindex]:not([tabindex="-1"])')).toHaveCount(0);
});
