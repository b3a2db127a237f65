import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test("a clerk checks a realisation file, sees the rejected rows, and gets the template and the export", async ({ page }, testInfo) => {
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  // Last year's budget lines (the page opens on this fiscal year).
  await page.goto(`/mataram/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  const card = page.getByRole("region", { name: "Impor realisasi dari berkas" }).or(page.locator("section", { hasText: "Impor realisasi dari berkas" }));
  await expect(card.first()).toBeVisible();

  const csv = [
    "PROGRAM;POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN",
    `Program Tak Ada;Belanja;1;0001/SP2D/${DEMO_PREVIOUS_YEAR};1.500.000;`,
    `Program Tak Ada;Belanja;2;0002/SP2D/${DEMO_PREVIOUS_YEAR};=SUM(A1:A9);rumus`,
  ].join("\n");
  await page.getByLabel(".xlsx atau .csv").setInputFiles({ name: "realisasi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByRole("heading", { name: /Hasil pemeriksaan/ })).toBeVisible({ timeout: 30_000 });
  const rejected = page.getByRole("region", { name: "Baris yang ditolak" });
  await expect(rejected.getByRole("row")).toHaveCount(3);
  await expect(rejected).toContainText("rumus");
  await saveScreenshot(page, testInfo, "realisation-import-report");

  const template = await page.request.get("/mataram/anggaran/templat?format=csv");
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("ID POS ANGGARAN;PROGRAM;POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ekspor .csv" }).click();
  expect((await download).suggestedFilename()).toBe("realisasi-anggaran.csv");
});
