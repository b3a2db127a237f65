import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { expectOnePagePrint } from "./print";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
});

test("Bapeda opens the poverty dashboard, filters it, exports a table and prints it", async ({ page }, testInfo) => {
  // A long page of charts: on a busy two-core machine it needs more than the default 30 s.
  test.setTimeout(180_000);
  // Last year, complete and closed (the dashboard opens on this fiscal year, which is under way).
  await page.goto(`/mataram/dasbor/kemiskinan?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor kemiskinan" })).toBeVisible();
  await expect(page.getByText(`Tahun anggaran ${DEMO_PREVIOUS_YEAR} sudah ditutup.`)).toBeVisible();
  const summary = page.getByRole("definition").filter({ hasText: "%" }).first();
  await expect(summary).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Cakupan" })).toBeVisible();

  // Every chart has its table: the ranked kelurahan chart's table has a row per kelurahan.
  const ranked = page.getByRole("region", { name: "KK miskin ekstrem yang belum dijangkau, per kelurahan" });
  await expect(ranked.getByRole("columnheader", { name: "Belum dijangkau" })).toBeVisible();
  await saveScreenshot(page, testInfo, "bapeda-dashboard");

  // Filter by a kecamatan: the URL keeps it and the tables follow.
  await page.getByLabel("Kecamatan", { exact: true }).selectOption({ label: "Ampenan" });
  await page.getByRole("form", { name: "Saring dasbor" }).getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/kecamatan=/, { timeout: 60_000 });
  await expect(page.getByLabel("Kecamatan", { exact: true })).toHaveValue(/.+/);
  const kecamatanTable = page.getByRole("region", { name: "Registri per kecamatan" });
  await expect(kecamatanTable.locator("tbody tr")).toHaveCount(1);

  // Two clicks: the kelurahan with the most unreached households, then its named list.
  const first = ranked.locator("tbody tr").first().getByRole("link");
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByText(`Kelurahan ${name}`)).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole("region", { name: "Daftar KK miskin ekstrem yang belum dijangkau" }).or(page.getByText("Tidak ada KK miskin ekstrem")),
  ).toBeVisible();

  // Export: .xlsx downloads, .csv carries the filtered table.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Excel \(\.xlsx\) — Registri per kecamatan/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^mataram-kemiskinan-kecamatan-\d{4}-.*ampenan\.xlsx$/);
  const csvHref = await page.getByRole("link", { name: /CSV — Registri per kecamatan/ }).getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain("Kecamatan;KK aktif;KK miskin ekstrem");
  expect(csv).toContain("Ampenan;");
  expect(csv).not.toContain("Cakranegara;");

  // Print: one A4 page without the site's chrome, filters or export links; a line says
  // what the figures cover.
  await expectOnePagePrint(page, testInfo, "bapeda-dashboard");
  await expect(page.getByText(/^Cakupan: Tahun \d{4} · Ampenan/)).toBeVisible();
});

test("the mayor's office may not open the Bapeda dashboard", async ({ page }) => {
  await signInAs(page, "walikota.mataram@entas.test");
  const response = await page.goto("/mataram/dasbor/kemiskinan");
  expect(response?.status()).toBe(404);
  expect((await page.request.get("/mataram/dasbor/kemiskinan/ekspor?tabel=kecamatan&format=csv")).status()).toBe(404);
});
