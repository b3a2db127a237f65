// Dashboard exports say what they are: the filters (as names) in the title row and in the file
// name, a note where a Rupiah figure is the whole city's although a kecamatan is chosen, typed
// cells (Rupiah with thousands, percentages with %, counts as integers), CSV in the Indonesian
// convention, a distinct file per table, and the suppression note only when a cell was hidden.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as budgetExport } from "@/app/[tenant]/dasbor/anggaran/ekspor/route";
import { GET as resultsExport } from "@/app/[tenant]/dasbor/hasil/ekspor/route";
import { GET as statisticsExport } from "@/app/[tenant]/dasbor/statistik/ekspor/route";
import { buildFixture, YEAR } from "@/features/dashboards/tests/mayor-dashboard-fixture";
import type { SessionUser } from "@/lib/auth/session-user";
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

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type City = { tenant: TestTenant; bapeda: SessionUser; opdA: string; p1: string; kecamatanId: string };

/** A city of its own (the mayor's dashboard fixture), its kecamatan named Sekarbela, and a Bapeda reader. */
async function cityWithFigures(): Promise<City> {
  const tenant = await createTestTenant(t.db, t.withTenant);
  return t.withTenant(tenant.id, async (tx) => {
    await tx.area.updateMany({ where: { id: tenant.kecamatanId }, data: { name: "Sekarbela" } });
    const fixture = await buildFixture(tx, tenant);
    const row = await tx.user.create({
      data: { tenantId: tenant.id, email: `dasbor-${uniqueSuffix()}@contoh.test`, name: "Perencana", passwordHash: "x", role: "BAPEDA" },
    });
    return { tenant, bapeda: sessionUser(tenant, "BAPEDA", { id: row.id }), opdA: fixture.opdA, p1: fixture.p1, kecamatanId: tenant.kecamatanId };
  });
}

type Route = typeof budgetExport;

