import { expect as baseExpect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// Two cores shared by many: server renders can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

// A native month input names months in the browser's language; MonthField names them in the interface's.
test.describe("in an American-English browser", () => {
  test.use({ locale: "en-US" });

  test("the Indonesian follow-ups filter names the month in Indonesian, reads 08/2026 and refuses 13/2026 in Indonesian", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "staf.disnaker.mataram@entas.test");
    await page.goto("/mataram/pelatihan/tindak-lanjut");
    const month = page.getByLabel("Bulan jatuh tempo");
    await expect(month).toHaveAttribute("type", "text");
    await month.fill("13/2026");
    await month.blur();
    await expect(page.getByText("Bulan ini tidak ada di kalender.", { exact: false })).toBeVisible();
    await month.fill("08/2026");
    await month.blur();
    await expect(month).toHaveValue("Agustus 2026");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(/bulan=2026-08/);
    await expect(page.getByLabel("Bulan jatuh tempo")).toHaveValue("Agustus 2026");
  });
});

test.describe("in an Indonesian browser", () => {
  test.use({ locale: "id-ID" });

  test("the English follow-ups filter names the month in English and refuses text in English", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signInAs(page, "staf.disnaker.mataram@entas.test");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: testInfo.project.use.baseURL! }]);
    await page.goto("/mataram/pelatihan/tindak-lanjut?bulan=2026-05");
    const month = page.getByLabel("Due month");
    await expect(month).toHaveValue("May 2026");
    await month.fill("Mei 2025");
    await month.blur();
    await expect(month).toHaveValue("May 2025");
    await month.fill("soon");
    await month.blur();
    await expect(page.getByText("Month not recognised.", { exact: false })).toBeVisible();
  });
});

test.describe("in the follow-ups filter row", () => {
  test("the month box is level with the boxes beside it, its format said to screen readers", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "staf.disnaker.mataram@entas.test");
    await page.goto("/mataram/pelatihan/tindak-lanjut");
    const month = page.getByLabel("Bulan jatuh tempo");
    await expect(month).toHaveAccessibleDescription(/mm\/yyyy/i);
    const form = page.locator("form").filter({ has: month });
    const [monthBox, stateBox, applyBox] = await Promise.all(
      [month, form.locator("select").first(), form.getByRole("button", { name: "Tampilkan" })].map(async (box) => (await box.boundingBox())!),
    );
    const foot = (box: { y: number; height: number }) => box.y + box.height;
    expect(Math.abs(monthBox!.height - stateBox!.height)).toBeLessThanOrEqual(2);
    // The month box and the button share a row at every width; on a laptop the selects share it too.
    expect(Math.abs(foot(applyBox!) - foot(monthBox!))).toBeLessThanOrEqual(2);
    if ((page.viewportSize()?.width ?? 0) > 1000) expect(Math.abs(foot(stateBox!) - foot(monthBox!))).toBeLessThanOrEqual(2);
  });
});
