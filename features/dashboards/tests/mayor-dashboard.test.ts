import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FigureExportSpec } from "@/lib/spreadsheet/export";
import { figureExportRoute } from "@/lib/spreadsheet/routes";
import type { SessionUser } from "@/lib/auth/session-user";
import { sessionUser } from "@/tests/helpers/actions";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { resultsDashboardData, resultsTables } from "@/features/dashboards/results/tables";
import { pageAccess } from "@/lib/auth/gate";
import { budgetDashboardQueries as budget } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { JULY_2024, YEAR, buildFixture } from "@/features/dashboards/tests/mayor-dashboard-fixture";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
let fx: Awaited<ReturnType<typeof buildFixture>>;

const M = 1_000_000n;

// The tables' labels come from the catalogues; here the key stands for the label.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  fx = await t.withTenant(city.id, (tx) => buildFixture(tx, city));
  // Another city with the same shape: none of it may show up in the first city's figures.
  await t.withTenant(other.id, (tx) => buildFixture(tx, other));
});

afterAll(async () => {
  await t?.close();
});

describe("budget absorption", () => {
  it("totals count verified realisation only, with the fiscal incentive apart and drafts as pending", async () => {
    const s = await read((tx) => budget.summary(tx, all, JULY_2024));
    expect(s.total).toMatchObject({ pagu: 390n * M, realised: 155n * M, absorption: 39.74, expected: 50, gap: -10.26 });
    // A draft of 5 jt and a draft reversal of −40 jt await verification.
    expect(s.total).toMatchObject({ pendingCount: 2, pendingAmount: -35n * M });
    expect(s.fiscalIncentive).toMatchObject({ pagu: 200n * M, realised: 100n * M, absorption: 50, gap: 0 });
    expect(s.otherSources).toMatchObject({ pagu: 190n * M, realised: 55n * M, absorption: 28.95 });
    expect(s.programmesBehind).toBe(1);
  });

  it("by OPD, with each OPD's fiscal incentive", async () => {
    const rows = await read((tx) => budget.byOpd(tx, all, JULY_2024));
    expect(rows.map((r) => [r.opdShortName, r.pagu, r.realised, r.absorption, r.fiscalIncentivePagu, r.fiscalIncentiveRealised])).toEqual([
      ["Disnaker", 350n * M, 135n * M, 38.57, 200n * M, 100n * M],
      ["Dinsos", 40n * M, 20n * M, 50, 0n, 0n],
    ]);
  });

  it("by programme, most behind first, flagging those more than 15 points behind the calendar", async () => {
    const rows = await read((tx) => budget.byProgramme(tx, all, JULY_2024));
    expect(rows.map((r) => [r.programmeName, r.absorption, r.gap, r.behind])).toEqual([
      ["Bantuan Alat", 10, -40, true],
      ["Pelatihan Menjahit", 43.33, -6.67, false],
      ["Rumah Layak Huni", 50, 0, false],
    ]);
    // A past year is measured against the whole year: 43,33 % is then 56,67 points behind.
    const later = await read((tx) => budget.byProgramme(tx, all, { year: 2025, month: 3 }));
    expect(later.map((r) => [r.programmeName, r.expected, r.behind])).toEqual([
      ["Bantuan Alat", 100, true],
      ["Pelatihan Menjahit", 100, true],
      ["Rumah Layak Huni", 100, true],
    ]);
  });

  it("by funding source", async () => {
    const rows = await read((tx) => budget.bySource(tx, all, JULY_2024));
    expect(rows.map((r) => [r.fundingSource, r.pagu, r.realised, r.absorption])).toEqual([
      ["APBD", 100n * M, 30n * M, 30],
      ["FISCAL_INCENTIVE", 200n * M, 100n * M, 50],
      ["DAK", 50n * M, 5n * M, 10],
      ["CSR", 40n * M, 20n * M, 50],
    ]);
  });

  it("the monthly cumulative curve against the straight line; a verified reversal nets out its month", async () => {
    const curve = await read((tx) => budget.monthlyCurve(tx, all, JULY_2024));
    expect(curve).toHaveLength(12);
    expect(curve.slice(0, 7).map((p) => [p.month, p.realised, p.cumulative])).toEqual([
      [1, 15n * M, 15n * M],
      [2, 60n * M, 75n * M],
      [3, 20n * M, 95n * M],
      [4, 0n, 95n * M],
      [5, 40n * M, 135n * M],
      [6, 20n * M, 155n * M],
      [7, 0n, 155n * M],
    ]);
    expect(curve[5]).toMatchObject({ cumulativePct: 39.74, calendarPct: 50, elapsed: true });
    expect(curve[6]).toMatchObject({ elapsed: false });
    expect(curve[11]).toMatchObject({ calendarPct: 100, cumulative: 155n * M });
  });

  it("follows the OPD and programme filters and ignores the kecamatan", async () => {
    const dinsos = await read((tx) => budget.summary(tx, { ...all, opdId: fx.opdB }, JULY_2024));
    expect(dinsos.total).toMatchObject({ pagu: 40n * M, realised: 20n * M });
    const p1 = await read((tx) => budget.summary(tx, { ...all, programmeId: fx.p1 }, JULY_2024));
    expect(p1.total).toMatchObject({ pagu: 300n * M, realised: 130n * M, pendingCount: 2 });
    const kec = await read((tx) => budget.summary(tx, { ...all, kecamatanId: fx.kecamatan2 }, JULY_2024));
    expect(kec.total.realised).toBe(155n * M);
    const none = await read((tx) => budget.summary(tx, { ...all, year: 2030 }, JULY_2024));
    expect(none.total).toMatchObject({ pagu: 0n, realised: 0n, absorption: null, gap: null });
  });

  it("another city's ids match nothing", async () => {
    const otherOpd = await t.withTenant(other.id, (tx) => tx.opd.findFirstOrThrow({ where: { code: "1" }, select: { id: true } }));
    const s = await read((tx) => budget.summary(tx, { ...all, opdId: otherOpd.id }, JULY_2024));
    expect(s.total.pagu).toBe(0n);
  });
});

