import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect } from "@playwright/test";
import { mataram } from "@/prisma/demo/cities/mataram";
import { OPD } from "@/prisma/demo/cities/opds";
import { demoAccountCode, demoSipdCodes } from "@/prisma/demo/steps/sipd-codes";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

test("a clerk checks a realisation file, sees the rejected rows, and gets the template and the export", async ({ page }, testInfo) => {
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  // Last year's budget lines (the page opens on this fiscal year).
  await page.goto(`/mataram/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  const card = page.getByRole("region", { name: "Impor realisasi dari berkas" }).or(page.locator("section", { hasText: "Impor realisasi dari berkas" }));
  await expect(card.first()).toBeVisible();

  const csv = [
    "PROGRAM;POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN",
    `Program Tak Ada;Belanja;1;0001/SP2D/${DEMO_PREVIOUS_YEAR};1.500.000;`,
    `Program Tak Ada;Belanja;2;0002/SP2D/${DEMO_PREVIOUS_YEAR};=SUM(A1:A9);rumus`,
  ].join("\n");
  await page.getByLabel(".xlsx atau .csv").setInputFiles({ name: "realisasi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByRole("heading", { name: /Hasil pemeriksaan/ })).toBeVisible({ timeout: 30_000 });
  const rejected = page.getByRole("region", { name: "Baris yang ditolak" });
  await expect(rejected.getByRole("row")).toHaveCount(3);
  await expect(rejected).toContainText("rumus");
  await saveScreenshot(page, testInfo, "realisation-import-report");

  const template = await page.request.get("/mataram/anggaran/templat?format=csv");
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("ID POS ANGGARAN;PROGRAM;KODE SUB KEGIATAN;POS ANGGARAN;KODE REKENING;TAHUN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ekspor .csv" }).click();
  expect((await download).suggestedFilename()).toBe("realisasi-anggaran.csv");
});

test("a clerk checks a SIPD realisation extract: rows find their line by code, other codes are refused in words", async ({ page }) => {
  await signInAs(page, "staf.disnaker.mataram@entas.test");
  // The code as the clerk copies it from the programme's page.
  await page.goto(`/mataram/program?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("link", { name: "Pelatihan Barista", exact: true }).click();
  const code =
    (
      await page
        .locator("dd span.font-mono")
        .filter({ hasText: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$/ })
        .first()
        .textContent()
    )?.trim() ?? "";
  expect(code).toMatch(/^2\.07\./);
  // Another spec may add a line to this programme, so the row names the seeded line's account code.
  const baristaLine = mataram.programmes.find((spec) => spec.name === "Pelatihan Barista")?.budgetLines[0];
  const account = baristaLine ? demoAccountCode(baristaLine) : null;
  expect(account).toMatch(/^5\.1\./);
  const dinsos = demoSipdCodes(mataram.programmes).get(`${OPD.social}|Jaring Sosial Stimulan Warga Miskin Ekstrem`);
  expect(dinsos).toMatch(/^1\.06\./);

  await page.goto(`/mataram/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByText(`dicocokkan dengan program tahun anggaran ${DEMO_PREVIOUS_YEAR}`)).toBeVisible();
  // As Excel saves a sheet as .csv: every row as wide as the table.
  const csv = [
    "LAPORAN REALISASI BELANJA PER SUB KEGIATAN;;;;;",
    `Tahun Anggaran;${DEMO_PREVIOUS_YEAR};;;;`,
    "Kode Sub Kegiatan;Nama Sub Kegiatan;Kode Rekening;Bulan;No SP2D;Nilai Realisasi",
    `${code};Pelatihan Barista;${account};3;;1.500.000`,
    "9.99.99.9.99.9999;Tidak ada;;3;;1.500.000",
    `${dinsos};Jaring Sosial;;3;;1.500.000`,
    "2.07.03;Kode terpotong;;3;;1.500.000",
  ].join("\n");
  await page.getByLabel(".xlsx atau .csv").setInputFiles({ name: "realisasi-sipd.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByRole("heading", { name: /Hasil pemeriksaan/ })).toBeVisible({ timeout: 30_000 });
  // The Barista row is accepted: the check offers to import it.
  await expect(page.getByText("Jika hasilnya sesuai, tekan Impor")).toBeVisible();
  const rejected = page.getByRole("region", { name: "Baris yang ditolak" });
  await expect(rejected.getByRole("row")).toHaveCount(4);
  await expect(rejected).not.toContainText(code);
  const reasonOf = (row: number) => rejected.getByRole("row").filter({ has: page.getByRole("cell", { name: String(row), exact: true }) });
  await expect(reasonOf(5)).toContainText(`Kode sub kegiatan 9.99.99.9.99.9999 tidak ditemukan pada program OPD Anda tahun ${DEMO_PREVIOUS_YEAR}`);
  // Another OPD's programme reads as no programme at all.
  await expect(reasonOf(6)).toContainText(`Kode sub kegiatan ${dinsos} tidak ditemukan pada program OPD Anda tahun ${DEMO_PREVIOUS_YEAR}`);
  await expect(reasonOf(7)).toContainText('KODE SUB KEGIATAN "2.07.03" tidak sesuai format SIPD U.BB.PP.K.KK.SSSS');
});
