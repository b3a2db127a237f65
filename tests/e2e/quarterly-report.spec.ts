import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Locator } from "@playwright/test";
import { DEMO_YEAR } from "../helpers/demo-year";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { openCityMenu } from "./menu";
import { saveScreenshot } from "./screenshots";

const BAPEDA = "bapeda.mataram@entas.test";

test.setTimeout(180_000);

/** Every digit of a cell, as a whole number: "250.000.000" on screen, "250,000,000" or "250000000" in a CSV. */
const whole = (text: string) => Number(text.replace(/[^0-9]/g, ""));

async function totalRow(table: Locator) {
  const cells = await table.locator("tfoot tr").first().locator("th, td").allInnerTexts();
  return cells.map((cell) => cell.trim());
}

/** LibreOffice's CSV of every sheet of a workbook (one file per sheet), as rows of cells. */
async function sheetsAsCsv(xlsx: string): Promise<Map<string, string[][]>> {
  const dir = await mkdtemp(join(tmpdir(), "entas-lo-"));
  try {
    // A profile of its own, so two runs never wait on each other's lock; the last option, -1, writes every sheet.
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        xlsx,
      ],
      { timeout: 120_000, stdio: "pipe" },
    );
    const sheets = new Map<string, string[][]>();
    for (const file of (await readdir(dir)).filter((name) => name.endsWith(".csv"))) {
      const text = await readFile(join(dir, file), "utf8");
      sheets.set(file, text.split(/\r?\n/).map(parseCsvLine));
    }
    return sheets;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") cells.push(cell), (cell = "");
    else cell += char;
  }
  cells.push(cell);
  return cells;
}

test("Bapeda finds the quarterly report, downloads Q3 as .xlsx, and its totals in a spreadsheet match the screen", async ({ page }, testInfo) => {
  await signInAs(page, BAPEDA);
  await page.goto("/mataram");
  const menu = await openCityMenu(page, "Kota Mataram", "Dasbor");
  await menu.getByRole("link", { name: "Laporan triwulan" }).click();
  await page.waitForURL(/\/mataram\/laporan\/triwulan/, { timeout: 30_000 });

  await page.getByLabel("Tahun", { exact: true }).selectOption(String(DEMO_YEAR));
  await page.getByLabel("Triwulan", { exact: true }).selectOption("3");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`tahun=${DEMO_YEAR}&triwulan=3`));
  await expect(page.getByRole("heading", { level: 1, name: /Laporan triwulan/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`Triwulan 3 tahun ${DEMO_YEAR}`)).toBeVisible();

  const strategies = page.getByRole("region", { name: "Per strategi" });
  await expect(strategies.getByRole("rowheader", { name: "Meningkatkan pendapatan" })).toBeVisible();
  const screenStrategies = await totalRow(strategies);
  const screenSources = await totalRow(page.getByRole("region", { name: "Per sumber dana" }));
  // Total, programmes, targets, reached …, pagu, realised Q3, realised to Q3, absorption.
  const [pagu, realisedQuarter, realisedToDate] = screenStrategies.slice(6, 9).map(whole);
  expect(pagu).toBeGreaterThan(0);
  expect(realisedToDate).toBeGreaterThanOrEqual(realisedQuarter!);
  expect(screenSources.slice(1, 4).map(whole)).toEqual([pagu, realisedQuarter, realisedToDate]);
  // Bapeda may read personal data: the by-name annex is offered.
  await expect(page.getByRole("link", { name: /Unduh lampiran by name/ }).or(page.getByRole("button", { name: /Unduh lampiran by name/ }))).toBeVisible();
  await saveScreenshot(page, testInfo, "quarterly-report");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh laporan (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe(`mataram-laporan-triwulan-${DEMO_YEAR}-tw3.xlsx`);
  const sheets = await sheetsAsCsv((await download.path())!);
  const sheet = (title: string) => [...sheets.entries()].find(([file]) => file.includes(title))?.[1];
  const fileStrategies = sheet("Per strategi");
  const fileSources = sheet("Per sumber dana");
  expect(fileStrategies, `sheets: ${[...sheets.keys()].join(", ")}`).toBeDefined();
  const totalOf = (rows: string[][] | undefined) => rows?.find((row) => row[0] === "Jumlah");
  const strategiesTotal = totalOf(fileStrategies)!;
  expect(strategiesTotal.slice(1, 9).map(whole)).toEqual(screenStrategies.slice(1, 9).map(whole));
  expect(totalOf(fileSources)!.slice(1, 4).map(whole)).toEqual([pagu, realisedQuarter, realisedToDate]);
  // The programmes' rows add up to the total the screen shows.
  const programmeRows = sheet("Per program")!;
  const header = programmeRows.findIndex((row) => row[0] === "Program");
  const body = programmeRows.slice(header + 1).filter((row) => row[0] && row[0] !== "Jumlah" && row.length > 8);
  expect(body.reduce((sum, row) => sum + whole(row[7]!), 0)).toBe(pagu);

  // One OPD's detail: only Disnaker's programmes, the city's totals unchanged.
  await page.getByLabel("OPD", { exact: true }).selectOption({ label: "Disnaker" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/[?&]opd=\w/);
  const disnaker = page.getByRole("region", { name: "Per program — Dinas Tenaga Kerja" });
  await expect(disnaker).toBeVisible({ timeout: 20_000 });
  // As many rows as the recap per OPD gives Disnaker programmes; its name there links to this detail.
  const recapRow = page
    .getByRole("region", { name: "Rekapitulasi per perangkat daerah" })
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: "Disnaker", exact: true }) });
  const disnakerProgrammes = whole(await recapRow.locator("td").first().innerText());
  expect(disnakerProgrammes).toBeGreaterThan(0);
  await expect(disnaker.locator("tbody tr")).toHaveCount(disnakerProgrammes);
  await expect(recapRow.getByRole("link", { name: "Disnaker" })).toHaveAttribute("href", /[?&]opd=\w+.*#tabel-programmes$/);
  expect(await totalRow(page.getByRole("region", { name: "Per strategi" }))).toEqual(screenStrategies);

  // The printable document: the same totals, and the same OPD's detail.
  await page.getByRole("link", { name: "Cetak laporan (A4)" }).click();
  await page.waitForURL(/\/laporan\/triwulan\/cetak/);
  await expect(page.getByRole("button", { name: "Cetak laporan (A4)" })).toBeVisible();
  expect((await totalRow(page.getByRole("region", { name: "Per strategi" }))).slice(1, 9).map(whole)).toEqual(screenStrategies.slice(1, 9).map(whole));
  await expect(page.getByRole("region", { name: "Per program — Dinas Tenaga Kerja" })).toBeVisible();
  await saveScreenshot(page, testInfo, "quarterly-report-print");
});

test("the mayor's office gets the report without the by-name annex", async ({ page }) => {
  await signInAs(page, "walikota.mataram@entas.test");
  await page.goto(`/mataram/laporan/triwulan?tahun=${DEMO_YEAR}&triwulan=3`);
  await expect(page.getByRole("heading", { level: 1, name: /Laporan triwulan/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Lampiran by name by address hanya untuk peran yang boleh melihat data pribadi.")).toBeVisible();
  const annex = await page.request.get(`/mataram/laporan/triwulan/lampiran?tahun=${DEMO_YEAR}&triwulan=3&format=xlsx`);
  expect(annex.status()).toBe(404);
});
