// A whole dashboard in one workbook (`…/ekspor?tabel=semua`): a cover saying the city, the
// dashboard, the year, each filter in words, when it was made on the city's clock and what each
// figure means; then a sheet a table, each the same as that table's own file (same builder,
// same heading, same typed cells); the same gate as the single exports.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as budgetExport } from "@/app/[tenant]/dasbor/anggaran/ekspor/route";
import { GET as revolvingFundsExport } from "@/app/[tenant]/dasbor/dana-pem/ekspor/route";
import { GET as resultsExport } from "@/app/[tenant]/dasbor/hasil/ekspor/route";
import { GET as povertyExport } from "@/app/[tenant]/dasbor/kemiskinan/ekspor/route";
import { GET as statisticsExport } from "@/app/[tenant]/dasbor/statistik/ekspor/route";
import { BUDGET_TABLES } from "@/features/dashboards/budget/tables";
import { buildFixture, YEAR } from "@/features/dashboards/tests/mayor-dashboard-fixture";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session-user";
import { safeSheetNames } from "@/lib/spreadsheet/write";
import { sessionUser } from "../helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { callRoute, routeDeps } from "../helpers/routes";
import { cellUnder, rowsOf } from "../helpers/worksheet-cells";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { default: messages } = await import("@/messages/id");
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages, namespace: namespace as never }),
    getLocale: async () => "id",
  };
});

let t: TestDb;
let city: City;

type City = { tenant: TestTenant; user: (role: Role) => Promise<SessionUser>; opdA: string; p1: string; kecamatanId: string };

/** A city of its own on Mataram's clock (the mayor's dashboard fixture), its kecamatan named Sekarbela. */
async function cityWithFigures(): Promise<City> {
  const tenant = await createTestTenant(t.db, t.withTenant);
  const fixture = await t.withTenant(tenant.id, async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { timeZone: "Asia/Makassar" } });
    await tx.area.updateMany({ where: { id: tenant.kecamatanId }, data: { name: "Sekarbela" } });
    return buildFixture(tx, tenant);
  });
  const user = (role: Role) =>
    t.withTenant(tenant.id, async (tx) => {
      const row = await tx.user.create({
        data: { tenantId: tenant.id, email: `buku-${uniqueSuffix()}@contoh.test`, name: "Pembaca", passwordHash: "x", role },
      });
      return sessionUser(tenant, role, { id: row.id });
    });
  return { tenant, user, opdA: fixture.opdA, p1: fixture.p1, kecamatanId: tenant.kecamatanId };
}

/** BPS's figures for the city and its kecamatan, and a target: what /dasbor/statistik shows. */
async function addStatistics(tenant: TestTenant) {
  await t.withTenant(tenant.id, async (tx) => {
    await tx.povertyStatistic.createMany({
      data: [
        { tenantId: tenant.id, year: YEAR - 1, povertyRatePct: 9.1, poorPeople: 41_000, p1: 1.52, p2: 0.4, source: "BPS" },
        { tenantId: tenant.id, year: YEAR, povertyRatePct: 8.61, poorPeople: 39_500, p1: 1.375, p2: 0.32, povertyLineRupiah: 612_345n, source: "BPS" },
        {
          tenantId: tenant.id,
          year: YEAR,
          areaId: tenant.kecamatanId,
          povertyRatePct: 10.5,
          poorPeople: 6_200,
          p1: 1.8,
          p2: 0.455,
          povertyLineRupiah: 598_765n,
          source: "BPS",
        },
      ],
    });
    await tx.target.create({ data: { tenantId: tenant.id, indicator: "POVERTY_RATE", year: YEAR + 2, value: 7.5 } });
  });
}

beforeAll(async () => {
  t = await openTestDb();
  city = await cityWithFigures();
  await addStatistics(city.tenant);
});

afterAll(async () => {
  await t?.close();
});

type Route = typeof budgetExport;

async function get(route: Route, path: string, query: Record<string, string>, user: SessionUser, slug = city.tenant.slug) {
  const url = `http://localhost/${slug}/dasbor/${path}/ekspor?${new URLSearchParams(query)}`;
  return callRoute(route, routeDeps(t, user), url, { tenant: slug });
}

async function download(route: Route, path: string, query: Record<string, string>) {
  const response = await get(route, path, query, await city.user("BAPEDA"));
  expect(response.status).toBe(200);
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
  return { fileName, workbook };
}

