// BPS's poverty line (garis kemiskinan) beside P0, P1 and P2: whole Rupiah per person per month,
// from the form in the reader's language, from an imported file (Indonesian text or an Excel
// number), and on the statistics page's charts and table exactly as stored.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import type { ActionDeps } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { importStatisticsDefinition, saveStatisticDefinition } from "@/features/statistics/action-definitions";
import { statisticSeries } from "@/features/statistics/queries";
import { bpsChartPoints } from "@/features/statistics/series-chart";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runActionToEnd } from "@/tests/helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let bapeda: SessionUser;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  bapeda = sessionUser(city, "BAPEDA");
});

afterAll(async () => {
  await t?.close();
});

/** The deps of a request made in `locale` (the language cookie). */
const depsIn = (locale: string): ActionDeps => {
  const deps = actionDeps(t, bapeda);
  return { ...deps, requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale }) };
};
const run = (definition: AnyActionDefinition, input: Record<string, unknown>, deps = actionDeps(t, bapeda)) =>
  runActionToEnd(t, deps, definition, city.slug, { version: "0", ...input });
const stored = (year: number, areaId: string | null = null) => t.withTenant(city.id, (tx) => tx.povertyStatistic.findFirst({ where: { year, areaId } }));
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
type Report = { data: { accepted: number; rejected: { rowNumber: number; reasons: string[] }[] } };

describe("the poverty line from the form", () => {
  it("is saved as whole Rupiah from Indonesian notation, changed at its version and cleared when left blank", async () => {
    const first = await run(saveStatisticDefinition, { year: "2023", povertyRatePct: "8,68", p1: "1,298", p2: "0,297", povertyLineRupiah: "612.345" });
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    expect((await stored(2023))?.povertyLineRupiah).toBe(612_345n);

    expect(await run(saveStatisticDefinition, { year: "2023", povertyRatePct: "8,68", povertyLineRupiah: "Rp 627.483", version: "1" })).toMatchObject({
      ok: true,
    });
    expect((await stored(2023))?.povertyLineRupiah).toBe(627_483n);

    expect(await run(saveStatisticDefinition, { year: "2023", povertyRatePct: "8,68", povertyLineRupiah: "", version: "2" })).toMatchObject({ ok: true });
    expect((await stored(2023))?.povertyLineRupiah).toBeNull();
  });

  it("is read in English notation from an English interface", async () => {
    expect(await run(saveStatisticDefinition, { year: "2022", povertyRatePct: "8.96", povertyLineRupiah: "580,926" }, depsIn("en"))).toMatchObject({
      ok: true,
    });
    expect((await stored(2022))?.povertyLineRupiah).toBe(580_926n);
  });

  it("refuses what is not a whole, positive, believable monthly amount per person, and writes nothing", async () => {
    const refused = ["0", "-612.345", "612.345,50", "enam ratus ribu", "49.999", "10.000.001", "Rp 7,3 juta per tahun"];
    for (const povertyLineRupiah of refused) {
      const result = await run(saveStatisticDefinition, { year: "2021", povertyRatePct: "9,34", povertyLineRupiah });
      expect(result, povertyLineRupiah).toMatchObject({ ok: false, code: "INVALID" });
      expect(fieldErrors(result).povertyLineRupiah?.join(" "), povertyLineRupiah).toMatch(/[a-z]/);
    }
    const range = await run(saveStatisticDefinition, { year: "2021", povertyRatePct: "9,34", povertyLineRupiah: "6.123.450.000" });
    expect(fieldErrors(range).povertyLineRupiah).toEqual(["Garis kemiskinan antara Rp 50.000 dan Rp 10.000.000 per kapita per bulan."]);
    const english = await run(saveStatisticDefinition, { year: "2021", povertyRatePct: "9.34", povertyLineRupiah: "49,999" }, depsIn("en"));
    expect(fieldErrors(english).povertyLineRupiah).toEqual(["The poverty line is between Rp 50,000 and Rp 10,000,000 per person per month."]);
    expect(await stored(2021)).toBeNull();
  });

  it("is held positive by the database too, for a write that skips the form", async () => {
    await expect(t.withTenant(city.id, (tx) => tx.povertyStatistic.create({ data: { tenantId: city.id, year: 2040, povertyLineRupiah: 0n } }))).rejects.toThrow(
      /PovertyStatistic_povertyLineRupiah_check/,
    );
    expect(await stored(2040)).toBeNull();
  });
});

