import { DEMO_PREVIOUS_YEAR } from "../helpers/demo-year";
// One dashboard's figures, the same on screen, in its workbook and on paper: every cell of every
// table on the page is the cell under the same column in the same row of that table's sheet, and
// every summary card is the figure of its table's totals row, on screen and in print alike.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, type Page } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

const BAPEDA = "bapeda.mataram@entas.test";

test.setTimeout(180_000);

type ScreenTable = { label: string; headers: string[]; rows: string[][] };
type Card = { label: string; value: string; hint: string };

/** Every table of the dashboard that is shown (in the current media): its name, headers and rows, totals last. */
function shownTables(page: Page): Promise<ScreenTable[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-dashboard] [role=region]")]
      .filter((region) => region.querySelector("table") && region.checkVisibility())
      .map((region) => {
        const text = (cell: Element) => (cell as HTMLElement).innerText.trim();
        return {
          label: region.getAttribute("aria-label") ?? "",
          headers: [...region.querySelectorAll("thead th")].map(text),
          rows: [...region.querySelectorAll("tbody tr, tfoot tr")].map((row) => [...row.querySelectorAll("th, td")].map(text)),
        };
      }),
  );
}

/** Every summary card shown (in the current media): its label, figure and the line under it. */
function shownCards(page: Page): Promise<Card[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-dashboard] dl dt")]
      .filter((term) => term.checkVisibility())
      .map((term) => {
        const [value, hint] = [term.nextElementSibling, term.nextElementSibling?.nextElementSibling];
        return {
          label: term.innerText.trim(),
          value: (value as HTMLElement | null)?.innerText.trim() ?? "",
          hint: hint?.tagName === "DD" ? (hint as HTMLElement).innerText.trim() : "",
        };
      }),
  );
}

/** "Rp 350.000.000", "38,57 %", "-61,43", "1.204" as a number and its decimals; null for text ("–", "<5", a name). */
function screenNumber(text: string): { value: number; decimals: number } | null {
  const plain = text.replace(/Rp|%|\s|\u00a0/g, "");
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(plain)) return null;
  return { value: Number(plain.replaceAll(".", "").replace(",", ".")), decimals: plain.split(",")[1]?.length ?? 0 };
}

/** A sheet's table: the header row follows the first empty row under the heading lines. */
function sheetTable(sheet: ExcelJS.Worksheet): { headers: string[]; rows: ExcelJS.Cell[][] } {
  let blank = 0;
  for (let r = 1; r <= sheet.rowCount && !blank; r += 1) if (!sheet.getRow(r).hasValues) blank = r;
  const header = sheet.getRow(blank + 1);
  const headers = (header.values as unknown[]).slice(1).map((value) => String(value ?? ""));
  const rows: ExcelJS.Cell[][] = [];
  for (let r = blank + 2; r <= sheet.rowCount && sheet.getRow(r).hasValues; r += 1) {
    rows.push(headers.map((_, c) => sheet.getRow(r).getCell(c + 1)));
  }
  return { headers, rows };
}

/** The figure a sheet's cell holds as the screen writes it: percentages in percent units, empty as "–". */
function expectSameFigure(shown: string, cell: ExcelJS.Cell, where: string) {
  const value = cell.value;
  if (typeof value !== "number") {
    expect(shown, where).toBe(value === null || value === undefined || value === "" ? "–" : String(value));
    return;
  }
  const parsed = screenNumber(shown);
  expect(parsed, `${where}: "${shown}" is a figure`).not.toBeNull();
  const figure = String(cell.numFmt ?? "").endsWith("%") ? value * 100 : value;
  expect(Number(figure.toFixed(parsed!.decimals)), where).toBeCloseTo(parsed!.value, parsed!.decimals);
}

