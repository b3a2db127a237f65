// The budget and results dashboards by SIPD programme and kegiatan: the groups part the
// programmes by their code's prefix (the programmes without a code in a group of their own), so
// they add up to the dashboard's totals; the "sipd" filter narrows every figure to the programmes
// whose code starts with it; the grouped tables go into the exports.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { budgetDashboardExport } from "@/features/dashboards/budget/export";
import { budgetDashboardQueries as budget } from "@/features/dashboards/budget/queries";
import { dashboardExportRoute } from "@/features/dashboards/export-route";
import { exportLinks } from "@/features/dashboards/export-links";
import { dashboardFilterOptions } from "@/features/dashboards/filter-options";
import { parseDashboardFilters, type DashboardFilters } from "@/features/dashboards/filters";
import { resultsDashboardExport } from "@/features/dashboards/results/export";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import { resultsDashboardData, resultsTables } from "@/features/dashboards/results/tables";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { fiscalYearsOf } from "@/lib/calendar/city-fiscal-year";
import type { Tx } from "@/lib/db";
import type { FundingSource, ProgrammeKind } from "@/lib/generated/prisma/enums";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";

// The tables' labels come from the catalogues; here the key stands for the label.
vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));

const M = 1_000_000n;
const YEAR = 2024;
const JULY_2024 = { year: 2024, month: 7 };
const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
const only = (sipdCode: string): DashboardFilters => ({ ...all, sipdCode });

let t: TestDb;
let city: TestTenant;
let other: TestTenant;

/**
 * Programme 1.06.04 with two kegiatan (2.01: A and B; 2.02: C), programme 1.07.02 (E), one
 * programme without a code (D), and a programme of another year with a code of 2.01 (F):
 *
 *   A 1.06.04.2.01.0001 TRAINING     APBD pagu 100 jt, 30 jt verified + 5 jt draft; trains nobody
 *   B 1.06.04.2.01.0002 CAPITAL_AID  DAK  pagu  50 jt, 20 jt verified; aid to H1, H2
 *   C 1.06.04.2.02.0001 HOUSING      APBD pagu  80 jt, 10 jt verified; aid to H2, H3 (H3 graduates in 2024)
 *   D (no code)         TRAINING     APBD pagu  40 jt, 40 jt verified
 *   E 1.07.02.2.03.0001 CAPITAL_AID  APBD pagu  30 jt,  6 jt verified; aid to H1
 *   F 1.06.04.2.01.0001 (2023)       APBD pagu 999 jt, 999 jt verified: never in 2024
 */