describe("the poverty line from an imported file", () => {
  const upload = (file: File) => {
    const form = new FormData();
    form.set("file", file);
    form.set("mode", "commit");
    return runActionToEnd(t, actionDeps(t, bapeda), importStatisticsDefinition, city.slug, form);
  };

  async function xlsx(rows: ExcelJS.CellValue[][]): Promise<File> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("BPS");
    for (const row of rows) sheet.addRow(row);
    return new File([await workbook.xlsx.writeBuffer()], "bps.xlsx");
  }

  it("reads the column GARIS KEMISKINAN and its usual headers, written the Indonesian way", async () => {
    const csv = [
      "TAHUN;KECAMATAN;P0;P1;P2;GARIS KEMISKINAN (RP/KAPITA/BULAN);SUMBER",
      "2019;;8,92;1,412;0,338;497.912;BPS",
      "2020;Kecamatan Uji;9,09;1,456;0,351;Rp 521.384;BPS",
      "2024;;8,25;1,214;0,271;612.345,5;BPS",
    ].join("\r\n");
    const result = await upload(new File([csv], "bps.csv", { type: "text/csv" }));
    expect(result).toMatchObject({ ok: true, data: { accepted: 2 } });
    const { rejected } = (result as Report).data;
    expect(rejected.map((row) => row.rowNumber)).toEqual([4]);
    expect(rejected[0]!.reasons.join(" ")).toMatch(/^GARIS KEMISKINAN: Jumlah harus dalam rupiah utuh/);
    expect((await stored(2019))?.povertyLineRupiah).toBe(497_912n);
    expect((await stored(2020, city.kecamatanId))?.povertyLineRupiah).toBe(521_384n);
    expect(await stored(2024)).toBeNull();

    const short = await upload(new File(["TAHUN,P0,GK\n2018,8.61,480.103"], "bps.csv", { type: "text/csv" }));
    expect(short).toMatchObject({ ok: true, data: { accepted: 1 } });
    expect((await stored(2018))?.povertyLineRupiah).toBe(480_103n);
  });

  it("takes an Excel number cell as the amount it holds, and refuses one with a fraction", async () => {
    const file = await xlsx([
      ["TAHUN", "PERSENTASE MISKIN", "P1", "P2", "GARIS KEMISKINAN", "SUMBER"],
      [2025, 8.01, 1.18, 0.262, 695_210, "BPS"],
      [2026, 7.9, 1.1, 0.25, 612.345, "BPS"],
      [2027, 7.8, 1.1, 0.25, "612.345", "BPS"],
    ]);
    const result = await upload(file);
    expect(result).toMatchObject({ ok: true, data: { accepted: 2 } });
    const { rejected } = (result as Report).data;
    // 612.345 in a number cell is 612 Rupiah and a fraction, not the text "612.345".
    expect(rejected.map((row) => row.rowNumber)).toEqual([3]);
    expect(rejected[0]!.reasons.join(" ")).toMatch(/^GARIS KEMISKINAN: Jumlah harus dalam rupiah utuh/);
    expect(await stored(2025)).toMatchObject({ povertyLineRupiah: 695_210n });
    expect(await stored(2026)).toBeNull();
    expect(await stored(2027)).toMatchObject({ povertyLineRupiah: 612_345n });
  });
});

describe("the statistics page's series", () => {
  it("are the stored figures of every year: P0, the extreme rate, P1, P2 and the poverty line", async () => {
    const { rows, points } = await t.withTenant(city.id, async (tx) => ({
      rows: await tx.povertyStatistic.findMany({ where: { areaId: null }, orderBy: { year: "asc" } }),
      points: bpsChartPoints(await statisticSeries(tx, null)),
    }));
    expect(rows.filter((row) => row.povertyLineRupiah !== null).length).toBeGreaterThanOrEqual(3);
    const number = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());
    expect(points).toEqual(
      rows.map((row) => ({
        year: String(row.year),
        povertyRatePct: number(row.povertyRatePct),
        extremeRatePct: number(row.extremeRatePct),
        p1: number(row.p1),
        p2: number(row.p2),
        povertyLineRupiah: row.povertyLineRupiah === null ? null : Number(row.povertyLineRupiah),
      })),
    );
    expect(points.find((point) => point.year === "2019")).toEqual({
      year: "2019",
      povertyRatePct: 8.92,
      extremeRatePct: null,
      p1: 1.412,
      p2: 0.338,
      povertyLineRupiah: 497_912,
    });
  });
});
