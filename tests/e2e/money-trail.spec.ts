import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

// A line of the clerk's own with a small pagu, so the test knows what is left on it: the laptop
// and the phone each make their own.
test.describe.configure({ timeout: 180_000 });

const TOOL_KITS = "Bantuan Peralatan Kerja bagi Lulusan Pelatihan";
const SPACE = "[\\s\\u00a0]";

test("a clerk recording aid past a CSR line's pagu is stopped and told the pagu left; within it, the aid shows on the line", async ({ page }, testInfo) => {
  const run = `${testInfo.project.name}-${testInfo.retry}-${Date.now() % 1_000_000}`;
  const description = `Paket mesin jahit mitra ${run}`;
  await signInAs(page, "staf.disnaker.mataram@entas.test");

  // A partner's in-kind aid: the line's aid comes on top of its realisation by default.
  await page.goto("/mataram/program?tahun=2024");
  await page.getByRole("link", { name: TOOL_KITS, exact: true }).click();
  await page.getByLabel("Sumber dana").selectOption({ label: "CSR" });
  await page.getByLabel("Mitra / pemberi dana").fill("PT Mitra Uji");
  await page.getByLabel("Uraian belanja").fill(description);
  await page.getByLabel("Pagu", { exact: true }).fill("1.000.000");
  await expect(page.getByLabel("Bantuan yang dicatat pada pos ini")).toHaveValue("ON_TOP");
  await page.getByRole("button", { name: "Tambah pos" }).click();
  await expect(page.getByText("Pos anggaran ditambahkan.")).toBeVisible({ timeout: 30_000 });

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
  const save = async (value: string, proof: string) => {
    await page.getByLabel("Program", { exact: true }).selectOption({ label: `${TOOL_KITS} (2024)` });
    await page.getByLabel("Jenis bantuan").selectOption({ label: "Bantuan lain" });
    await page.getByLabel("Barang atau bantuan").fill("1 mesin jahit");
    await page.getByLabel("Nilai (Rp)").fill(value);
    await page.getByLabel("Tanggal penyerahan").fill("2024-12-05");
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

  await save("Rp1,5 juta", `BAST/PAGU/${run}-1`);
  await confirmIfWarned(page.getByText(new RegExp(`Nilai bantuan melebihi pagu pos anggaran\\. Sisa pagu pos ini Rp${SPACE}1\\.000\\.000\\.`)).first());

  await save("1.000.000", `BAST/PAGU/${run}-2`);
  await confirmIfWarned(page.getByText("Penyaluran dicatat sebagai draf"));

  // The line's page lists the aid, a draft that waits to count.
  await page.goto("/mataram/program?tahun=2024");
  await page.getByRole("link", { name: TOOL_KITS, exact: true }).click();
  await page.getByRole("link", { name: `Realisasi pos ${description}` }).click();
  await expect(page.getByRole("heading", { name: "Bantuan pada pos ini" })).toBeVisible();
  const aid = page.getByRole("region", { name: "Bantuan pada pos anggaran ini" });
  await expect(aid).toContainText("1 mesin jahit");
  await expect(aid).toContainText(new RegExp(`Rp${SPACE}1\\.000\\.000`));
  await expect(aid).toContainText("Draf");
});
