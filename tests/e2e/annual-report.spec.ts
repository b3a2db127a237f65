import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";
import JSZip from "jszip";
import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { openCityMenu } from "./menu";
import { saveScreenshot } from "./screenshots";

const BAPEDA = "bapeda.mataram@entas.test";
const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((path) => existsSync(path));

test.setTimeout(180_000);

test("Bapeda finds the annual TKPK report in the menu and downloads the year's draft as a Word document", async ({ page }, testInfo) => {
  await signInAs(page, BAPEDA);
  await page.goto("/mataram");
  const menu = await openCityMenu(page, "Kota Mataram", "Dasbor");
  await menu.getByRole("link", { name: "Laporan tahunan TKPK" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Laporan tahunan TKPK" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("KONDISI KEMISKINAN DAERAH")).toBeVisible();
  await saveScreenshot(page, testInfo, "annual-report");

  await page.getByLabel("Tahun laporan").selectOption(String(DEMO_PREVIOUS_YEAR));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh rancangan (.docx)" }).click()]);
  expect(download.suggestedFilename()).toBe(`mataram-laporan-tahunan-${DEMO_PREVIOUS_YEAR}.docx`);
  const out = mkdtempSync(join(tmpdir(), "entas-docx-"));
  const file = join(out, download.suggestedFilename());
  await download.saveAs(file);

  // A Word document: the zip's parts, and its text.
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(await zip.file("[Content_Types].xml")?.async("string")).toContain("wordprocessingml.document.main+xml");
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  expect(xml).toContain("KOTA MATARAM");
  expect(xml).toContain(`TAHUN ${DEMO_PREVIOUS_YEAR}`);

  // LibreOffice reads it as Word would (CI installs it: .ci/run).
  if (SOFFICE) {
    execFileSync(SOFFICE, ["--headless", `-env:UserInstallation=file://${out}/profile`, "--convert-to", "txt:Text", "--outdir", out, file], {
      timeout: 120_000,
    });
    const text = readFileSync(join(out, `mataram-laporan-tahunan-${DEMO_PREVIOUS_YEAR}.txt`), "utf8");
    for (const chapter of ["PENDAHULUAN", "KONDISI KEMISKINAN DAERAH", "ANGGARAN DAN REALISASI", "GRADUASI", "PENUTUP"]) expect(text).toContain(chapter);
    expect(text).toMatch(/serapan \d{1,3},\d{2}\u00a0%/);
  }
});
