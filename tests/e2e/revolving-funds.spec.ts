import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "@/tests/e2e/auth";
import { saveScreenshot } from "@/tests/e2e/screenshots";
import { test } from "./fixtures";

const ROLLUP = `/kupang/dasbor/dana-pem?tahun=${DEMO_PREVIOUS_YEAR}`;

/** Loans disbursed city-wide, from the roll-up's "N pinjaman dari M dana kelurahan". */
async function loansInRollup(browser: Browser, save?: (page: Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: test.info().project.use.viewport });
  const page = await context.newPage();
  await signInAs(page, "bapeda.kupang@entas.test");
  await page.goto(ROLLUP);
  await expect(page.getByRole("heading", { level: 1, name: "Rekap Dana PEM" })).toBeVisible();
  const hint = await page.getByText(/\d+ pinjaman dari \d+ dana kelurahan/).innerText();
  const table = page.getByRole("region", { name: "Per kelurahan" }).getByRole("table");
  await expect(table.getByRole("rowheader", { name: /Naikoten Satu/ })).toBeVisible();
  // Aggregates only: no borrower's name or NIK on the roll-up.
  await expect(page.getByText(/\b5371\d{12}\b/)).toHaveCount(0);
  await save?.(page);
  await context.close();
  return Number(hint.match(/^([\d.]+) pinjaman/)![1]!.replace(/\./g, ""));
}

test("the kelurahan lends, records repayments and sees arrears age; the city roll-up changes", async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  const before = await loansInRollup(browser);

  await signInAs(page, "kelurahan.kupang@entas.test");
  await page.goto(`/kupang/dana-pem?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("heading", { level: 1, name: `Dana PEM ${DEMO_PREVIOUS_YEAR}` })).toBeVisible();
  await expect(page.getByText(/^Dana seimbang: modal/)).toBeVisible();
  await saveScreenshot(page, testInfo, "dana-pem-fund");

  await page.getByRole("link", { name: "Usulkan pinjaman" }).click();
  await page.waitForURL(/\/dana-pem\/pinjaman\/baru/);
  await expect(page.getByRole("heading", { level: 1, name: "Usulan pinjaman" })).toBeVisible();
  // A resident outside the registry, born 15 May 1999: a young borrower.
  const serial = String((Date.now() % 8999) + 1000);
  await page.getByLabel("NIK peminjam").fill(`53710415059${serial.slice(0, 1)}${serial}`.slice(0, 16));
  await page.getByLabel("Nama sesuai KTP").fill("Yoseph Tefa");
  await page.getByLabel("Jenis usaha").fill("Sablon kaos");
  await page.getByLabel("Pokok pinjaman").fill("5 juta");
  await page.getByLabel(/Jangka waktu/).fill("10");
  await page.getByLabel("Tujuan pinjaman").fill("Membeli meja sablon dan tinta");
  await saveScreenshot(page, testInfo, "dana-pem-new-loan");
  await page.getByRole("button", { name: "Catat usulan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Yoseph Tefa" })).toBeVisible();
  await expect(page.getByText("Diusulkan", { exact: true })).toBeVisible();
  // The proposer cannot approve: a second officer of the kelurahan (the lurah's account) does.
  await expect(page.getByRole("button", { name: "Setujui" })).toHaveCount(0);
  await expect(page.getByText(/^Anda yang mengusulkan pinjaman ini/)).toBeVisible();
  const lurah = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: testInfo.project.use.viewport });
  const lurahPage = await lurah.newPage();
  await signInAs(lurahPage, "lurah.kupang@entas.test");
  await lurahPage.goto(page.url());
  await lurahPage.getByRole("button", { name: "Setujui" }).click();
  await expect(lurahPage.getByText("Disetujui", { exact: true })).toBeVisible();
  await lurah.close();
  await page.reload();
  await expect(page.getByText("Disetujui", { exact: true })).toBeVisible();
  await page.getByLabel("Tanggal pencairan").fill(`10/01/${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("button", { name: "Cairkan" }).click();

  const schedule = page.getByRole("region", { name: "Jadwal angsuran" }).getByRole("table");
  await expect(schedule.locator("tbody tr")).toHaveCount(10);
  await page.getByLabel("Jumlah dibayar").fill("515.000");
  await page.getByLabel("Tanggal bayar").fill(`10/02/${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByRole("region", { name: "Pembayaran" }).getByRole("table").locator("tbody tr")).toHaveCount(1);
  // A partial payment: instalment 2 is partly paid, and the loan is late from 10 March.
  await page.getByLabel("Jumlah dibayar").fill("100.000");
  await page.getByLabel("Tanggal bayar").fill(`01/03/${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByRole("region", { name: "Pembayaran" }).getByRole("table").locator("tbody tr")).toHaveCount(2);
  await expect(schedule.locator("tbody tr").first()).toContainText("Lunas");
  await expect(page.getByText(/^Terlambat \d+ hari$/).first()).toBeVisible();
  await expect(page.getByText("Lebih dari 90 hari (PAR 90)")).toBeVisible();
  await saveScreenshot(page, testInfo, "dana-pem-loan");

  await page
    .getByRole("link", { name: /Cetak kuitansi pembayaran/ })
    .first()
    .click();
  await expect(page.getByText("Lima ratus lima belas ribu rupiah")).toBeVisible();
  await saveScreenshot(page, testInfo, "dana-pem-receipt");
  await page.getByRole("link", { name: "Kembali ke pinjaman" }).click();
  await page.getByRole("link", { name: "Cetak perjanjian" }).click();
  await expect(page.getByText(/Lima juta rupiah/)).toBeVisible();
  await saveScreenshot(page, testInfo, "dana-pem-agreement");

  // The fund page: the loan's card is late, and the ledger still balances.
  await page.goto(`/kupang/dana-pem?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("link", { name: "Yoseph Tefa" }).first()).toBeVisible();
  await expect(page.getByText(/^Dana seimbang: modal/)).toBeVisible();

  const after = await loansInRollup(browser, (rollup) => saveScreenshot(rollup, testInfo, "dana-pem-rollup"));
  expect(after).toBeGreaterThanOrEqual(before + 1);
});

test("OPD staff and another city's kelurahan cannot open Kupang's Dana PEM", async ({ page }) => {
  await signInAs(page, "staf.disnaker.kupang@entas.test");
  expect((await page.goto("/kupang/dana-pem"))?.status()).toBe(404);
  expect((await page.goto("/kupang/dasbor/dana-pem"))?.status()).toBe(404);
  await signInAs(page, "kelurahan.mataram@entas.test");
  expect((await page.goto("/kupang/dana-pem"))?.status()).toBe(404);
});

test("Mataram's officer opens a Dana PEM of this year with loans of every arrears age", async ({ page }) => {
  await signInAs(page, "kelurahan.mataram@entas.test");
  await page.goto("/mataram/dana-pem");
  await expect(page.getByRole("heading", { level: 1, name: /^Dana PEM \d{4}$/ })).toBeVisible();
  await expect(page.getByText(/^Dana seimbang: modal/)).toBeVisible();
  const ageing = page.getByRole("region", { name: "Umur tunggakan" }).getByRole("table");
  for (const bucket of ["Lancar", "1–30 hari", "31–60 hari (PAR 30)", "61–90 hari (PAR 60)", "Lebih dari 90 hari (PAR 90)"]) {
    await expect(
      ageing
        .getByRole("row", { name: new RegExp(`^${bucket.replace(/[()]/g, "\\$&")}`) })
        .getByRole("cell")
        .first(),
    ).not.toHaveText("0");
  }
});
