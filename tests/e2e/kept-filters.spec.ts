import { expect, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { saveScreenshot } from "./screenshots";

/** Picks a year other than the one shown in the form's year field and applies the form. */
async function changeYear(page: Page, field: string) {
  const select = page.getByLabel(field, { exact: true });
  const current = await select.inputValue();
  const other = (await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current);
  expect(other, "the form offers another year").toBeTruthy();
  await select.selectOption(other!);
  await page.getByRole("button", { name: "Tampilkan" }).first().click();
  await page.waitForURL(new RegExp(`tahun=${other}`));
  return other!;
}

test("a list opened from a home task keeps the task's filter when the year changes, until the chip's × removes it", async ({ page }, testInfo) => {
  await signInAs(page, "kepala.disnaker.mataram@entas.test");
  await page.goto("/mataram");
  await page.getByRole("region", { name: "Menunggu Anda" }).getByTestId("task-linesNearPagu").click();
  await expect(page).toHaveURL(/\/mataram\/anggaran\?.*hampir=1/);
  const chip = page.getByRole("list", { name: "Saringan yang tetap dipakai" }).getByRole("listitem");
  await expect(chip).toHaveText(/Saringan: pos hampir habis pagunya/);

  await changeYear(page, "Tahun anggaran");
  await expect(page).toHaveURL(/hampir=1/);
  await expect(chip).toHaveText(/Saringan: pos hampir habis pagunya/);
  await expect(page.getByText(/^Hanya pos yang realisasinya/)).toBeVisible();
  await saveScreenshot(page, testInfo, "kept-filter-budget");

  await chip.getByRole("link", { name: "Hapus saringan: pos hampir habis pagunya" }).click();
  await expect(page).not.toHaveURL(/hampir=/);
  await expect(page.getByRole("list", { name: "Saringan yang tetap dipakai" })).toHaveCount(0);
  await expect(page.getByText(/^Hanya pos yang realisasinya/)).toHaveCount(0);
});

test("the aid list keeps 'returned to the clerk' through a change of year, and drops it from its chip", async ({ page }) => {
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  await page.goto("/mataram/bantuan?kembali=1");
  const chip = page.getByRole("list", { name: "Saringan yang tetap dipakai" }).getByRole("listitem");
  await expect(chip).toHaveText(/dikembalikan ke petugas/);
  await changeYear(page, "Tahun");
  await expect(page).toHaveURL(/kembali=1/);
  await expect(chip).toHaveText(/dikembalikan ke petugas/);
  await chip.getByRole("link").click();
  await expect(page).not.toHaveURL(/kembali=/);
});
