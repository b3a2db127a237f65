import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { saveScreenshot } from "./screenshots";

test("a user the admin created chooses their own password before anything else", async ({ browser, page }, testInfo) => {
  const email = `auditor-${testInfo.project.name}-${Date.now()}@mataram.test`;
  await signInAs(page, "admin.mataram@entas.test");
  await page.goto("/mataram/pengguna/baru");
  await page.locator("#user-name").fill("Baiq Auditor Baru");
  await page.locator("#user-email").fill(email);
  await page.locator("#user-role").selectOption("AUDITOR");
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  const given = (await page.locator("code").first().textContent())?.trim() ?? "";
  expect(given.length).toBeGreaterThan(10);

  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  const newcomer = await context.newPage();
  await signInAs(newcomer, email, given);
  await newcomer.goto("/mataram/audit");
  await expect(newcomer).toHaveURL(/\/akun\/kata-sandi$/);
  await expect(newcomer.getByText("Kata sandi Anda dibuat oleh admin")).toBeVisible();
  await saveScreenshot(newcomer, testInfo, "first-password");

  const own = "pantai senggigi sore 4";
  await newcomer.getByLabel("Kata sandi saat ini").fill(given);
  await newcomer.getByLabel("Kata sandi baru", { exact: true }).fill(own);
  await newcomer.getByLabel("Ulangi kata sandi baru").fill(own);
  await newcomer.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(newcomer).toHaveURL(/\/masuk/);

  await signInAs(newcomer, email, own);
  await newcomer.goto("/mataram/audit");
  await expect(newcomer).toHaveURL(/\/mataram\/audit$/);
  await context.close();
});