async function buildCity(tx: Tx, tenant: TestTenant) {
  const tenantId = tenant.id;
  const opdA = (await tx.opd.create({ data: { tenantId, code: "1", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
  const opdB = (await tx.opd.create({ data: { tenantId, code: "2", name: "Dinas Sosial", shortName: "Dinsos" } })).id;
  const programme = async (opdId: string, name: string, kind: ProgrammeKind, sipdCode: string | null, fiscalYear = YEAR) =>
    (await tx.programme.create({ data: { tenantId, opdId, fiscalYear, name, kind, sipdCode } })).id;
  const line = async (programmeId: string, fundingSource: FundingSource, pagu: bigint, verified: bigint, draft = 0n) => {
    const budgetLineId = (await tx.budgetLine.create({ data: { tenantId, programmeId, fundingSource, pagu, description: "Belanja" } })).id;
    await tx.budgetRealisation.create({ data: { tenantId, budgetLineId, month: 3, amount: verified, status: "VERIFIED" } });
    if (draft) await tx.budgetRealisation.create({ data: { tenantId, budgetLineId, month: 4, amount: draft, status: "DRAFT" } });
  };
  const a = await programme(opdA, "Pelatihan Menjahit", "TRAINING", "1.06.04.2.01.0001");
  const b = await programme(opdA, "Modal Usaha", "CAPITAL_AID", "1.06.04.2.01.0002");
  const c = await programme(opdB, "Rumah Layak Huni", "HOUSING", "1.06.04.2.02.0001");
  const d = await programme(opdB, "Pelatihan Tanpa Kode", "TRAINING", null);
  const e = await programme(opdB, "Alat Nelayan", "CAPITAL_AID", "1.07.02.2.03.0001");
  const f = await programme(opdA, "Tahun Lalu", "TRAINING", "1.06.04.2.01.0001", 2023);
  await line(a, "APBD", 100n * M, 30n * M, 5n * M);
  await line(b, "DAK", 50n * M, 20n * M);
  await line(c, "APBD", 80n * M, 10n * M);
  await line(d, "APBD", 40n * M, 40n * M);
  await line(e, "APBD", 30n * M, 6n * M);
  await line(f, "APBD", 999n * M, 999n * M);

  const house = async () => (await makeHousehold(tx, tenant, { members: [{ name: "Kepala" }] })).household.id;
  const [h1, h2, h3] = [await house(), await house(), await house()];
  const aid = (programmeId: string, opdId: string, householdId: string, kind: "CAPITAL" | "HOUSING") =>
    tx.aidDistribution.create({
      data: { tenantId, programmeId, opdId, householdId, kind, items: "Uji", value: 1n * M, status: "VERIFIED", distributedAt: new Date("2024-05-01") },
    });
  await aid(b, opdA, h1, "CAPITAL");
  await aid(b, opdA, h2, "CAPITAL");
  await aid(c, opdB, h2, "HOUSING");
  await aid(c, opdB, h3, "HOUSING");
  await aid(e, opdB, h1, "CAPITAL");
  await tx.householdStatusEvent.create({
    data: {
      tenantId,
      householdId: h3,
      fromStatus: "ACTIVE",
      toStatus: "GRADUATED",
      fromExtremePoor: false,
      toExtremePoor: false,
      effectiveDate: new Date("2024-09-01"),
      reason: "Uji",
      source: "MANUAL",
    },
  });
  return { opdA, opdB };
}

let fx: Awaited<ReturnType<typeof buildCity>>;
const read = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  fx = await t.withTenant(city.id, (tx) => buildCity(tx, city));
  // Another city of the same shape: none of it may show up in the first city's groups.
  await t.withTenant(other.id, (tx) => buildCity(tx, other));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const sums = (rows: { pagu: bigint; realised: bigint; pendingCount: number; pendingAmount: bigint }[]) => ({
  pagu: rows.reduce((s, r) => s + r.pagu, 0n),
  realised: rows.reduce((s, r) => s + r.realised, 0n),
  pendingCount: rows.reduce((s, r) => s + r.pendingCount, 0),
  pendingAmount: rows.reduce((s, r) => s + r.pendingAmount, 0n),
});

describe("budget absorption by SIPD code", () => {
  it("groups by programme code, the programmes without a code last, with the sums made by hand", async () => {
    const rows = await read((tx) => budget.bySipdProgramme(tx, all, JULY_2024));
    expect(rows.map((r) => [r.code, r.programmes, r.pagu, r.realised, r.absorption])).toEqual([
      ["1.06.04", 3, 230n * M, 60n * M, 26.09],
      ["1.07.02", 1, 30n * M, 6n * M, 20],
      [null, 1, 40n * M, 40n * M, 100],
    ]);
  });

  it("groups by kegiatan code: the two kegiatan of 1.06.04 apart", async () => {
    const rows = await read((tx) => budget.bySipdKegiatan(tx, all, JULY_2024));
    expect(rows.map((r) => [r.code, r.programmes, r.pagu, r.realised, r.pendingCount, r.pendingAmount])).toEqual([
      ["1.06.04.2.01", 2, 150n * M, 50n * M, 1, 5n * M],
      ["1.06.04.2.02", 1, 80n * M, 10n * M, 0, 0n],
      ["1.07.02.2.03", 1, 30n * M, 6n * M, 0, 0n],
      [null, 1, 40n * M, 40n * M, 0, 0n],
    ]);
  });

  it("adds up to the dashboard's totals at both levels, with and without filters", async () => {
    for (const filters of [all, only("1.06.04"), only("1.06.04.2.01"), { ...all, opdId: fx.opdB }]) {
      const [summary, byProgramme, byKegiatan] = await read((tx) =>
        Promise.all([budget.summary(tx, filters, JULY_2024), budget.bySipdProgramme(tx, filters, JULY_2024), budget.bySipdKegiatan(tx, filters, JULY_2024)]),
      );
      const total = {
        pagu: summary.total.pagu,
        realised: summary.total.realised,
        pendingCount: summary.total.pendingCount,
        pendingAmount: summary.total.pendingAmount,
      };
      expect(sums(byProgramme)).toEqual(total);
      expect(sums(byKegiatan)).toEqual(total);
    }
    const summary = await read((tx) => budget.summary(tx, all, JULY_2024));
    expect(summary.total).toMatchObject({ pagu: 300n * M, realised: 106n * M });
  });

  it("the SIPD filter narrows every figure to the programmes whose code starts with it", async () => {
    const [programme, kegiatan, other] = await read((tx) =>
      Promise.all([
        budget.summary(tx, only("1.06.04"), JULY_2024),
        budget.summary(tx, only("1.06.04.2.01"), JULY_2024),
        budget.summary(tx, only("1.06.05"), JULY_2024),
      ]),
    );
    expect(programme.total).toMatchObject({ pagu: 230n * M, realised: 60n * M });
    expect(kegiatan.total).toMatchObject({ pagu: 150n * M, realised: 50n * M });
    expect(other.total).toMatchObject({ pagu: 0n, realised: 0n });
    const names = await read((tx) => budget.byProgramme(tx, only("1.06.04.2.01"), JULY_2024));
    expect(names.map((r) => r.programmeName).sort()).toEqual(["Modal Usaha", "Pelatihan Menjahit"]);
    const byOpd = await read((tx) => budget.byOpd(tx, only("1.06.04.2.02"), JULY_2024));
    expect(byOpd.map((r) => [r.opdShortName, r.pagu])).toEqual([["Dinsos", 80n * M]]);
    const curve = await read((tx) => budget.monthlyCurve(tx, only("1.06.04"), JULY_2024));
    expect(curve.find((p) => p.month === 3)?.realised).toBe(60n * M);
    const groups = await read((tx) => budget.bySipdKegiatan(tx, only("1.06.04"), JULY_2024));
    expect(groups.map((r) => r.code)).toEqual(["1.06.04.2.01", "1.06.04.2.02"]);
  });
});

describe("results by SIPD code", () => {
  it("groups the spending, which adds up to the totals", async () => {
    const [totals, byProgramme, byKegiatan] = await read((tx) =>
      Promise.all([results.totals(tx, all), results.bySipdProgramme(tx, all), results.bySipdKegiatan(tx, all)]),
    );
    expect(byProgramme.map((r) => [r.code, r.programmes, r.realised, r.trainingSpent, r.equipmentSpent])).toEqual([
      ["1.06.04", 3, 60n * M, 30n * M, 20n * M],
      ["1.07.02", 1, 6n * M, 0n, 6n * M],
      [null, 1, 40n * M, 40n * M, 0n],
    ]);
    expect(byKegiatan.map((r) => [r.code, r.realised])).toEqual([
      ["1.06.04.2.01", 50n * M],
      ["1.06.04.2.02", 10n * M],
      ["1.07.02.2.03", 6n * M],
      [null, 40n * M],
    ]);
    expect(totals).toMatchObject({ realised: 106n * M, trainingSpent: 70n * M, equipmentSpent: 26n * M });
    for (const rows of [byProgramme, byKegiatan]) {
      expect(rows.reduce((s, r) => s + r.realised, 0n)).toBe(totals.realised);
      expect(rows.reduce((s, r) => s + r.trainingSpent, 0n)).toBe(totals.trainingSpent);
      expect(rows.reduce((s, r) => s + r.equipmentSpent, 0n)).toBe(totals.equipmentSpent);
    }
  });

  it("under the SIPD filter counts households once across the code's programmes", async () => {
    const figures = (filters: DashboardFilters) => read((tx) => results.totals(tx, filters));
    // All: H1, H2, H3 reached; H1 and H2 by capital aid; H3 graduated.
    expect(await figures(all)).toMatchObject({ realised: 106n * M, reached: 3, equipped: 2, graduates: 1 });
    // 1.06.04: B and C reach H1, H2, H3 (H2 twice: once); B equips H1 and H2.
    expect(await figures(only("1.06.04"))).toMatchObject({
      realised: 60n * M,
      trainingSpent: 30n * M,
      equipmentSpent: 20n * M,
      reached: 3,
      equipped: 2,
      graduates: 1,
    });
    expect(await figures(only("1.06.04.2.02"))).toMatchObject({ realised: 10n * M, reached: 2, equipped: 0, graduates: 1 });
    expect(await figures(only("1.07.02"))).toMatchObject({ realised: 6n * M, reached: 1, equipped: 1, graduates: 0 });
    // By OPD under the filter: each OPD's households of the code's programmes only.
    const byOpd = await read((tx) => results.byOpd(tx, only("1.06.04")));
    expect(byOpd.map((r) => [r.opdShortName, r.reached, r.equipped, r.graduates])).toEqual([
      ["Disnaker", 2, 2, 0],
      ["Dinsos", 2, 0, 1],
    ]);
    const byProgramme = await read((tx) => results.byProgramme(tx, only("1.06.04.2.01")));
    expect(byProgramme.map((r) => [r.programmeName, r.reached])).toEqual([
      ["Modal Usaha", 2],
      ["Pelatihan Menjahit", 0],
    ]);
  });

  it("the grouped tables hold no household counts, with the totals' money in their total row", async () => {
    const tables = await resultsTables(await read((tx) => resultsDashboardData(tx, all)));
    const table = tables.sipdKegiatan;
    expect(table.columns.map((c) => c.key)).toEqual([
      "code",
      "programmes",
      "realised",
      "trainingSpent",
      "equipmentSpent",
      "trained",
      "perTrained",
      "businesses",
    ]);
    expect(table.rows.map((r) => [r.code, r.realised])).toEqual([
      ["1.06.04.2.01", 50_000_000],
      ["1.06.04.2.02", 10_000_000],
      ["1.07.02.2.03", 6_000_000],
      ["sipdNoCode", 40_000_000],
    ]);
    expect(table.total).toMatchObject({ code: "total", programmes: 5, realised: 106_000_000, trainingSpent: 70_000_000, equipmentSpent: 26_000_000 });
  });
});

describe("the SIPD filter", () => {
  it("is read from the URL by format, spaces squeezed, anything else is no filter", () => {
    const read = (sipd: string) => parseDashboardFilters({ sipd }, YEAR).sipdCode;
    expect(read("1.06.04")).toBe("1.06.04");
    expect(read(" 1.06.04 .2.01 ")).toBe("1.06.04.2.01");
    for (const bad of ["1.06", "1.06.0", "1.06.04.2", "1.06.04.2.01.0001", "x.06.04", "1.06.04;DROP"]) expect(read(bad)).toBeNull();
    expect(parseDashboardFilters({}, YEAR).sipdCode).toBeNull();
  });

  it("is kept in export links, and offered as the year's programme and kegiatan codes", async () => {
    expect(exportLinks("/kota/dasbor/anggaran/ekspor", only("1.06.04.2.01"), "sipdKegiatan").csv).toContain("sipd=1.06.04.2.01");
    const options = await read((tx) => dashboardFilterOptions(tx, all, fiscalYearsOf(YEAR, 2023)));
    expect(options.sipdCodes.map((c) => [c.id, c.level])).toEqual([
      ["1.06.04", "programme"],
      ["1.06.04.2.01", "kegiatan"],
      ["1.06.04.2.02", "kegiatan"],
      ["1.07.02", "programme"],
      ["1.07.02.2.03", "kegiatan"],
    ]);
    const ofOpd = await read((tx) => dashboardFilterOptions(tx, { ...all, opdId: fx.opdA }, fiscalYearsOf(YEAR, 2023)));
    expect(ofOpd.sipdCodes.map((c) => c.id)).toEqual(["1.06.04", "1.06.04.2.01"]);
  });
});

describe("the exports", () => {
  const mayor = () => sessionUser(city, "MAYOR_OFFICE");

  it("write the grouped table, following the SIPD filter", async () => {
    const route = dashboardExportRoute(budgetDashboardExport);
    const response = await callRoute(
      route,
      routeDeps(t, mayor()),
      `http://localhost/${city.slug}/dasbor/anggaran/ekspor?tahun=${YEAR}&sipd=1.06.04&tabel=sipdKegiatan&format=csv`,
      {
        tenant: city.slug,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("sipdkegiatan-2024-1-06-04");
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toContain("filters.sipd 1.06.04");
    const row = (code: string) => lines.find((line) => line.startsWith(`${code};`));
    expect(row("1.06.04.2.01")).toMatch(/^1\.06\.04\.2\.01;2;150000000;50000000;/);
    expect(row("1.06.04.2.02")).toMatch(/^1\.06\.04\.2\.02;1;80000000;10000000;/);
    expect(row("1.07.02.2.03")).toBeUndefined();
    expect(row("total")).toMatch(/^total;3;230000000;60000000;/);
  });

  it("put both grouped tables in the dashboards' workbooks", async () => {
    const context = { user: mayor() as TenantSessionUser, filters: all, locale: "id" as const };
    const budgetTables = await read((tx) => budgetDashboardExport.workbook!.tables(tx, context));
    expect(budgetTables.map((table) => table.id)).toEqual(expect.arrayContaining(["sipdProgrammes", "sipdKegiatan"]));
    const grouped = budgetTables.find((table) => table.id === "sipdProgrammes")!;
    expect(grouped.rows.map((r) => [r.code, r.pagu, r.realised])).toEqual([
      ["1.06.04", 230_000_000, 60_000_000],
      ["1.07.02", 30_000_000, 6_000_000],
      ["sipd.noCode", 40_000_000, 40_000_000],
    ]);
    expect(grouped.total).toMatchObject({ pagu: 300_000_000, realised: 106_000_000 });
    const resultTables = await read((tx) => resultsDashboardExport.workbook!.tables(tx, context));
    expect(resultTables.map((table) => table.id)).toEqual(expect.arrayContaining(["sipdProgrammes", "sipdKegiatan"]));
    expect((await resultsDashboardExport.workbook!.definitions(context)).map((d) => d.term)).toContain("sipdTerm");
  });
});