/** The cover's value beside a label. */
function coverValue(sheet: ExcelJS.Worksheet, label: string): string {
  const row = rowsOf(sheet).find((cells) => cells[0] === label);
  expect(row, `cover row ${label}`).toBeDefined();
  return row![1] ?? "";
}

describe("a dashboard's workbook", () => {
  it("opens on a cover: city, dashboard, year, each filter in words, when it was made on the city's clock, what each figure means", async () => {
    const { fileName, workbook } = await download(budgetExport, "anggaran", { tahun: String(YEAR), opd: city.opdA, tabel: "semua", format: "xlsx" });
    expect(fileName).toBe(`${city.tenant.slug}-anggaran-semua-${YEAR}-disnaker.xlsx`);
    const cover = workbook.worksheets[0]!;
    expect(cover.name).toBe("Sampul");
    const text = rowsOf(cover)
      .map((row) => row.join(" "))
      .join("\n");
    expect(rowsOf(cover)[0]![0]).toBe(`Serapan anggaran — Kota Uji ${city.tenant.slug.slice(2)}`);
    expect(coverValue(cover, "Kota")).toMatch(/^Kota Uji /);
    expect(coverValue(cover, "Dasbor")).toBe("Serapan anggaran");
    expect(coverValue(cover, "Tahun anggaran")).toBe(String(YEAR));
    expect(coverValue(cover, "OPD")).toBe("Disnaker");
    expect(coverValue(cover, "Program")).toBe("Semua program");
    expect(coverValue(cover, "Dibuat")).toMatch(/\d{4}.*\d{2}\.\d{2} WITA$/);
    expect(text).not.toContain(city.opdA);
    expect(text).toContain("Arti tiap angka");
    const definitions = rowsOf(cover).slice(rowsOf(cover).findIndex((row) => row[0] === "Arti tiap angka") + 1);
    expect(definitions.find((row) => row[0] === "Per OPD")?.[1]).toMatch(/^Serapan tiap OPD terhadap pagu/);
  });

  it("holds one sheet a table, named after it and listed on the cover, each as that table's own file has it", async () => {
    const query = { tahun: String(YEAR), opd: city.opdA, format: "xlsx" };
    const { workbook } = await download(budgetExport, "anggaran", { ...query, tabel: "semua" });
    const titles = ["Realisasi kumulatif per bulan", "Per sumber dana", "Per OPD", "Program menurut ketertinggalan", "Per program SIPD", "Per kegiatan SIPD"];
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Sampul", ...titles]);
    expect(titles).toHaveLength(BUDGET_TABLES.length);
    const cover = rowsOf(workbook.worksheets[0]!);
    const listed = cover.slice(cover.findIndex((row) => row[0] === "Lembar dalam berkas ini") + 1);
    expect(listed.slice(0, titles.length).map((row) => row[0])).toEqual(titles);
    // Beside each sheet's name, its title row: the filters that table follows.
    expect(listed[2]![1]).toMatch(/^Per OPD — Kota Uji .* — Tahun 2024 · OPD Disnaker$/);

    for (const [i, id] of BUDGET_TABLES.entries()) {
      const single = await download(budgetExport, "anggaran", { ...query, tabel: id });
      expect(rowsOf(workbook.worksheets[i + 1]!), id).toEqual(rowsOf(single.workbook.worksheets[0]!));
    }
  });

  it("writes Rupiah with thousands, percentages with % and counts as integers", async () => {
    const { workbook } = await download(budgetExport, "anggaran", { tahun: String(YEAR), tabel: "semua", format: "xlsx" });
    const opds = workbook.getWorksheet("Per OPD")!;
    const pagu = cellUnder(opds, "Pagu (Rp)", "Disnaker");
    expect(pagu.value).toBe(350_000_000);
    expect(pagu.numFmt).toBe("#,##0");
    const absorption = cellUnder(opds, "Serapan", "Disnaker");
    expect(typeof absorption.value).toBe("number");
    expect(absorption.numFmt).toMatch(/^0\.00%$/);
    expect(cellUnder(opds, "Draf", "Disnaker").numFmt).toBe("0");
  });

  it("gives the results dashboard its definitions and hides small counts as its own files do", async () => {
    const { fileName, workbook } = await download(resultsExport, "hasil", { tahun: String(YEAR), kecamatan: city.kecamatanId, tabel: "semua" });
    expect(fileName).toBe(`${city.tenant.slug}-hasil-semua-${YEAR}-sekarbela.xlsx`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Sampul",
      "Hasil dan biaya per OPD",
      "Hasil dan biaya per program",
      "Hasil per program SIPD",
      "Hasil per kegiatan SIPD",
    ]);
    const cover = workbook.worksheets[0]!;
    expect(coverValue(cover, "Kecamatan")).toBe("Sekarbela");
    expect(coverValue(cover, "OPD")).toBe("Semua OPD");
    expect(coverValue(cover, "Orang dilatih")).toMatch(/^Peserta terverifikasi/);
    expect(coverValue(cover, "Rupiah per hasil")).toMatch(/^Rupiah per hasil membagi/);
    expect(coverValue(cover, "Kode SIPD")).toBe("Semua kode SIPD");
    expect(coverValue(cover, "Per program dan kegiatan SIPD")).toMatch(/^Hanya angka yang dapat dijumlahkan antarprogram/);
    const opds = rowsOf(workbook.worksheets[1]!)
      .map((row) => row.join(";"))
      .join("\n");
    expect(opds).toMatch(/seluruh kota/i);
    expect(opds).toContain("agar tidak ada keluarga yang dapat dikenali");
  });

  it("has a sheet for every table of the poverty and revolving-fund dashboards", async () => {
    const poverty = await download(povertyExport, "kemiskinan", { tahun: String(YEAR), tabel: "semua" });
    expect(poverty.workbook.worksheets).toHaveLength(1 + 8);
    expect(poverty.fileName).toBe(`${city.tenant.slug}-kemiskinan-semua-${YEAR}.xlsx`);
    expect(coverValue(poverty.workbook.worksheets[0]!, "Dasbor")).toBe("Dasbor kemiskinan");
    const funds = await download(revolvingFundsExport, "dana-pem", { tahun: String(YEAR), tabel: "semua" });
    expect(funds.workbook.worksheets).toHaveLength(1 + 2);
    expect(coverValue(funds.workbook.worksheets[0]!, "Kecamatan")).toBe("Semua kecamatan");
    expect(coverValue(funds.workbook.worksheets[0]!, "PAR 30")).toMatch(/terlambat lebih dari 30 hari/);
  });

  it("gives /dasbor/statistik its workbook: the series, the kecamatan and the targets, each as its own file has it", async () => {
    const query = { tahun: String(YEAR), kecamatan: city.kecamatanId, format: "xlsx" };
    const { fileName, workbook } = await download(statisticsExport, "statistik", { ...query, tabel: "semua" });
    expect(fileName).toBe(`${city.tenant.slug}-statistik-semua-${YEAR}-sekarbela.xlsx`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Sampul", "Seri BPS — Sekarbela", `Per kecamatan, ${YEAR}`, "Target"]);
    const cover = workbook.worksheets[0]!;
    expect(coverValue(cover, "Dasbor")).toBe("Statistik kemiskinan");
    expect(coverValue(cover, "Kecamatan")).toBe("Sekarbela");
    expect(coverValue(cover, "P2")).toBe("Indeks keparahan (P2)");
    for (const [i, id] of ["seri", "kecamatan", "target"].entries()) {
      const single = await download(statisticsExport, "statistik", { ...query, tabel: id });
      expect(rowsOf(workbook.worksheets[i + 1]!), id).toEqual(rowsOf(single.workbook.worksheets[0]!));
    }
    const p2 = cellUnder(workbook.getWorksheet(`Per kecamatan, ${YEAR}`)!, "P2", "Sekarbela");
    expect(p2.value).toBe(0.455);
    expect(p2.numFmt).toBe("#,##0.000");
    const povertyLine = cellUnder(workbook.getWorksheet(`Per kecamatan, ${YEAR}`)!, "Garis kemiskinan (Rp/kapita/bulan)", "Sekarbela");
    expect(povertyLine.value).toBe(598_765);
    expect(povertyLine.numFmt).toBe("#,##0");
    expect(coverValue(cover, "Garis kemiskinan (Rp/kapita/bulan)")).toMatch(/^Pengeluaran per kapita per bulan/);
  });

  it("writes P1 and P2 with all three decimals in CSV, as .xlsx and the page do: 0,320, not 0,32", async () => {
    const response = await get(statisticsExport, "statistik", { tahun: String(YEAR), tabel: "seri", format: "csv" }, await city.user("BAPEDA"));
    expect(response.status).toBe(200);
    const text = new TextDecoder().decode(await response.arrayBuffer());
    const row = text.split("\r\n").find((line) => line.startsWith(`${YEAR};`));
    expect(row?.split(";").slice(5, 8)).toEqual(["1,375", "0,320", "612345"]);
    expect(
      text
        .split("\r\n")
        .find((line) => line.startsWith(`${YEAR - 1};`))
        ?.split(";")
        .slice(5, 7),
    ).toEqual(["1,520", "0,400"]);
  });

  it("is audited as the dashboard's export, with its tables and filters", async () => {
    const bapeda = await city.user("BAPEDA");
    expect((await get(budgetExport, "anggaran", { tahun: String(YEAR), tabel: "semua" }, bapeda)).status).toBe(200);
    const audit = await t.withTenant(city.tenant.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { userId: bapeda.id, action: "export", entity: "Dashboard" }, select: { entityId: true, after: true } }),
    );
    expect(audit.entityId).toBe("budgetDashboard/semua");
    expect(audit.after).toMatchObject({ format: "xlsx", tables: [...BUDGET_TABLES] });
  });

  it("is .xlsx only: a CSV of every table is not found", async () => {
    expect((await get(budgetExport, "anggaran", { tahun: String(YEAR), tabel: "semua", format: "csv" }, await city.user("BAPEDA"))).status).toBe(404);
  });

  it("is refused exactly as the single exports are: another city's reader, a role without the dashboard, a reader who may not export", async () => {
    const query = { tahun: String(YEAR), format: "xlsx" };
    const other = await createTestTenant(t.db, t.withTenant);
    const outsider = sessionUser(other, "BAPEDA");
    const cases: [string, SessionUser][] = [
      ["another city's Bapeda", outsider],
      ["an OPD clerk", await city.user("OPD_STAFF")],
      ["a kelurahan officer", await city.user("KELURAHAN")],
      ["an auditor (reads, may not export)", await city.user("AUDITOR")],
    ];
    for (const [who, user] of cases) {
      const single = await get(budgetExport, "anggaran", { ...query, tabel: "opds" }, user);
      const whole = await get(budgetExport, "anggaran", { ...query, tabel: "semua" }, user);
      expect(whole.status, who).toBe(single.status);
      expect(whole.status, who).toBe(404);
    }
    for (const [who, user] of cases) {
      const single = await get(statisticsExport, "statistik", { ...query, tabel: "seri" }, user);
      const whole = await get(statisticsExport, "statistik", { ...query, tabel: "semua" }, user);
      expect(whole.status, `statistik: ${who}`).toBe(single.status);
      expect(whole.status, `statistik: ${who}`).toBe(404);
    }
    expect((await get(statisticsExport, "statistik", { ...query, tabel: "semua" }, await city.user("BAPEDA"))).status).toBe(200);
    const mayor = await city.user("MAYOR_OFFICE");
    expect((await get(budgetExport, "anggaran", { ...query, tabel: "semua" }, mayor)).status).toBe(200);
    expect((await get(povertyExport, "kemiskinan", { ...query, tabel: "semua" }, mayor)).status).toBe(404);
  });
});

describe("sheet names", () => {
  it("are at most 31 characters, without \\ / ? * [ ] : or an apostrophe at either end, and unique whatever the case", () => {
    const names = safeSheetNames([
      "Sampul",
      "Hasil dan biaya per program menurut OPD dan kecamatan",
      "Realisasi [Rp]: Jan/Feb? *draf*",
      "'Kutipan'",
      "sampul",
      "Hasil dan biaya per program menurut OPD dan kelurahan",
      "",
      "???",
    ]);
    for (const name of names) {
      expect(name.length, name).toBeLessThanOrEqual(31);
      expect(name, name).not.toMatch(/[\\/?*[\]:]/);
      expect(name, name).not.toMatch(/^'|'$/);
      expect(name.trim(), name).toBe(name);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(names[0]).toBe("Sampul");
    expect(names[1]).toBe("Hasil dan biaya per program men");
    expect(names[2]).toBe("Realisasi Rp Jan Feb draf");
    expect(names[3]).toBe("Kutipan");
    expect(names[4]).toBe("sampul 2");
    expect(names[5]).toBe("Hasil dan biaya per program m 2");
    expect(names[6]).toBe("Data");
    expect(names[7]).toBe("Data 2");
  });
});
