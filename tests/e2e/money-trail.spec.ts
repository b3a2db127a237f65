import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// One money trail, as a clerk, their head and the mayor's office walk it: a line of the clerk's
// own with a small pagu, so the test knows what is left on it. The laptop and the phone each use
// their own programme and funding source (both count aid on top of the realisation), so the
// mayor's figure for that source moves by this run's entries alone.
test.describe.configure({ timeout: 300_000 });

const SPACE = "[\\s\\u00a0]";
const rupiah = (digits: string) => new RegExp(`Rp${SPACE}?${digits.replace(/\./g, "\\.")}`);
const RUNS = {
  laptop: { programme: "Bantuan Peralatan Kerja bagi Lulusan Pelatihan", source: "CSR" },
  phone: { programme: "Pelatihan Barista", source: "Lainnya" },
} as const;

async function signedIn(browser: Browser, like: Page, email: string) {
  const context = await browser.newContext({ viewport: like.viewportSize() ?? undefined });
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

/** The verified realisation of one funding source on the mayor's absorption dashboard, in Rupiah. */
async function mayorRealisedFor(page: Page, source: string): Promise<number> {
  await page.goto(`/mataram/dasbor/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  const row = page
    .locator("tr")
    .filter({ has: page.locator("th, td").filter({ hasText: new RegExp(`^${source}$`) }) })
    .first();
  if ((await row.count()) === 0) return 0;
  return Number((await row.locator("th, td").nth(2).innerText()).replace(/\D/g, ""));
}

test("aid and realisation meet one pagu; the head returns a draft, the clerk fixes it, and the mayor's absorption moves once", async ({
  browser,
  page,
}, testInfo) => {
  const { programme, source } = RUNS[testInfo.project.name as keyof typeof RUNS];
  const run = `${testInfo.project.name}-${testInfo.retry}-${Date.now() % 1_000_000}`;
  const description = `Paket mesin jahit mitra ${run}`;
  const mayor = await signedIn(browser, page, "walikota.mataram@entas.test");
  const before = await mayorRealisedFor(mayor, source);

  await signInAs(page, "staf.disnaker.mataram@entas.test");
  await page.goto(`/mataram/program?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("link", { name: programme, exact: true }).click();
  await page.getByLabel("Sumber dana").selectOption({ label: source });
  await page.getByLabel("Mitra / pemberi dana").fill("PT Mitra Uji");
  await page.getByLabel("Uraian belanja").fill(description);
  await page.getByLabel("Pagu", { exact: true }).fill("1.000.000");
  await expect(page.getByLabel("Bantuan yang dicatat pada pos ini")).toHaveValue("ON_TOP");
  await page.getByRole("button", { name: "Tambah pos" }).click();
  await expect(page.getByText("Pos anggaran ditambahkan.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: `Realisasi pos ${description}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: description })).toBeVisible();
  const linePath = new URL(page.url()).pathname;

  // Aid past the pagu is stopped with what is left; within it, it waits as a draft.
  await page.goto("/mataram/bantuan");
  await page.getByRole("link", { name: "Catat penyaluran" }).click();
  await page.getByLabel("Nama", { exact: true }).fill("Lalu");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await page
    .getByRole("list", { name: "Hasil pencarian rumah tangga" })
    .getByRole("link", { name: /^Pilih rumah tangga / })
    .first()
    .click();
  const lineField = page.getByLabel("Pos anggaran (opsional)");
  const warning = page.getByRole("alert").filter({ hasText: "sudah menerima bantuan jenis yang sama" });
  const saveAid = async (value: string, proof: string) => {
    await page.getByLabel("Program", { exact: true }).selectOption({ label: `${programme} (${DEMO_PREVIOUS_YEAR})` });
    await page.getByLabel("Jenis bantuan").selectOption({ label: "Bantuan lain" });
    await page.getByLabel("Barang atau bantuan").fill("1 mesin jahit");
    await page.getByLabel("Nilai (Rp)").fill(value);
    await page.getByLabel("Tanggal penyerahan").fill(`05/12/${DEMO_PREVIOUS_YEAR}`);
    await page.getByLabel("Nomor bukti (opsional)").fill(proof);
    const lineId = await lineField.locator("option", { hasText: description }).getAttribute("value");
    await lineField.selectOption(lineId!);
    await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  };
  // The household may have had this kind of aid this year: then that warning comes first.
  const confirmIfWarned = async (outcome: ReturnType<typeof page.getByText>) => {
    await expect(outcome.or(warning)).toBeVisible({ timeout: 30_000 });
    if (await warning.isVisible()) await page.getByRole("button", { name: "Tetap simpan" }).click();
    await expect(outcome).toBeVisible({ timeout: 30_000 });
  };
  await saveAid("Rp1,5 juta", `BAST/PAGU/${run}-1`);
  await confirmIfWarned(page.getByText(new RegExp(`Nilai bantuan melebihi pagu pos anggaran\\. Sisa pagu pos ini ${rupiah("1.000.000").source}\\.`)).first());
  await saveAid("600.000", `BAST/PAGU/${run}-2`);
  await confirmIfWarned(page.getByText("Penyaluran dicatat sebagai draf"));

  // The realisation meets the same pagu: the aid's draft already holds 600.000 of it.
  await page.goto(linePath);
  const recordRealisation = async (amount: string, reference: string) => {
    await page.getByLabel("Bulan", { exact: true }).selectOption({ label: "Desember" });
    await page.getByLabel("No. SP2D / SPJ").fill(reference);
    await page.getByLabel("Jumlah").fill(amount);
    await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  };
  await recordRealisation("500.000", `SP2D/${run}/SALAH`);
  await expect(page.getByText(new RegExp(`Sisa pagu pos ini ${rupiah("400.000").source}`)).first()).toBeVisible({ timeout: 30_000 });
  await recordRealisation("400.000", `SP2D/${run}/SALAH`);
  await expect(page.getByRole("cell", { name: `SP2D/${run}/SALAH` })).toBeVisible({ timeout: 30_000 });

  // The head sends the realisation back with a note.
  const head = await signedIn(browser, page, "kepala.disnaker.mataram@entas.test");
  await head.goto(linePath);
  await head.getByRole("link", { name: /^Kembalikan Desember .*400\.000 dengan catatan$/ }).click();
  await expect(head.getByRole("heading", { name: "Kembalikan dengan catatan" })).toBeVisible();
  await head.getByLabel("Catatan untuk pengisi").fill("Nomor SP2D salah, lihat SPM bulan Desember.");
  await head.getByRole("button", { name: "Kembalikan draf" }).click();
  await expect(head.getByText("Nomor SP2D salah, lihat SPM bulan Desember.").first()).toBeVisible({ timeout: 30_000 });

  // The clerk sees the note on the entry, fixes the number and saves, which sends it back up.
  await page.goto(linePath);
  await expect(page.getByText("Nomor SP2D salah, lihat SPM bulan Desember.").first()).toBeVisible();
  await page.getByRole("link", { name: /^Ubah draf Desember, .*400\.000$/ }).click();
  await expect(page.getByRole("heading", { name: "Ubah draf" })).toBeVisible();
  await expect(page.getByLabel("No. SP2D / SPJ")).toHaveValue(`SP2D/${run}/SALAH`);
  await page.getByLabel("No. SP2D / SPJ").fill(`SP2D/${run}/BENAR`);
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByRole("cell", { name: `SP2D/${run}/BENAR` })).toBeVisible({ timeout: 30_000 });

  // The head verifies the realisation on the line, and the aid on its own page.
  await head.goto(linePath);
  await head.getByRole("button", { name: /^Verifikasi entri Desember, .*400\.000$/ }).click();
  await expect(head.getByRole("cell", { name: `SP2D/${run}/BENAR` })).toBeVisible();
  const aid = head.getByRole("region", { name: "Bantuan pada pos anggaran ini" });
  await aid.getByRole("link").first().click();
  await head.getByRole("button", { name: "Verifikasi", exact: true }).click();
  await expect(head.getByText("Terverifikasi").first()).toBeVisible({ timeout: 30_000 });

  // The line is full, and the mayor's absorption of this source moved by the two entries, once.
  await head.goto(linePath);
  await expect(head.getByText(rupiah("1.000.000")).first()).toBeVisible();
  expect(await mayorRealisedFor(mayor, source)).toBe(before + 1_000_000);
});
