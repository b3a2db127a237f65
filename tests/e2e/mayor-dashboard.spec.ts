import { DEMO_YEAR, DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { expectOnePagePrint } from "./print";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

const MAYOR = "walikota.mataram@entas.test";

test.setTimeout(120_000);

test("the mayor's office finds the budget dashboard from home, filters it, exports and prints it", async ({ page }, testInfo) => {
  await signInAs(page, MAYOR);
  await page.goto("/mataram");
  await page
    .getByRole("region", { name: /^Angka utama \d{4}$/ })
    .getByTestId("headline-realised")
    .click();
  await page.waitForURL(/\/mataram\/dasbor\/anggaran/, { timeout: 30_000 });
  // The dashboard opens on this fiscal year, which is under way; last year's is complete.
  await page.goto(`/mataram/dasbor/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);

  await expect(page.getByRole("heading", { level: 1, name: "Serapan anggaran" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("term").filter({ hasText: "Insentif fiskal pusat" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Menunggu verifikasi" })).toBeVisible();
  const opds = page.getByRole("group", { name: "Per OPD" }).getByRole("table");
  await expect(opds.getByRole("rowheader", { name: "Total" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Per sumber dana" }).getByRole("rowheader", { name: "Insentif fiskal" })).toBeVisible();
  await saveScreenshot(page, testInfo, "mayor-budget");

  // Filter on one OPD: the OPD table keeps that one agency.
  const opdName = (await opds.locator("tbody tr").first().getByRole("rowheader").innerText()).trim();
  await page.getByLabel("OPD", { exact: true }).selectOption({ label: opdName });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/opd=/);
  await expect(opds.locator("tbody tr")).toHaveCount(1);

  // Export: the .csv of the OPD table, and the .xlsx.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV — Per OPD" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^mataram-anggaran-opds-\d{4}-[a-z0-9-]+\.csv$/);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain("Pagu (Rp)");
  expect(text).toContain(opdName);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (.xlsx) — Per OPD" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  // The printable summary: one A4 page, no menu, no filters, no export links.
  await expectOnePagePrint(page, testInfo, "mayor-budget");
  await expect(page.getByText("Cakupan: Tahun")).toBeVisible();
});

test("the results dashboard: figures with their cost, a kecamatan filter, and an export without personal data", async ({ page }, testInfo) => {
  await signInAs(page, MAYOR);
  await page.goto("/mataram");
  await page
    .getByRole("region", { name: /^Angka utama \d{4}$/ })
    .getByTestId("headline-householdsReached")
    .click();
  await page.waitForURL(/\/mataram\/dasbor\/hasil/, { timeout: 30_000 });
  await page.goto(`/mataram/dasbor/hasil?tahun=${DEMO_PREVIOUS_YEAR}`);

  await expect(page.getByRole("heading", { level: 1, name: "Hasil program" })).toBeVisible({ timeout: 20_000 });
  for (const term of ["Orang dilatih", "Keluarga dibekali alat atau modal", "Keluarga terjangkau", "Usaha dibuka", "Keluarga terjangkau yang lulus"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByText(/per hasil/).first()).toBeVisible();
  await saveScreenshot(page, testInfo, "mayor-results");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV — Hasil dan biaya per program" }).click()]);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain("Rp seluruh belanja per keluarga terjangkau");
  expect(text).not.toMatch(/\d{16}/);

  await page.getByLabel("Kecamatan").selectOption({ label: "Ampenan" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/kecamatan=/);
  await expect(page.getByText("biaya per hasil tidak dihitung")).toBeVisible();

  await expectOnePagePrint(page, testInfo, "mayor-results");
  await expect(page.getByText(/^Cakupan: Tahun \d{4} · Ampenan/)).toBeVisible();
});

test("an OPD clerk and another city's mayor's office do not find the dashboards", async ({ page }) => {
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  for (const path of ["/mataram/dasbor/anggaran", "/mataram/dasbor/hasil", `/mataram/dasbor/anggaran/ekspor?tahun=${DEMO_YEAR}&tabel=opds&format=csv`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  await page.context().clearCookies();
  await signInAs(page, "walikota.kupang@entas.test");
  expect((await page.request.get("/mataram/dasbor/anggaran")).status()).toBe(404);
  expect((await page.request.get("/kupang/dasbor/anggaran")).status()).toBe(200);
});
