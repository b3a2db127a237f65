import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect as baseExpect, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

// Two cores shared by many: server renders after a write can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

const STAFF = "staf.disnaker.mataram@entas.test";
const HEAD = "kepala.disnaker.mataram@entas.test";
const PROGRAMME = "Pelatihan Barista";
const TOOL_KITS = "Bantuan Peralatan Kerja bagi Lulusan Pelatihan";

/** A figure of the programme page's results, as a number ("1.234" → 1234). */
async function figure(page: Page, label: string): Promise<number> {
  const card = page.locator("dl[aria-label='Hasil program'] > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
  const text = await card.locator("dd").first().innerText();
  return Number(text.replace(/\D/g, ""));
}

async function openProgramme(page: Page, name = PROGRAMME) {
  await page.goto(`/mataram/program?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hasil program" })).toBeVisible();
}

test("an OPD clerk records a training, a tool kit for a graduate and a month's spending; the head verifies; the programmes' figures grow @keyboard", async ({
  page,
}, testInfo) => {
  test.setTimeout(360_000);
  const skill = `Barista Lanjutan ${Date.now() % 100_000}`;
  const amount = 1_000_000 + (Date.now() % 900) * 1_000;
  const amountText = `Rp\u00a0${amount.toLocaleString("id-ID")}`;

  await signInAs(page, STAFF);
  await openProgramme(page);
  const before = {
    participants: await figure(page, "Peserta pelatihan"),
    completed: await figure(page, "Lulus"),
    certificates: await figure(page, "Sertifikat"),
  };
  await openProgramme(page, TOOL_KITS);
  const toolKitsBefore = await figure(page, "Penyaluran bantuan");

  // A new training, from the keyboard.
  await page.goto("/mataram/pelatihan");
  await page.getByRole("link", { name: "Pelatihan baru" }).click();
  await page.getByLabel("Program").selectOption({ label: `${PROGRAMME} (${DEMO_PREVIOUS_YEAR})` });
  await page.getByLabel("Keterampilan").fill(skill);
  await page.getByLabel("Tempat").fill("Aula Disnaker Kota Mataram");
  await page.getByLabel("Tanggal mulai").fill(`04/11/${DEMO_PREVIOUS_YEAR}`);
  await page.getByLabel("Tanggal selesai").fill(`06/11/${DEMO_PREVIOUS_YEAR}`);
  await page.getByLabel("Pelatih").fill("Bapak Zulkifli");
  await page.getByLabel("Kapasitas").fill("2");
  await page.getByLabel("Kapasitas").press("Enter");
  await expect(page.getByRole("heading", { name: skill, level: 1 })).toBeVisible();
  await expect(page.getByText(`4 Nov ${DEMO_PREVIOUS_YEAR} – 6 Nov ${DEMO_PREVIOUS_YEAR}`)).toBeVisible();

  // Two participants from the prioritised list: the first is extreme-poor.
  const picker = page.getByRole("list", { name: "Calon peserta menurut prioritas" });
  await expect(picker.getByRole("listitem").first()).toContainText("Miskin ekstrem");
  // Each candidate says who they are: relation to the head and age.
  await expect(picker.getByRole("listitem").first()).toContainText(
    /Kepala keluarga|Istri\/suami|Anak|Menantu|Cucu|Orang tua|Mertua|Famili lain|Pembantu|Lainnya/,
  );
  await expect(picker.getByRole("listitem").first()).toContainText(/\d+ th/);
  const names: string[] = [];
  for (let i = 0; i < 2; i++) {
    const add = picker.getByRole("button", { name: /^Tambahkan / }).first();
    const name = (await add.getAttribute("aria-label"))!.replace("Tambahkan ", "");
    names.push(name);
    await add.click();
    await expect(page.getByRole("region", { name: "Peserta pelatihan" }).getByRole("link", { name })).toBeVisible();
  }
  await expect(page.getByText("Kapasitas pelatihan sudah penuh.")).toBeVisible();
  // Numbers are masked in the list.
  await expect(page.getByRole("region", { name: "Peserta pelatihan" })).toContainText("••••••••");

  // Attendance: everyone, every day.
  const grid = page.getByRole("region", { name: "Kehadiran per hari" });
  for (const box of await grid.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Simpan kehadiran" }).click();
  await expect(page.getByText("Kehadiran disimpan.")).toBeVisible();

  // Completion with a certificate for the first; the second completes without one.
  const participants = page.getByRole("region", { name: "Peserta pelatihan" });
  await participants
    .getByRole("textbox", { name: /^Nomor sertifikat / })
    .first()
    .fill(`DISNAKER/${skill}/001`);
  await participants
    .getByRole("button", { name: /^Nyatakan .* lulus$/ })
    .first()
    .click();
  await expect(participants.getByText(`Sertifikat DISNAKER/${skill}/001`)).toBeVisible();
  await participants
    .getByRole("button", { name: /^Nyatakan .* lulus$/ })
    .first()
    .click();
  await expect(participants.getByRole("button", { name: /^Nyatakan .* lulus$/ })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "training-clerk");

  // The tool kit for the graduate with the certificate, from their row: the form comes with
  // the household, the kind, the person and this training filled in.
  const graduate = names[0]!;
  await participants.getByRole("link", { name: `Catat bantuan alat untuk ${graduate}` }).click();
  await expect(page.getByRole("heading", { name: "Catat penyaluran bantuan" })).toBeVisible();
  await expect(page.getByLabel("Jenis bantuan").locator("option:checked")).toHaveText("Bantuan peralatan");
  await expect(page.getByLabel("Anggota penerima (opsional)").locator("option:checked")).toContainText(graduate);
  await expect(page.getByLabel("Setelah pelatihan (opsional)").locator("option:checked")).toContainText(skill);
  await page.getByLabel("Program", { exact: true }).selectOption({ label: `${TOOL_KITS} (${DEMO_PREVIOUS_YEAR})` });
  await page.getByLabel("Barang atau bantuan").fill("1 unit mesin espresso, 1 unit grinder");
  await page.getByLabel("Nilai (Rp)").fill("Rp6,5 juta");
  await page.getByLabel("Tanggal penyerahan").fill(`07/11/${DEMO_PREVIOUS_YEAR}`);
  await page.getByLabel("Nomor bukti (opsional)").fill(`BAST/${skill}/001`);
  await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  // The seed may already have given this household a tool kit this year: then the clerk confirms.
  const duplicate = page.getByRole("alert").filter({ hasText: "sudah menerima bantuan jenis yang sama" });
  await expect(page.getByText("Penyaluran dicatat sebagai draf").or(duplicate)).toBeVisible({ timeout: 30_000 });
  if (await duplicate.isVisible()) {
    await page.getByRole("button", { name: "Tetap simpan" }).click();
    await expect(page.getByText("Penyaluran dicatat sebagai draf")).toBeVisible({ timeout: 30_000 });
  }
  await saveScreenshot(page, testInfo, "tool-kit-clerk");

  // A month's realisation of the programme's budget line.
  await page.goto(`/mataram/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  const line = page.getByLabel("Pos anggaran", { exact: true });
  const option = line.locator("option", { hasText: PROGRAMME }).first();
  await line.selectOption((await option.getAttribute("value"))!);
  await page.getByLabel("Bulan", { exact: true }).selectOption({ label: "November" });
  await page.getByLabel("Jumlah", { exact: true }).fill(String(amount));
  await page.getByLabel("No. SP2D / SPJ").fill(`E2E/SP2D/${testInfo.project.name}/${testInfo.retry}/${Date.now()}`);
  await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(page.getByText(/Realisasi dicatat sebagai draf/)).toBeVisible();

  // Drafts do not count yet.
  await openProgramme(page);
  expect(await figure(page, "Peserta pelatihan")).toBe(before.participants);

  // The head verifies the training, then both participants at once, then the spending.
  await page.context().clearCookies();
  await signInAs(page, HEAD);
  await page.goto(`/mataram/pelatihan?tahun=${DEMO_PREVIOUS_YEAR}&status=draft`);
  await page.getByRole("link", { name: skill }).click();
  await page.getByRole("button", { name: "Verifikasi pelatihan" }).click();
  await expect(page.getByText("Pilih semua draf (2)")).toBeVisible();
  await page.getByText("Pilih semua draf (2)").click();
  await page.getByRole("button", { name: "Verifikasi yang dipilih (2)" }).click();
  await expect(page.getByText("2 entri diverifikasi.")).toBeVisible();
  await saveScreenshot(page, testInfo, "training-head");

  await page.goto(`/mataram/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page
    .getByRole("row")
    .filter({ hasText: amountText })
    .getByRole("button", { name: /Verifikasi/ })
    .click();
  await expect(page.getByRole("row").filter({ hasText: amountText })).toHaveCount(0);

  // And the tool kit, on the aid page.
  await page.goto(`/mataram/bantuan?tahun=${DEMO_PREVIOUS_YEAR}`);
  const toolKit = page
    .getByRole("region", { name: "Menunggu verifikasi", exact: true })
    .getByRole("button", { name: `Verifikasi penyaluran kepada ${graduate}, 7 Nov ${DEMO_PREVIOUS_YEAR}` });
  await expect(toolKit).toHaveCount(1);
  await toolKit.click();
  await expect(page.getByText("1 penyaluran diverifikasi.")).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, testInfo, "tool-kit-head");

  // The programme's figures now count them.
  await openProgramme(page);
  expect(await figure(page, "Peserta pelatihan")).toBe(before.participants + 2);
  expect(await figure(page, "Lulus")).toBe(before.completed + 2);
  expect(await figure(page, "Sertifikat")).toBe(before.certificates + 1);
  await saveScreenshot(page, testInfo, "programme-results");
  await openProgramme(page, TOOL_KITS);
  expect(await figure(page, "Penyaluran bantuan")).toBe(toolKitsBefore + 1);
  await saveScreenshot(page, testInfo, "tool-kit-programme-results");

  // Follow-ups fell due long ago for last year's training: they are listed, found by the training filter.
  await page.goto("/mataram/pelatihan/tindak-lanjut");
  const filters = page.getByRole("form", { name: "Saring tindak lanjut" });
  const trainingOption = filters.locator("#follow-ups-training option", { hasText: skill });
  await filters.locator("#follow-ups-training").selectOption((await trainingOption.getAttribute("value"))!);
  await filters.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/pelatihan=/);
  await expect(page.getByRole("link", { name: skill }).first()).toBeVisible();
  await saveScreenshot(page, testInfo, "follow-ups");
});

test("Bapeda reads every OPD's trainings but cannot write", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto(`/mataram/pelatihan?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("heading", { name: "Pelatihan", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pelatihan baru" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "trainings-list-reader");
  const first = page.getByRole("region", { name: "Daftar pelatihan" }).getByRole("link").first();
  await page.goto((await first.getAttribute("href"))!);
  await expect(page.getByRole("heading", { name: "Peserta" }).or(page.getByRole("heading", { name: /^Peserta \(/ }))).toBeVisible();
  await expect(page.getByRole("button", { name: "Simpan kehadiran" })).toHaveCount(0);
  await expect(page.getByRole("search", { name: "Cari calon peserta" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "training-reader");
  expect((await page.request.get("/mataram/pelatihan/baru")).status()).toBe(404);
});