async function download(city: City, route: Route, path: string, query: Record<string, string>) {
  const url = `http://localhost/${city.tenant.slug}/dasbor/${path}/ekspor?${new URLSearchParams(query)}`;
  const response = await callRoute(route, routeDeps(t, city.bapeda), url, { tenant: city.tenant.slug });
  expect(response.status).toBe(200);
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "";
  return { fileName, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

describe("dashboard exports", () => {
  it("carry the year, OPD and kecamatan by name in the title row and the file name", async () => {
    const city = await cityWithFigures();
    const query = { tahun: String(YEAR), opd: city.opdA, kecamatan: city.kecamatanId, tabel: "opds", format: "xlsx" };
    const { fileName, bytes } = await download(city, budgetExport, "anggaran", query);
    expect(fileName).toBe(`${city.tenant.slug}-anggaran-opds-${YEAR}-disnaker-sekarbela.xlsx`);
    const title = rowsOf(await sheetOf(bytes))[0]!.join(" ");
    expect(title).toContain(String(YEAR));
    expect(title).toContain("Disnaker");
    expect(title).toContain("Sekarbela");
    expect(title).not.toContain(city.opdA);

    const csv = await download(city, budgetExport, "anggaran", { ...query, format: "csv" });
    expect(csv.fileName).toBe(`${city.tenant.slug}-anggaran-opds-${YEAR}-disnaker-sekarbela.csv`);
    const firstLine = new TextDecoder().decode(csv.bytes).split("\r\n")[0]!;
    expect(firstLine).toContain("Disnaker");
    expect(firstLine).toContain("Sekarbela");
  });

  it("name the programme too, and keep ids out of the file", async () => {
    const city = await cityWithFigures();
    const query = { tahun: String(YEAR), opd: city.opdA, program: city.p1, tabel: "programmes", format: "csv" };
    const { fileName, bytes } = await download(city, budgetExport, "anggaran", query);
    expect(fileName).toBe(`${city.tenant.slug}-anggaran-programmes-${YEAR}-disnaker-pelatihan-menjahit.csv`);
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toContain("Pelatihan Menjahit");
  });

  it("write the suppression note under a table only when one of its cells was hidden", async () => {
    const city = await cityWithFigures();
    for (const format of ["xlsx", "csv"] as const) {
      const { bytes } = await download(city, resultsExport, "hasil", { tahun: String(YEAR), tabel: "opds", format });
      const text =
        format === "csv"
          ? new TextDecoder().decode(bytes)
          : rowsOf(await sheetOf(bytes))
              .map((row) => row.join(";"))
              .join("\n");
      const hidden = /(^|;)(<5|\*)(;|$)/m.test(text);
      expect(hidden, "the fixture's few households are hidden").toBe(true);
      expect(text).toContain("agar tidak ada keluarga yang dapat dikenali");
    }
  });

  it("say so when a Rupiah figure is the whole city's although a kecamatan is chosen", async () => {
    const city = await cityWithFigures();
    const withKecamatan = await download(city, resultsExport, "hasil", { tahun: String(YEAR), kecamatan: city.kecamatanId, tabel: "opds", format: "xlsx" });
    const text = rowsOf(await sheetOf(withKecamatan.bytes))
      .map((row) => row.join(" "))
      .join("\n");
    expect(text).toMatch(/seluruh kota/i);
    expect(text).toContain("Realisasi (Rp)");

    const cityWide = await download(city, resultsExport, "hasil", { tahun: String(YEAR), tabel: "opds", format: "xlsx" });
    const cityWideSheet = await sheetOf(cityWide.bytes);
    const perReached = cellUnder(cityWideSheet, "Rp seluruh belanja per keluarga terjangkau", "Disnaker");
    if (typeof perReached.value === "number") expect(perReached.numFmt).toBe("#,##0");
    expect(cellUnder(cityWideSheet, "Realisasi (Rp)", "Disnaker").numFmt).toBe("#,##0");
    const plain = rowsOf(cityWideSheet)
      .map((row) => row.join(" "))
      .join("\n");
    expect(plain).not.toMatch(/seluruh kota/i);
  });

  it("write Rupiah with thousands, percentages with % and counts as integers, and no suppression note when nothing is hidden", async () => {
    const city = await cityWithFigures();
    const { bytes } = await download(city, budgetExport, "anggaran", { tahun: String(YEAR), tabel: "opds", format: "xlsx" });
    const sheet = await sheetOf(bytes);
    const pagu = cellUnder(sheet, "Pagu (Rp)", "Disnaker");
    expect(pagu.value).toBe(350_000_000);
    expect(pagu.numFmt).toBe("#,##0");
    const absorption = cellUnder(sheet, "Serapan", "Disnaker");
    expect(typeof absorption.value).toBe("number");
    expect(absorption.numFmt).toMatch(/%$/);
    const pending = cellUnder(sheet, "Draf", "Disnaker");
    expect(pending.numFmt).toBe("0");
    const text = rowsOf(sheet)
      .map((row) => row.join(" "))
      .join("\n");
    expect(text).not.toContain("<5");
    expect(text).not.toMatch(/disembunyikan|ditulis "<5"/);
  });

  it("write CSV with semicolons, a byte-order mark and percentages as 8,61", async () => {
    const city = await cityWithFigures();
    const { bytes } = await download(city, budgetExport, "anggaran", { tahun: String(YEAR), tabel: "opds", format: "csv" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const row = text.split("\r\n").find((line) => line.startsWith("Disnaker;"));
    expect(row).toBeDefined();
    const [, pagu, , absorption] = row!.split(";");
    expect(pagu).toBe("350000000");
    expect(absorption).toMatch(/^\d+,\d{2}$/);
    expect(text).not.toMatch(/\d\.\d/);
  });

  it("name only the filters a table follows: the table of every kecamatan names no kecamatan", async () => {
    const city = await cityWithFigures();
    const query = { tahun: String(YEAR), kecamatan: city.kecamatanId, format: "xlsx" };
    const byKecamatan = await download(city, statisticsExport, "statistik", { ...query, tabel: "kecamatan" });
    expect(byKecamatan.fileName).toBe(`${city.tenant.slug}-statistik-kecamatan-${YEAR}.xlsx`);
    expect(rowsOf(await sheetOf(byKecamatan.bytes))[0]!.join(" ")).not.toContain("Sekarbela");
    const series = await download(city, statisticsExport, "statistik", { ...query, tabel: "seri" });
    expect(series.fileName).toBe(`${city.tenant.slug}-statistik-seri-sekarbela.xlsx`);
  });

  it("give each table of each dashboard its own file name", async () => {
    const city = await cityWithFigures();
    const query = { tahun: String(YEAR), format: "xlsx" };
    const names = [
      (await download(city, budgetExport, "anggaran", { ...query, tabel: "opds" })).fileName,
      (await download(city, budgetExport, "anggaran", { ...query, tabel: "programmes" })).fileName,
      (await download(city, resultsExport, "hasil", { ...query, tabel: "opds" })).fileName,
      (await download(city, resultsExport, "hasil", { ...query, tabel: "programmes" })).fileName,
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});