describe("results for the money", () => {
  it("city totals: only verified entries count, with the Rupiah per result", async () => {
    const total = await read((tx) => results.totals(tx, all));
    // Every programme of the fixture is a training programme: all its spending is training spending.
    // H6's graduation in February 2025 does not count in 2024.
    expect(total).toEqual({
      realised: 155n * M,
      trainingSpent: 155n * M,
      equipmentSpent: 0n,
      trained: 3,
      equipped: 0,
      reached: 5,
      businesses: 1,
      graduates: 1,
      perTrained: 51_666_667n,
      perEquipped: null,
      perReached: 31n * M,
    });
  });

  it("by OPD counts each household once across its programmes", async () => {
    const rows = await read((tx) => results.byOpd(tx, all));
    expect(rows.map((r) => [r.opdShortName, r.realised, r.trained, r.reached, r.businesses, r.graduates, r.perReached])).toEqual([
      ["Disnaker", 135n * M, 3, 5, 1, 1, 27n * M],
      ["Dinsos", 20n * M, 0, 1, 0, 0, 20n * M],
    ]);
  });

  it("by programme", async () => {
    const rows = await read((tx) => results.byProgramme(tx, all));
    expect(rows.map((r) => [r.programmeName, r.realised, r.trained, r.reached, r.businesses, r.graduates, r.perTrained, r.perReached])).toEqual([
      ["Bantuan Alat", 5n * M, 0, 3, 0, 1, null, 1_666_667n],
      ["Pelatihan Menjahit", 130n * M, 3, 3, 1, 1, 43_333_333n, 43_333_333n],
      ["Rumah Layak Huni", 20n * M, 0, 1, 0, 0, null, 20n * M],
    ]);
  });

  it("a kecamatan filter narrows the households and withholds the Rupiah per result", async () => {
    const first = await read((tx) => results.totals(tx, { ...all, kecamatanId: city.kecamatanId }));
    expect(first).toMatchObject({ trained: 2, reached: 4, businesses: 1, graduates: 1, perTrained: null, perReached: null });
    const second = await read((tx) => results.totals(tx, { ...all, kecamatanId: fx.kecamatan2 }));
    expect(second).toMatchObject({ trained: 1, reached: 1, businesses: 0, graduates: 0 });
  });

  it("the households reached alone (the home's headline) equal the totals', under every filter", async () => {
    const rows = await read((tx) => results.byProgramme(tx, all));
    const opds = await read((tx) => results.byOpd(tx, all));
    const filters = [
      all,
      { ...all, kecamatanId: city.kecamatanId },
      { ...all, kecamatanId: fx.kecamatan2 },
      ...opds.map((row) => ({ ...all, opdId: row.opdId })),
      ...rows.map((row) => ({ ...all, programmeId: row.programmeId })),
    ];
    for (const filter of filters) {
      const [reached, totals] = await read((tx) => Promise.all([results.reached(tx, filter), results.totals(tx, filter)]));
      expect(reached, JSON.stringify(filter)).toBe(totals.reached);
    }
  });

  it("rows carry aggregates only: no names, NIK, No. KK or household ids", async () => {
    const rows = await read(async (tx) => [
      await results.totals(tx, all),
      ...(await results.byOpd(tx, all)),
      ...(await results.byProgramme(tx, all)),
      ...(await budget.byProgramme(tx, all, JULY_2024)),
    ]);
    const keys = new Set(rows.flatMap((row) => Object.keys(row)));
    for (const key of keys) expect(key).not.toMatch(/nik|noKk|household(Id)?$|memberId|^name$|address/i);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/Kepala H|Istri H/);
  });
});

