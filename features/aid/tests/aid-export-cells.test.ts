// The aid list as a file people compute with: NILAI is a number whose sum is the total of the
// same rows in the database, in the .xlsx (read by exceljs, and by LibreOffice where installed)
// and in the Indonesian CSV (";", decimal comma, byte-order mark).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributionExport } from "@/features/aid/export";
import type { SessionUser } from "@/lib/auth/session-user";
import { exportRoute } from "@/lib/spreadsheet/routes";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";

let t: TestDb;
let city: TestTenant;
let staff: SessionUser;
let total: bigint;
const VALUES = [1_500_000n, 2_750_000n, 123_456_789n, 16_800n, 4_500_000n, 999n, 10_000_000_000n];

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await read(async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } });
    staff = sessionUser(city, "OPD_STAFF", { id: "staf-dinsos", opdId: opd.id });
    const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2024, name: "Jaring Sosial", kind: "EQUIPMENT_AID" } });
    const household = await createTestHousehold(tx, city);
    await tx.aidDistribution.createMany({
      data: VALUES.map((value, i) => ({
        tenantId: city.id,
        programmeId: programme.id,
        opdId: opd.id,
        householdId: household.id,
        kind: "EQUIPMENT" as const,
        items: "1 mesin jahit, 1 mesin obras; 1 meja",
        value,
        distributedAt: new Date(`2024-08-${String(i + 10)}T00:00:00Z`),
        proofRef: `00${i}`,
      })),
    });
    total = (await tx.aidDistribution.aggregate({ _sum: { value: true } }))._sum.value ?? 0n;
  });
});

function sofficePath(): string | null {
  try {
    return execFileSync("which", ["soffice"]).toString().trim() || null;
  } catch {
    return null;
  }
}

afterAll(async () => {
  await t?.close();
});

async function download(format: "xlsx" | "csv"): Promise<ArrayBuffer> {
  const response = await callRoute(exportRoute(distributionExport), routeDeps(t, staff), `http://x/${city.slug}/bantuan/ekspor?format=${format}&tahun=2024`, {
    tenant: city.slug,
  });
  expect(response.status).toBe(200);
  return response.arrayBuffer();
}

const column = (header: readonly string[], name: string) => {
  const index = header.indexOf(name);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};

describe("the aid export", () => {
  it("writes NILAI as Rupiah numbers that sum to the database's total, dates as dates, ids as text", async () => {
    expect(total).toBe(VALUES.reduce((a, b) => a + b, 0n));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download("xlsx")) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const [nilai, tanggal, tahun, bukti, noKk] = ["NILAI", "TANGGAL", "TAHUN", "NOMOR BUKTI", "NO KK"].map((name) => column(header, name) + 1);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows).toHaveLength(VALUES.length);
    let sum = 0;
    for (const row of rows) {
      const value = row.getCell(nilai!);
      expect(typeof value.value).toBe("number");
      expect(value.numFmt).toBe("#,##0");
      sum += value.value as number;
      expect(row.getCell(tanggal!).value).toBeInstanceOf(Date);
      expect(row.getCell(tahun!).value).toBe(2024);
      expect(row.getCell(bukti!).value).toMatch(/^00\d$/);
      expect(row.getCell(noKk!).value).toMatch(/^•+\d{4}$/);
    }
    expect(BigInt(sum)).toBe(total);
    expect(rows.map((row) => row.getCell(tanggal!).value as Date).map((d) => d.toISOString().slice(0, 10))).toContain("2024-08-10");
  });

  // Where LibreOffice is installed, it reads the numbers too; elsewhere exceljs alone is the check.
  const soffice = sofficePath();
  if (soffice)
    it("is summed by LibreOffice as well", async () => {
      const dir = mkdtempSync(join(tmpdir(), "aid-export-"));
      try {
        writeFileSync(join(dir, "bantuan.xlsx"), Buffer.from(await download("xlsx")));
        // Comma-separated, UTF-8, every text cell quoted, raw values rather than as displayed: a number is bare.
        execFileSync(
          soffice,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false",
            "--outdir",
            dir,
            join(dir, "bantuan.xlsx"),
          ],
          { timeout: 120_000, stdio: "ignore" },
        );
        const lines = readFileSync(join(dir, "bantuan.csv"), "utf8").trim().split(/\r?\n/);
        const header = lines[0]!.split(",").map((name) => name.replaceAll('"', ""));
        const nilai = column(header, "NILAI");
        // NILAI comes before the free-text columns, so a plain split reaches it.
        const values = lines.slice(1).map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((field) => field.replace(/,$/, ""))[nilai]!);
        expect(values.every((value) => /^\d+$/.test(value))).toBe(true);
        expect(values.reduce((a, b) => a + BigInt(b), 0n)).toBe(total);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);

  it("writes CSV the Indonesian way: byte-order mark, semicolons, plain numbers, ids with their zeros", async () => {
    const bytes = new Uint8Array(await download("csv"));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = lines[0]!.split(";");
    const rows = lines.slice(1).map((line) =>
      line
        .match(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)!
        .slice(0, header.length)
        .map((field) => field.replace(/;$/, "")),
    );
    expect(rows).toHaveLength(VALUES.length);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const nilai = column(header, "NILAI");
    expect(rows.reduce((sum, row) => sum + BigInt(row[nilai]!), 0n)).toBe(total);
    expect(rows.map((row) => row[column(header, "NOMOR BUKTI")])).toContain("000");
    expect(rows[0]![column(header, "TANGGAL")]).toMatch(/^\d{2}-08-2024$/);
    expect(rows[0]![column(header, "BANTUAN")]).toBe('"1 mesin jahit, 1 mesin obras; 1 meja"');
  });
});