test("the budget dashboard's figures are the same on screen, in its workbook and in its print", async ({ page }) => {
  await signInAs(page, BAPEDA);
  await page.goto(`/mataram/dasbor/anggaran?tahun=${DEMO_PREVIOUS_YEAR}`);
  await expect(page.getByRole("heading", { level: 1, name: "Serapan anggaran" })).toBeVisible({ timeout: 30_000 });
  // A filter set: the first OPD of the table.
  const opds = page.getByRole("group", { name: "Per OPD" }).getByRole("table");
  const opdName = (await opds.locator("tbody tr").first().getByRole("rowheader").innerText()).trim();
  await page.getByLabel("OPD", { exact: true }).selectOption({ label: opdName });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/opd=/);
  await expect(opds.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("[data-panel-state=loading]")).toHaveCount(0, { timeout: 30_000 });

  const screenTables = await shownTables(page);
  const screenCards = await shownCards(page);
  expect(screenTables.map((table) => table.label)).toEqual(expect.arrayContaining(["Per OPD", "Per sumber dana", "Realisasi kumulatif per bulan"]));

  // The workbook: a sheet for each table on the page, its cells the page's.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh semua (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^mataram-anggaran-semua-${DEMO_PREVIOUS_YEAR}-[a-z0-9-]+\\.xlsx$`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
  const cover = workbook.worksheets[0]!;
  expect(cover.getRow(1).getCell(1).value).toBe("Serapan anggaran — Kota Mataram");
  const coverText = cover.getSheetValues().flat().join(" ");
  expect(coverText).toContain(opdName);
  expect(coverText).toMatch(/WITA/);

  for (const table of screenTables) {
    const sheet = workbook.getWorksheet(table.label);
    expect(sheet, `a sheet for ${table.label}`).toBeDefined();
    const { headers, rows } = sheetTable(sheet!);
    // The screen may show fewer rows (the first ones) and its own choice of columns: each shown cell is checked.
    const totals = table.rows.length > 0 && table.rows.at(-1)![0] === "Total";
    table.rows.forEach((shownRow, r) => {
      const row = totals && r === table.rows.length - 1 ? rows.at(-1)! : rows[r]!;
      expect(row, `${table.label} row ${r}`).toBeDefined();
      table.headers.forEach((header, c) => {
        const column = headers.indexOf(header);
        expect(column, `${table.label}: column ${header} in the sheet`).toBeGreaterThanOrEqual(0);
        expectSameFigure(shownRow[c] ?? "", row[column]!, `${table.label} / ${shownRow[0]} / ${header}`);
      });
    });
  }

  // The summary cards are the figures of the tables' rows: the OPD table's totals, the fiscal
  // incentive's source row, the programmes flagged behind.
  const opdSheet = sheetTable(workbook.getWorksheet("Per OPD")!);
  const totals = opdSheet.rows.at(-1)!;
  expect(totals[0]!.value).toBe("Total");
  const total = (header: string) => totals[opdSheet.headers.indexOf(header)]!;
  const card = (label: string) => {
    const found = screenCards.find((item) => item.label === label);
    expect(found, `card ${label}`).toBeDefined();
    return found!;
  };
  expectSameFigure(card("Pagu").hint, total("Pagu (Rp)"), "card Pagu");
  expectSameFigure(card("Realisasi terverifikasi").hint, total("Realisasi (Rp)"), "card Realisasi terverifikasi");
  expectSameFigure(card("Serapan terhadap pagu").value, total("Serapan"), "card Serapan terhadap pagu");
  expectSameFigure(card("Menunggu verifikasi").value, total("Draf"), "card Menunggu verifikasi");
  const gap = /^([\d.,]+) poin di (bawah|atas) target waktu$/.exec(card("Serapan terhadap pagu").hint);
  expect(gap, "the gap in points under the absorption card").not.toBeNull();
  expectSameFigure(`${gap![2] === "bawah" ? "-" : ""}${gap![1]}`, total("Selisih (poin)"), "card Serapan: gap");
  const sources = sheetTable(workbook.getWorksheet("Per sumber dana")!);
  const incentive = sources.rows.find((row) => row[0]!.value === "Insentif fiskal");
  expect(incentive, "the fiscal incentive's row").toBeDefined();
  expectSameFigure(card("Insentif fiskal pusat").value.split(" dari ")[0]!, incentive![sources.headers.indexOf("Serapan")]!, "card Insentif fiskal pusat");
  const programmes = sheetTable(workbook.getWorksheet("Program menurut ketertinggalan")!);
  const flagged = programmes.rows.filter((row) => row[programmes.headers.indexOf("Tanda")]!.value === "Tertinggal").length;
  expect(card("Program tertinggal").value).toBe(String(flagged));

  // On paper: the same cards with the same figures, and every table printed with the screen's cells.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText(new RegExp(`^Cakupan: Tahun ${DEMO_PREVIOUS_YEAR} · `))).toContainText(opdName);
  const printedCards = await shownCards(page);
  expect(printedCards.map((item) => [item.label, item.value])).toEqual(screenCards.map((item) => [item.label, item.value]));
  for (const printed of await shownTables(page)) {
    expect(printed, `printed table ${printed.label}`).toEqual(screenTables.find((table) => table.label === printed.label));
  }
});
