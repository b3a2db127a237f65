import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

// Two users and a server render after every write, on a shared, busy machine.
test.describe.configure({ timeout: 180_000 });

/** A real No. KK of the city's registry, as Bapeda may see it (the view is audited). */
async function registryNoKk(page: Page, pick: number): Promise<string> {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram/registri");
  const household = page.locator('main a[href^="/mataram/registri/c"]').nth(pick);
  await page.goto((await household.getAttribute("href"))!);
  await page.getByRole("button", { name: "Tampilkan nomor lengkap" }).click();
  await expect(page.getByText("Nomor lengkap ditampilkan")).toBeVisible({ timeout: 30_000 });
  const shown = page.getByTestId("household-nokk");
  await expect(shown).toHaveText(/^\s*\d{16}\s*$/);
  const noKk = (await shown.innerText()).trim();
  await page.context().clearCookies();
  return noKk;
}

test("a clerk checks an aid file, sees the bad row's reason, imports the good one and finds it among the drafts", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  const noKk = await registryNoKk(page, phone ? 3 : 2);
  const stamp = `${testInfo.project.name}-${Date.now() % 1_000_000}`;
  const items = `Paket alat kerja E2E ${stamp}`;
  const csv = [
    "PROGRAM;NIK;NO KK;JENIS;BANTUAN;JUMLAH;NILAI;TANGGAL;NOMOR BUKTI",
    `Bantuan Peralatan Kerja bagi Lulusan Pelatihan;;${noKk};Bantuan peralatan;${items};1;Rp2,5 juta;15-10-${DEMO_PREVIOUS_YEAR};BAST/E2E/${stamp}`,
    `Bantuan Peralatan Kerja bagi Lulusan Pelatihan;5271019999990001;;peralatan;Obras;1;1.000.000;15-10-${DEMO_PREVIOUS_YEAR};BAST/E2E/${stamp}-2`,
  ].join("\n");

  await signInAs(page, "staf.disnaker.mataram@entas.test");
  await page.goto(`/mataram/bantuan?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("heading", { name: "Impor penyaluran dari berkas" })).toBeVisible();
  const file = page.getByLabel(".xlsx atau .csv");
  await file.setInputFiles({ name: "penyaluran.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByRole("heading", { name: /Hasil pemeriksaan/ })).toBeVisible({ timeout: 30_000 });
  const rejected = page.getByRole("region", { name: "Baris yang ditolak" });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  await expect(rejected.getByRole("row").nth(1)).toContainText("NIK ••••••••••••0001 tidak ditemukan di registri");
  await expect(page.getByText(/^Diterima:/).locator("..")).toHaveText(/^Diterima:\s*1$/);
  await saveScreenshot(page, testInfo, "aid-import-dry-run");

  // This household may already have had a tool kit this year: the clerk imports it anyway.
  await page.getByLabel(/Tetap impor bantuan ganda/).check();
  await page.getByRole("button", { name: "Impor", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Impor selesai" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Disimpan:/).locator("..")).toHaveText(/^Disimpan:\s*1$/);
  await saveScreenshot(page, testInfo, "aid-import-commit");

  await page.goto(`/mataram/bantuan?tahun=${DEMO_PREVIOUS_YEAR}&status=DRAFT`);
  const pending = page.getByRole("region", { name: "Menunggu verifikasi", exact: true });
  await expect(pending.getByText(items)).toBeVisible();
  await pending.getByText(items).scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, "aid-import-draft-listed");

  // The template, and the list's export, are there too.
  const template = await page.request.get("/mataram/bantuan/templat?format=csv");
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("PROGRAM;NIK;NO KK;JENIS;BANTUAN;JUMLAH;NILAI;TANGGAL;NOMOR BUKTI");
});
