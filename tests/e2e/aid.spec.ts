import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

// The laptop and the phone run side by side on one database: each takes its own household and day.
// Several pages and two users per test, on a shared, busy machine.
test.describe.configure({ timeout: 180_000 });

const perProject = (name: string) =>
  name === "phone" ? { pick: 1, day: "03", dayText: `3 Des ${DEMO_PREVIOUS_YEAR}` } : { pick: 0, day: "02", dayText: `2 Des ${DEMO_PREVIOUS_YEAR}` };

test("a clerk records a tool kit, is warned when recording the same kind again, and the head verifies", async ({ browser }, testInfo) => {
  const mine = perProject(testInfo.project.name);
  const clerkContext = await browser.newContext(testInfo.project.use);
  const clerk = await clerkContext.newPage();
  await signInAs(clerk, "staf.disnaker.mataram@entas.test");

  await clerk.goto("/mataram/bantuan");
  await clerk.getByRole("link", { name: "Catat penyaluran" }).click();
  await expect(clerk.getByRole("heading", { name: "Catat penyaluran bantuan" })).toBeVisible();

  await clerk.getByLabel("Nama", { exact: true }).fill("Lalu");
  await clerk.getByRole("button", { name: "Cari", exact: true }).click();
  const pick = clerk
    .getByRole("list", { name: "Hasil pencarian rumah tangga" })
    .getByRole("link", { name: /^Pilih rumah tangga / })
    .nth(mine.pick);
  const recipient = ((await pick.getAttribute("aria-label")) ?? "").replace("Pilih rumah tangga ", "");
  await expect(clerk.getByRole("list", { name: "Hasil pencarian rumah tangga" })).not.toContainText(/\d{16}/);
  await pick.click();
  await expect(clerk.getByRole("region", { name: "Rumah tangga penerima" })).toContainText(recipient);

  // A proof number is recorded once per household, kind and day: each attempt its own.
  const proof = (n: number) => `BAST/E2E/${testInfo.retry}-${n}`;
  const fill = async (proofNumber: string) => {
    await clerk.getByLabel("Program", { exact: true }).selectOption({ label: `Bantuan Peralatan Kerja bagi Lulusan Pelatihan (${DEMO_PREVIOUS_YEAR})` });
    await clerk.getByLabel("Jenis bantuan").selectOption({ label: "Bantuan peralatan" });
    await clerk.getByLabel("Barang atau bantuan").fill("1 mesin jahit, 1 mesin obras");
    await clerk.getByLabel("Nilai (Rp)").fill("Rp4,5 juta");
    await expect(clerk.getByText("= Rp 4.500.000")).toBeVisible();
    await clerk.getByLabel("Tanggal penyerahan").fill(`${mine.day}/12/${DEMO_PREVIOUS_YEAR}`);
    await clerk.getByLabel("Nomor bukti (opsional)").fill(proofNumber);
  };
  const warning = clerk.getByRole("alert").filter({ hasText: "sudah menerima bantuan jenis yang sama" });

  await fill(proof(1));
  await clerk.getByRole("button", { name: "Simpan sebagai draf" }).click();
  // The seed may already have given this household a tool kit this year: then the warning comes first.
  await expect(clerk.getByText("Penyaluran dicatat sebagai draf").or(warning)).toBeVisible({ timeout: 30_000 });
  if (await warning.isVisible()) {
    await clerk.getByRole("button", { name: "Tetap simpan" }).click();
    await expect(clerk.getByText("Penyaluran dicatat sebagai draf")).toBeVisible();
  }

  await fill(proof(2));
  await clerk.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(warning).toBeVisible({ timeout: 30_000 });
  await expect(warning).toContainText("Bantuan peralatan");
  await expect(warning).toContainText(mine.dayText);
  await expect(warning).toContainText("Dinas Tenaga Kerja");
  await saveScreenshot(clerk, testInfo, "aid-duplicate-warning");
  await clerk.getByRole("button", { name: "Tetap simpan" }).click();
  await expect(clerk.getByText("Penyaluran dicatat sebagai draf")).toBeVisible();
  await clerkContext.close();

  const headContext = await browser.newContext(testInfo.project.use);
  const head = await headContext.newPage();
  await signInAs(head, "kepala.disnaker.mataram@entas.test");
  await head.goto(`/mataram/bantuan?tahun=${DEMO_PREVIOUS_YEAR}`);
  const pending = head.getByRole("region", { name: "Menunggu verifikasi", exact: true });
  const verifyButtons = pending.getByRole("button", { name: `Verifikasi penyaluran kepada ${recipient}, ${mine.dayText}` });
  // Two here, unless an earlier run against the same server left its drafts too.
  await expect(verifyButtons.nth(1)).toBeVisible();
  const before = await verifyButtons.count();
  await saveScreenshot(head, testInfo, "aid-head-pending");
  await verifyButtons.first().click();
  await expect(head.getByText("1 penyaluran diverifikasi.")).toBeVisible({ timeout: 30_000 });
  await expect(verifyButtons).toHaveCount(before - 1, { timeout: 30_000 });
  await headContext.close();
});

test("the programme page links to who to reach next, extreme-poor first", async ({ page }, testInfo) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto(`/mataram/program?tahun=${DEMO_PREVIOUS_YEAR}`);
  await page.getByRole("link", { name: "Bantuan Peralatan Kerja bagi Lulusan Pelatihan" }).first().click();
  await page.getByRole("link", { name: "Sasaran berikutnya" }).click();
  await expect(page.getByRole("heading", { name: "Sasaran berikutnya", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: /Belum terjangkau/ })).toBeVisible();
  const table = page.getByRole("region", { name: "Hasil pencarian registri" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(table).not.toContainText(/\d{16}/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /csv/i }).click();
  expect((await download).suggestedFilename()).toMatch(/^sasaran-berikutnya.*\.csv$/);
  await saveScreenshot(page, testInfo, "target-households");
});
