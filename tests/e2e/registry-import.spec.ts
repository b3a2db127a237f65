import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { checkFile, extract, saveToRegistry } from "./registry-extract";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test("a planner imports an extract, fixes the rejected row, re-imports, and reads a household's timeline", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const serial = 1000 + (Date.now() % 8000);
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram/registri/impor");

  const first = extract(serial, true);
  await checkFile(page, "dtsen-ampenan.csv", first.csv);
  const rejected = page.getByRole("region", { name: "Baris ditolak", exact: true });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  await expect(rejected).toContainText(/tanggal lahir/i);
  await saveScreenshot(page, testInfo, "import-dry-run");
  // The server keeps what it checked: after a reload the rows are saved without the file.
  await page.reload();
  await saveToRegistry(page);

  // The fixed file, through the same form: the five saved rows are unchanged, the corrected one is new.
  const fixed = extract(serial, false);
  await checkFile(page, "dtsen-ampenan-diperbaiki.csv", fixed.csv);
  await expect(page.getByText("Tidak ada baris yang ditolak.")).toBeVisible();
  await saveToRegistry(page);
  await saveScreenshot(page, testInfo, "import-committed");

  // A number is looked up by POST: it opens the household and never appears in a URL.
  await page.goto("/mataram/registri");
  await page.getByLabel("NIK atau No. KK (16 digit)").fill(first.firstNoKk);
  await page.getByRole("button", { name: "Cari nomor" }).click();
  await expect(page).toHaveURL(/\/mataram\/registri\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Anggota keluarga" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("heading", { name: "Linimasa intervensi" })).toBeVisible();
  await saveScreenshot(page, testInfo, "household-profile");
});
