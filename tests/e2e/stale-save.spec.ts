import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect as baseExpect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// Two cores shared by many: server renders after a write can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

const STAFF = "staf.disnaker.mataram@entas.test";
const HEAD = "kepala.disnaker.mataram@entas.test";
// One programme per project, so the laptop's and the phone's runs never save over each other.
const PROGRAMMES: Record<string, string> = { laptop: "Pelatihan Barista", phone: "Bantuan Peralatan Kerja bagi Lulusan Pelatihan" };

test("two Disnaker users edit the same programme: the second save is refused and shows the first one's values", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = testInfo.project.use;
  const other = await (await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL })).newPage();
  await signInAs(page, STAFF);
  await signInAs(other, HEAD);

  await page.goto(`/mataram/program?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("link", { name: PROGRAMMES[testInfo.project.name] ?? PROGRAMMES.laptop!, exact: true }).click();
  await page.getByRole("link", { name: "Ubah program" }).click();
  await page.waitForURL(/\/ubah$/);
  await other.goto(page.url());
  await expect(other.getByLabel("Keterangan")).toBeVisible();

  // Both have the form open; the clerk saves first.
  const clerkNote = `Diubah staf ${Date.now()}`;
  await page.getByLabel("Keterangan").fill(clerkNote);
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByRole("heading", { name: "Hasil program" })).toBeVisible();

  await other.getByLabel("Keterangan").fill("Diubah kepala dari versi lama");
  await other.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Data ini sudah diubah oleh pengguna lain" })).toBeVisible();
  // The form now shows what the clerk saved, ready to be changed again.
  await expect(other.getByLabel("Keterangan")).toHaveValue(clerkNote);
  await other.context().close();
});