describe("the result summaries follow every write", () => {
  type Snapshot = unknown[];
  const snapshot = (tx: Tx): Promise<Snapshot> =>
    Promise.all([
      tx.$queryRaw`SELECT "fiscalYear", "programmeId", "opdId", "householdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries FROM "HouseholdReach" ORDER BY 1, 2, 3, 4`,
      tx.$queryRaw`SELECT "programmeId", "kecamatanId", "trained", "businesses" FROM "DashboardTrainingCount" WHERE "trained" <> 0 OR "businesses" <> 0 ORDER BY 1, 2`,
      // The counts derived from HouseholdReach (prisma/sql/summaries/reach-counts.sql); zero rows never stay.
      tx.$queryRaw`SELECT "fiscalYear", "householdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated,
                          "equippingProgrammeIds", "equippingOwnerOpdIds" FROM "HouseholdYearReach" ORDER BY 1, 2`,
      tx.$queryRaw`SELECT "fiscalYear", kind, key, "kecamatanId", reached, graduates, equipped FROM "ReachResultCount" ORDER BY 1, 2, 3, 4`,
      tx.$queryRaw`SELECT "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households FROM "ReachAreaCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      tx.$queryRaw`SELECT "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households FROM "ReachOpdCount" ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
      tx.$queryRaw`SELECT "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households FROM "ReachProgrammeCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    ]);
  /** The incremental summaries equal the ones recomputed from the entries. */
  async function expectConsistent(tenantId: string) {
    await t.withTenant(tenantId, async (tx) => {
      const incremental = await snapshot(tx);
      await tx.$executeRaw`SELECT entas_dash_rebuild(${tenantId})`;
      expect(incremental).toEqual(await snapshot(tx));
    });
  }

  it("verifying, reversing, a later graduation, a follow-up, a move and a programme changing OPD", async () => {
    const town = await createTestTenant(t.db, t.withTenant);
    const f = await t.withTenant(town.id, (tx) => buildFixture(tx, town));
    await expectConsistent(town.id);
    const figures = () => t.withTenant(town.id, (tx) => Promise.all([results.totals(tx, all), results.byOpd(tx, all), results.byProgramme(tx, all)]));

    await t.withTenant(town.id, async (tx) => {
      // H7's draft aid is verified: P2 and Disnaker reach one more household.
      await tx.aidDistribution.updateMany({ where: { status: "DRAFT", reversesId: null }, data: { status: "VERIFIED" } });
      // H6's draft reversal is verified: H6 is no longer reached (nor counted as a graduate).
      await tx.aidDistribution.updateMany({ where: { status: "DRAFT" }, data: { status: "VERIFIED" } });
    });
    let [total, opds, programmes] = await figures();
    expect(total).toMatchObject({ reached: 5, graduates: 1 });
    expect(programmes.find((p) => p.programmeId === f.p2)).toMatchObject({ reached: 3, graduates: 1 });

    await t.withTenant(town.id, async (tx) => {
      const h2 = await tx.trainingParticipant.findFirstOrThrow({ where: { completion: "COMPLETED", followUps: { some: { outcome: "EMPLOYED" } } } });
      await tx.trainingFollowUp.updateMany({ where: { participantId: h2.id }, data: { outcome: "BUSINESS_OPENED" } });
      await tx.householdStatusEvent.create({
        data: {
          tenantId: town.id,
          householdId: h2.householdId,
          toStatus: "GRADUATED",
          toExtremePoor: false,
          effectiveDate: new Date("2024-11-01"),
          reason: "Uji",
          source: "MANUAL",
        },
      });
      // The trained household in the second kecamatan moves to the first.
      await tx.household.updateMany({ where: { kecamatanId: f.kecamatan2 }, data: { kecamatanId: town.kecamatanId } });
      await tx.programme.update({ where: { tenantId_id: { tenantId: town.id, id: f.p3 } }, data: { opdId: f.opdA } });
    });
    [total, opds, programmes] = await figures();
    expect(total).toMatchObject({ trained: 3, reached: 5, businesses: 2, graduates: 2 });
    expect(opds.map((o) => [o.opdShortName, o.reached, o.graduates])).toEqual([["Disnaker", 5, 2]]);
    const second = await t.withTenant(town.id, (tx) => results.totals(tx, { ...all, kecamatanId: f.kecamatan2 }));
    expect(second).toMatchObject({ trained: 0, reached: 0 });
    await expectConsistent(town.id);

    // The training is cancelled: nobody counts as trained by it; H2 and H8 were reached by it
    // alone, H1 keeps its aid.
    await t.withTenant(town.id, (tx) => tx.training.updateMany({ data: { cancelledAt: new Date("2024-08-01"), cancelReason: "Uji" } }));
    [total, opds, programmes] = await figures();
    expect(total).toMatchObject({ trained: 0, businesses: 0, reached: 3, graduates: 1 });
    expect(programmes.find((p) => p.programmeId === f.p1)).toMatchObject({ trained: 0, reached: 0 });
    await expectConsistent(town.id);

    // Bantuan Alat moves to 2025 and takes H1, H4 and H7 along; H4 stays reached in 2024 by Rumah Layak Huni.
    await t.withTenant(town.id, (tx) => tx.programme.update({ where: { tenantId_id: { tenantId: town.id, id: f.p2 } }, data: { fiscalYear: 2025 } }));
    [total] = await figures();
    expect(total).toMatchObject({ reached: 1, graduates: 0 });
    expect(await t.withTenant(town.id, (tx) => results.totals(tx, { ...all, year: 2025 }))).toMatchObject({ reached: 3 });
    await expectConsistent(town.id);
  });
});

describe("results tables", () => {
  it("hide counts of 1–4, a count that would give one back, and the Rupiah per result computed over them; carry no personal columns", async () => {
    const tables = await resultsTables(await read((tx) => resultsDashboardData(tx, all)));
    const programmes = tables.programmes;
    const sewing = programmes.rows.find((row) => row.programme === "Pelatihan Menjahit");
    expect(sewing).toMatchObject({ realised: 130_000_000, trained: "<5", perTrained: "*", reached: "<5", perReached: "*", businesses: "<5", graduates: "<5" });
    expect(programmes.rows.find((row) => row.programme === "Rumah Layak Huni")).toMatchObject({ trained: 0, perTrained: null, graduates: 0 });
    const opds = tables.opds;
    // Dinsos reached fewer than five: Disnaker's five is hidden too, or the two would give it back.
    expect(opds.rows.find((row) => row.opd === "Dinsos")).toMatchObject({ reached: "<5", perReached: "*", trained: 0 });
    expect(opds.rows.find((row) => row.opd === "Disnaker")).toMatchObject({ realised: 135_000_000, reached: "*", perReached: "*" });
    for (const table of Object.values(tables)) {
      for (const column of table.columns) expect(column.key).not.toMatch(/nik|noKk|name|address|household(Id)?$/i);
    }
    // Each figure's name and definition travel with the table into its export.
    for (const table of [tables.opds, tables.programmes]) {
      expect(table.definitions).toEqual(["realised", "trained", "equipped", "reached", "businesses", "graduates"].map((key) => `${key}: ${key}`));
    }
    // The SIPD groups show spending and what adds up across programmes (people trained, businesses), not households.
    for (const table of [tables.sipdProgrammes, tables.sipdKegiatan]) {
      expect(table.columns.map((column) => column.key)).toEqual([
        "code",
        "programmes",
        "realised",
        "trainingSpent",
        "equipmentSpent",
        "trained",
        "perTrained",
        "businesses",
      ]);
      expect(table.definitions).toEqual(["realised: realised", "trained: trained", "businesses: businesses", "sipdTerm: sipdDefinition"]);
    }
  });
});

describe("the export route", () => {
  const spec: FigureExportSpec = {
    page: "resultsDashboard",
    entity: "Dashboard",
    build: async (tx, { search }) => {
      if (search.get("tabel") !== "programmes") return null;
      const table = (await resultsTables(await resultsDashboardData(tx, all))).programmes;
      return {
        tables: [table],
        fileName: "kota-programmes-2024",
        entityId: "resultsDashboard/programmes",
        audit: { rows: table.rows.length },
        heading: ["Hasil"],
        suppressionNote: "disembunyikan",
      };
    },
  };
  const get = (user: SessionUser | null, query: string) =>
    callRoute(figureExportRoute(spec), routeDeps(t, user), `http://localhost/${city.slug}/dasbor/hasil/ekspor?${query}`, { tenant: city.slug });

  it("gives the mayor's office the table with small cells hidden, named and audited", async () => {
    const mayor = sessionUser(city, "MAYOR_OFFICE");
    const response = await get(mayor, "tabel=programmes&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="kota-programmes-2024.csv"');
    const csv = await response.text();
    expect(csv).toMatch(/^Hasil\r\n\r\nprogramme;opd;/);
    expect(csv.split("\r\n").find((line) => line.startsWith("Pelatihan Menjahit"))).toContain("<5");
    expect(csv).toContain("disembunyikan");
    expect(
      await read((tx) => tx.auditLog.count({ where: { action: "export", entity: "Dashboard", entityId: "resultsDashboard/programmes", userId: mayor.id } })),
    ).toBe(1);
  });

  it("is not found for a role without the page, another city's reader, or an unknown table", async () => {
    expect((await get(sessionUser(city, "OPD_STAFF"), "tabel=programmes&format=csv")).status).toBe(404);
    expect((await get(sessionUser(other, "MAYOR_OFFICE"), "tabel=programmes&format=csv")).status).toBe(404);
    expect((await get(sessionUser(city, "MAYOR_OFFICE"), "tabel=nope&format=csv")).status).toBe(404);
    expect((await get(sessionUser(city, "MAYOR_OFFICE"), "tabel=programmes&format=pdf")).status).toBe(404);
  });
});

describe("who may open the dashboards", () => {
  const roles: Role[] = ["CITY_ADMIN", "OPD_STAFF", "OPD_HEAD", "BAPEDA", "MAYOR_OFFICE", "KELURAHAN", "AUDITOR"];
  it("the mayor's office, Bapeda and the auditor of the city; anyone else, or of another city, gets not-found", () => {
    for (const page of ["budgetDashboard", "resultsDashboard"] as const) {
      const allowed = roles.filter((role) => pageAccess({ role, tenantSlug: "mataram" }, "mataram", page) === "allow");
      expect(allowed).toEqual(["BAPEDA", "MAYOR_OFFICE", "AUDITOR"]);
      expect(pageAccess({ role: "MAYOR_OFFICE", tenantSlug: "kupang" }, "mataram", page)).toBe("not-found");
    }
  });
});
