import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect as baseExpect } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

// Two cores shared by many: server renders after a write can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

// A browser set to American English: a native date field would read 11/21 as month first.
test.use({ locale: "en-US" });

test(`in an American-English browser the Indonesian date field reads 21/11/${DEMO_PREVIOUS_YEAR} day first, refuses 31/02, and the training shows 21 Nov ${DEMO_PREVIOUS_YEAR}`, async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const skill = `Tata Boga Tanggal ${testInfo.project.name} ${Date.now() % 100_000}`;
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  await page.goto("/mataram/pelatihan");
  await page.getByRole("link", { name: "Pelatihan baru" }).click();
  await page.getByLabel("Program").selectOption({ label: `Pelatihan Barista (${DEMO_PREVIOUS_YEAR})` });
  await page.getByLabel("Keterampilan").fill(skill);
  await page.getByLabel("Tempat").fill("Aula Disnaker Kota Mataram");

  const start = page.getByLabel("Tanggal mulai");
  await expect(start).toHaveAttribute("placeholder", "dd/mm/yyyy");
  await expect(start).toHaveAttribute("inputmode", "numeric");
  await expect(start).toHaveAccessibleDescription(/dd\/mm\/yyyy \(hari\/bulan\/tahun\)/);

  await start.fill(`31/02/${DEMO_PREVIOUS_YEAR}`);
  await start.blur();
  await expect(page.getByText("Tanggal ini tidak ada di kalender.")).toBeVisible();
  await expect(start).toHaveAttribute("aria-invalid", "true");
  await expect(start).toHaveAccessibleDescription(/Tanggal ini tidak ada di kalender/);

  await start.fill(`21/11/${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByText("Tanggal ini tidak ada di kalender.")).toHaveCount(0);
  await page.getByLabel("Tanggal selesai").fill(`22.11.${DEMO_PREVIOUS_YEAR}`);
  await page.getByLabel("Kapasitas").fill("2");
  await page.getByRole("button", { name: "Catat pelatihan" }).click();

  await expect(page.getByRole("heading", { name: skill, level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`21 Nov ${DEMO_PREVIOUS_YEAR} – 22 Nov ${DEMO_PREVIOUS_YEAR}`)).toBeVisible();
  await saveScreenshot(page, testInfo, "date-field-saved-training");

  // The edit form shows the saved days day first.
  await page.goto(`${page.url().split("?")[0]}/ubah`);
  await expect(page.getByLabel("Tanggal mulai")).toHaveValue(`21/11/${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByLabel("Tanggal selesai")).toHaveValue(`22/11/${DEMO_PREVIOUS_YEAR}`);
});

test("the Indonesian import pages offer 'Pilih berkas', name the chosen file, and show the button's focus @keyboard", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  await page.goto(`/mataram/bantuan?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("heading", { name: "Impor penyaluran dari berkas" })).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByLabel(".xlsx atau .csv") });
  await expect(form.getByText("Pilih berkas", { exact: true })).toBeVisible();
  await expect(form.getByText("Belum ada berkas dipilih")).toBeVisible();
  await expect(form.getByText(/Choose File|No file chosen/)).toHaveCount(0);

  const input = page.getByLabel(".xlsx atau .csv");
  // The browser's own "Choose File" button is hidden: the input takes no room on the page.
  const box = await input.boundingBox();
  expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);

  await input.focus();
  await expect(form.getByText("Pilih berkas", { exact: true })).toHaveCSS("outline-style", "solid");
  await input.setInputFiles({ name: "penyaluran-desember.csv", mimeType: "text/csv", buffer: Buffer.from("PROGRAM;NIK\n") });
  await expect(form.getByText("penyaluran-desember.csv")).toBeVisible();
  await expect(input).toHaveAccessibleDescription(/penyaluran-desember\.csv/);
  await saveScreenshot(page, testInfo, "file-field-aid-import");

  await page.context().clearCookies();
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram/registri/impor");
  await expect(page.getByText("Pilih berkas", { exact: true })).toBeVisible();
  await expect(page.getByText("Belum ada berkas dipilih")).toBeVisible();
  await expect(page.getByText(/Choose File|No file chosen/)).toHaveCount(0);
});
