import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// A clerk adds a budget line with its account code: a malformed code is refused with its words
// and nothing is added; the corrected one is stored and shown under the line.
test("a budget line's account code is checked, stored and shown @laptop", async ({ page }) => {
  const description = `Belanja bantuan sosial uang uji ${Date.now() % 1_000_000}`;
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  await page.goto(`/mataram/program?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("link", { name: "Pelatihan Barista", exact: true }).click();
  await expect(page.getByText("2.07.", { exact: false }).first()).toBeVisible();

  await page.getByLabel("Sumber dana").selectOption({ label: "APBD" });
  await page.getByLabel("Uraian belanja").fill(description);
  await page.getByLabel("Pagu", { exact: true }).fill("1.000.000");
  await page.getByLabel("Kode rekening").fill("5.1.6.01");
  await page.getByRole("button", { name: "Tambah pos" }).click();
  await expect(page.getByText(/Kode rekening ditulis dengan titik/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: `Realisasi pos ${description}` })).toHaveCount(0);

  await page.getByLabel("Kode rekening").fill("5.1.06.01.01.0001");
  await page.getByRole("button", { name: "Tambah pos" }).click();
  await expect(page.getByText("Pos anggaran ditambahkan.")).toBeVisible({ timeout: 30_000 });
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Realisasi pos ${description}` }) });
  await expect(row.getByText("5.1.06.01.01.0001", { exact: true })).toBeVisible();
});
