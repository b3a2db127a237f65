import { expect, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { saveScreenshot } from "./screenshots";

const number = (text: string) => Number(text.replace(/\./g, ""));

/** The first of the home's "Menunggu Anda" cards (or the one named), its count, and the list it opens in one click. */
async function openTask(page: Page, key?: string) {
  await page.goto("/mataram");
  const tasks = page.getByRole("region", { name: "Menunggu Anda" });
  await expect(tasks).toBeVisible();
  const card = key ? tasks.getByTestId(`task-${key}`) : tasks.getByRole("link").first();
  const count = number(await card.getByTestId("card-figure").innerText());
  await card.click();
  return count;
}

const homes = [
  { who: "staf.disnaker", list: /\/mataram\/bantuan\?.*kembali=1/, shown: (page: Page) => page.getByTestId("aid-list-totals") },
  { who: "kepala.disnaker", list: /\/mataram\/bantuan\?.*kembali=0/, shown: (page: Page) => page.getByTestId("aid-list-totals") },
  {
    who: "kepala.disnaker",
    key: "linesNearPagu",
    list: /\/mataram\/anggaran\?.*hampir=1/,
    shown: (page: Page) => page.getByText(/^Hanya pos yang realisasinya/),
  },
  {
    who: "kepala.disnaker",
    key: "programmesBehind",
    list: /\/mataram\/program\?.*tertinggal=1/,
    shown: (page: Page) => page.getByText(/^Hanya program yang serapannya/),
  },
  {
    who: "kelurahan",
    key: "ownChangeRequests",
    list: /\/mataram\/registri\/perubahan$/,
    shown: (page: Page) => page.getByRole("link", { name: /^Menunggu \(/ }),
  },
  {
    who: "kepala.dinsos",
    key: "changeRequestsToDecide",
    list: /\/mataram\/registri\/perubahan$/,
    shown: (page: Page) => page.getByRole("link", { name: /^Menunggu \(/ }),
  },
  { who: "bapeda", list: /\/mataram\/registri\/perubahan$/, shown: (page: Page) => page.getByRole("link", { name: /^Menunggu \(/ }) },
  {
    who: "bapeda",
    key: "importsNotSaved",
    list: /\/mataram\/registri\/impor\?status=belum-disimpan/,
    shown: (page: Page) => page.getByRole("heading", { name: /^Impor belum disimpan \(/ }),
  },
  {
    who: "kepala.disnaker",
    key: "realisationsToVerify",
    list: /\/mataram\/anggaran\?.*kembali=0/,
    shown: (page: Page) => page.getByTestId("budget-pending-only"),
  },
  {
    who: "kepala.disnaker",
    key: "trainingsToVerify",
    list: /\/mataram\/pelatihan\?.*kembali=0/,
    shown: (page: Page) => page.getByRole("heading", { name: /^Daftar pelatihan \(/ }),
  },
  {
    who: "staf.disnaker",
    key: "realisationsReturned",
    list: /\/mataram\/anggaran\?.*kembali=1/,
    shown: (page: Page) => page.getByTestId("budget-pending-only"),
  },
  {
    who: "staf.disnaker",
    key: "trainingsReturned",
    list: /\/mataram\/pelatihan\?.*kembali=1/,
    shown: (page: Page) => page.getByRole("heading", { name: /^Daftar pelatihan \(/ }),
  },
];

for (const home of homes) {
  test(`${home.who} lands on the city home, sees ${home.key ?? "their first card"} and reaches exactly those rows in one click`, async ({ page }) => {
    await signInAs(page, `${home.who}.mataram@entas.test`);
    const count = await openTask(page, home.key);
    await expect(page).toHaveURL(home.list);
    const shown = await home.shown(page).first().innerText();
    // The aid totals open with their count ("3 penyaluran…"); the others end with it ("Menunggu (3)", "…: 2 pos.").
    const figure = home.list.source.includes("bantuan") ? shown.match(/^(\d[\d.]*)/) : shown.match(/(\d[\d.]*)\D*$/);
    expect(number(figure?.[1] ?? "")).toBe(count);
  });
}

test("the city admin's card of accounts never used opens the user list holding exactly them", async ({ page }) => {
  await signInAs(page, "admin.mataram@entas.test");
  const count = await openTask(page, "usersNeverSignedIn");
  await expect(page).toHaveURL(/\/mataram\/pengguna\?masuk=belum/);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(count);
});

test("the mayor's office has nothing waiting, sees the year's headline figures and what the week changed, and reaches the budget dashboard in one click", async ({
  page,
}) => {
  await signInAs(page, "walikota.mataram@entas.test");
  await page.goto("/mataram");
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Menunggu Anda" })).toHaveCount(0);
  const headlines = page.getByRole("region", { name: /^Angka utama \d{4}$/ });
  await expect(headlines.getByTestId("headline-householdsReached")).toBeVisible();
  await expect(headlines.getByTestId("headline-loansOutstanding")).toBeVisible();
  await expect(headlines.getByTestId("headline-realised")).toContainText("dalam 7 hari terakhir");
  await headlines.getByTestId("headline-realised").click();
  await expect(page).toHaveURL(/\/mataram\/dasbor\/anggaran\?tahun=\d{4}/);
});

const dashboards = [
  { key: "extremePoorUnreached", url: /\/mataram\/dasbor\/kemiskinan\?tahun=\d{4}/ },
  { key: "householdsReached", url: /\/mataram\/dasbor\/hasil\?tahun=\d{4}/ },
  { key: "realised", url: /\/mataram\/dasbor\/anggaran\?tahun=\d{4}/ },
  { key: "loansOutstanding", url: /\/mataram\/dasbor\/dana-pem\?tahun=\d{4}/ },
  { key: "extremePovertyRate", url: /\/mataram\/dasbor\/statistik$/ },
];

for (const dashboard of dashboards) {
  test(`Bapeda's ${dashboard.key} card shows its figure and opens its dashboard in one click`, async ({ page }) => {
    await signInAs(page, "bapeda.mataram@entas.test");
    await page.goto("/mataram");
    const card = page.getByRole("region", { name: /^Angka utama \d{4}$/ }).getByTestId(`headline-${dashboard.key}`);
    await expect(card.getByTestId("card-figure")).toHaveText(/\S/);
    await card.click();
    // A dashboard is a heavy page to render on a busy CI machine.
    await expect(page).toHaveURL(dashboard.url, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}

test("the city admin's card of locked accounts opens the users list holding them, and unlocking one takes it off", async ({ browser, page }, testInfo) => {
  // An account of its own: a demo account locked here would stop the other specs signing in with it.
  const locked = `terkunci-${testInfo.project.name}-${Date.now()}@mataram.test`;
  await signInAs(page, "admin.mataram@entas.test");
  await page.goto("/mataram/pengguna/baru");
  await page.locator("#user-name").fill("Petugas Terkunci");
  await page.locator("#user-email").fill(locked);
  await page.locator("#user-role").selectOption("AUDITOR");
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  await expect(page.locator("code").first()).toBeVisible();
  // Five wrong passwords from another browser, as someone guessing would.
  const guesser = await browser.newContext();
  for (let i = 0; i < 5; i += 1) {
    const { csrfToken } = await (await guesser.request.get("/api/auth/csrf")).json();
    await guesser.request.post("/api/auth/callback/credentials", { form: { email: locked, password: "bukan sandinya", csrfToken, json: "true" } });
  }
  await guesser.close();
  const count = await openTask(page, "usersLocked");
  // The other project may lock its own account meanwhile: the integration test holds card and list equal.
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(page).toHaveURL(/\/mataram\/pengguna\?terkunci=1/);
  const rows = page.getByRole("table").locator("tbody tr");
  const row = rows.filter({ hasText: locked });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^Buka kunci / }).click();
  await expect(rows.filter({ hasText: locked })).toHaveCount(0);
});

test("the task cards fit a 390 px phone without sideways scrolling", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "kepala.dinsos.mataram@entas.test");
  await page.goto("/mataram");
  await expect(page.getByRole("region", { name: "Menunggu Anda" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, testInfo, "home-tasks-dinsos");
});
