// The city's public page: closed by default and then indistinguishable from no city at all,
// open to anyone once the city admin opens it, its figures the dashboards' own, and no count
// of fewer than ten households shown or recoverable from what is shown.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { budgetDashboardQueries as budget } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { povertyDashboardQueries as poverty } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import { JULY_2024, YEAR, buildFixture } from "@/features/dashboards/tests/mayor-dashboard-fixture";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";
import { runAction } from "@/lib/actions/run";
import { ROLES } from "@/tests/helpers/matrix-subjects";
import type { ScopedClient, Tx } from "@/lib/db";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { knowledgeOf, recoverableCells } from "@/tests/helpers/table-attack";
import { switchPublicPageDefinition } from "@/features/public-page/action-definitions";
import { forgetPublicFigures, loadPublicFigures, openPublicCity, publicFigures, type PublicFigures } from "@/features/public-page/figures";
import { PUBLIC_SMALL_CELL_THRESHOLD, publicKecamatanTable, publicReachedCell } from "@/features/public-page/tables";

const NOT_FOUND = "NEXT_NOT_FOUND (test)";
const outside = vi.hoisted(() => ({
  db: null as ScopedClient | null,
  withTenant: null as null | (<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: { readOnly?: boolean }) => Promise<T>),
  reads: 0,
}));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// No cookie at all: a visitor who has never signed in.
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND (test)");
  },
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => {
    throw new Error("the public page asked for a session");
  },
  endCurrentSession: async () => {},
}));
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  db: new Proxy({}, { get: (_target, property) => Reflect.get(outside.db!, property, outside.db) }),
  withTenantReport: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => {
    outside.reads += 1;
    return outside.withTenant!(tenantId, fn, { readOnly: true });
  },
}));

const { default: PublicCityPage, generateMetadata } = await import("@/app/publik/[city]/page");

let t: TestDb;
let city: TestTenant;
let closed: TestTenant;
let smallKecamatan: string;
let sevenKecamatan: string;

const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
const open = (slug: string) => PublicCityPage({ params: Promise.resolve({ city: slug }) });
const outcome = (slug: string) =>
  open(slug).then(
    () => "found",
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
const setOpen = (tenantId: string, enabled: boolean) =>
  t.withPlatform((tx) => tx.tenant.update({ where: { id: tenantId }, data: { publicPageEnabled: enabled } }));

beforeAll(async () => {
  t = await openTestDb();
  outside.db = t.db;
  outside.withTenant = t.withTenant;
  city = await createTestTenant(t.db, t.withTenant);
  closed = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    const fx = await buildFixture(tx, city);
    // The first kecamatan: 7 of the fixture's households, 25 more extreme-poor ones (12 reached
    // by a verified aid entry of 2024) and 15 that are not extreme-poor. The fixture's second
    // kecamatan holds one household: a cell under ten, in every column.
    for (let i = 0; i < 40; i += 1) {
      const extreme = i < 25;
      const { household } = await makeHousehold(tx, city, extreme ? {} : { desil: 5, isExtremePoor: false });
      if (i < 12)
        await tx.aidDistribution.create({
          data: {
            tenantId: city.id,
            programmeId: fx.p3,
            opdId: fx.opdB,
            householdId: household.id,
            kind: "EQUIPMENT",
            items: "1 gerobak",
            value: 1_000_000n,
            status: "VERIFIED",
            distributedAt: new Date("2024-05-01"),
          },
        });
    }
    smallKecamatan = fx.kecamatan2;
    // A third kecamatan of 14 households, 11 of them extreme-poor.
    const third = await addKelurahan(tx, city, "Kelurahan Tiga");
    await tx.area.updateMany({ where: { id: third.kecamatanId }, data: { name: "Kecamatan Tiga" } });
    for (let i = 0; i < 14; i += 1) await makeHousehold(tx, city, { ...third, ...(i < 11 ? {} : { desil: 6, isExtremePoor: false }) });
    // A fourth of 7 households, 5 extreme-poor: over the dashboards' threshold, under the page's.
    const fourth = await addKelurahan(tx, city, "Kelurahan Empat");
    await tx.area.updateMany({ where: { id: fourth.kecamatanId }, data: { name: "Kecamatan Empat" } });
    sevenKecamatan = fourth.kecamatanId;
    for (let i = 0; i < 7; i += 1) await makeHousehold(tx, city, { ...fourth, ...(i < 5 ? {} : { desil: 6, isExtremePoor: false }) });
  });
  await t.withTenant(closed.id, (tx) => buildFixture(tx, closed));
});

afterAll(async () => {
  await t?.close();
});

describe("the public page's door", () => {
  it("is closed by default: a city's page and a slug that names no city answer alike, not found", async () => {
    expect(await openPublicCity(closed.slug)).toBeNull();
    expect(await outcome(closed.slug)).toBe(NOT_FOUND);
    expect(await outcome("kota-yang-tidak-ada")).toBe(NOT_FOUND);
    expect(await outcome("Bukan Slug!")).toBe(NOT_FOUND);
    expect(await generateMetadata({ params: Promise.resolve({ city: closed.slug }) })).toEqual(
      await generateMetadata({ params: Promise.resolve({ city: "kota-yang-tidak-ada" }) }),
    );
  });

  it("opens to a visitor with no cookie and no session once the city admin opens it, and closes again", async () => {
    await setOpen(city.id, true);
    expect(await outcome(city.slug)).toBe("found");
    expect(await generateMetadata({ params: Promise.resolve({ city: city.slug }) })).toEqual({ title: "title" });
    // The other city stays closed.
    expect(await outcome(closed.slug)).toBe(NOT_FOUND);
    await setOpen(city.id, false);
    expect(await outcome(city.slug)).toBe(NOT_FOUND);
  });

  it("reads a city's figures once per few minutes, through the report scope", async () => {
    forgetPublicFigures();
    const before = outside.reads;
    const month = { year: YEAR, month: 7 };
    const [a, b] = [await publicFigures(city.id, month), await publicFigures(city.id, month)];
    expect(b).toBe(a);
    expect(outside.reads - before).toBe(1);
    await publicFigures(city.id, { year: YEAR, month: 8 });
    await publicFigures(closed.id, month);
    expect(outside.reads - before).toBe(3);
  });
});

describe("the switch", () => {
  const form = (enabled: string) => {
    const data = new FormData();
    data.set("enabled", enabled);
    return data;
  };

  for (const role of ROLES) {
    const allowed = role === "CITY_ADMIN";
    it(`${role} ${allowed ? "opens and closes" : "cannot open"} the city's page`, async () => {
      await setOpen(city.id, false);
      const user = sessionUser(role === "PLATFORM_ADMIN" ? null : city, role);
      const result = await runAction(actionDeps(t, user), switchPublicPageDefinition, city.slug, form("on"));
      expect(result.ok).toBe(allowed);
      expect((await openPublicCity(city.slug)) !== null).toBe(allowed);
      if (!allowed) return;
      const audit = await t.withTenant(city.id, (tx) =>
        tx.auditLog.findMany({ where: { entity: "Tenant", entityId: city.id }, orderBy: { createdAt: "desc" } }),
      );
      expect(audit[0]).toMatchObject({ action: "update", userId: user.id, after: { publicPageEnabled: true } });
      expect((await runAction(actionDeps(t, user), switchPublicPageDefinition, city.slug, form("off"))).ok).toBe(true);
      expect(await openPublicCity(city.slug)).toBeNull();
    });
  }

  it("switches the admin's own city only, whatever the form says", async () => {
    const admin = sessionUser(closed, "CITY_ADMIN");
    const result = await runAction(actionDeps(t, admin), switchPublicPageDefinition, city.slug, form("on"));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await openPublicCity(city.slug)).toBeNull();
    expect(await runAction(actionDeps(t, sessionUser(city, "CITY_ADMIN")), switchPublicPageDefinition, city.slug, form("maybe"))).toMatchObject({
      ok: false,
    });
  });
});

describe("the public page's figures", () => {
  let figures: PublicFigures;
  beforeAll(async () => {
    figures = await t.withTenant(city.id, (tx) => loadPublicFigures(tx, JULY_2024));
  });

  it("are the dashboards' figures for the same year", async () => {
    const [summary, sources, totals, byKecamatan, coverage] = await t.withTenant(city.id, (tx) =>
      Promise.all([
        budget.summary(tx, all, JULY_2024),
        budget.bySource(tx, all, JULY_2024),
        results.totals(tx, all),
        poverty.registryByKecamatan(tx, all),
        poverty.coverage(tx, all),
      ]),
    );
    expect(figures.year).toBe(YEAR);
    expect(figures.reached).toBe(totals.reached);
    expect(figures.reached).toBeGreaterThanOrEqual(PUBLIC_SMALL_CELL_THRESHOLD);
    expect(figures.budget).toEqual({ pagu: summary.total.pagu, realised: summary.total.realised, absorption: summary.total.absorption });
    expect(figures.sources).toEqual(
      sources.map((row) => ({ fundingSource: row.fundingSource, pagu: row.pagu, realised: row.realised, absorption: row.absorption })),
    );
    expect(figures.kecamatan.map(({ areaId, households, extremePoor }) => ({ areaId, households, extremePoor }))).toEqual(
      byKecamatan.map(({ areaId, households, extremePoor }) => ({ areaId, households, extremePoor })),
    );
    expect(figures.kecamatan.reduce((sum, row) => sum + row.reached, 0)).toBe(coverage.reached);
    // Each kecamatan's reached, from the poverty dashboard's own kecamatan filter.
    for (const row of figures.kecamatan) {
      const own = await t.withTenant(city.id, (tx) => poverty.coverage(tx, { ...all, kecamatanId: row.areaId }));
      expect(row.reached, row.name).toBe(own.reached);
      expect(row.extremePoor, row.name).toBe(own.extremePoor);
    }
  });

  it("name no one: only areas, sources and counts", () => {
    expect(Object.keys(figures).sort()).toEqual(["budget", "kecamatan", "reached", "sources", "year"]);
    for (const row of figures.kecamatan) expect(Object.keys(row).sort()).toEqual(["areaId", "extremePoor", "households", "name", "reached"]);
  });

  const labels = { name: "Kecamatan", households: "RT", extremePoor: "ME", reached: "Terjangkau", coverage: "Cakupan", total: "Jumlah" };
  const counts = ["households", "extremePoor", "reached"] as const;
  const shownCounts = (table: FigureTable) => [...table.rows, table.total!].flatMap((row) => counts.map((key) => row[key]));

  it("show no count under ten, and leave none of the hidden ones recoverable from the totals and the rest", () => {
    const original = publicKecamatanTable(figures, labels);
    expect(original.rows.length).toBe(4);
    const small = figures.kecamatan.find((row) => row.areaId === smallKecamatan)!;
    expect(small.households).toBeGreaterThan(0);
    expect(small.households).toBeLessThan(PUBLIC_SMALL_CELL_THRESHOLD);
    const shown = original;
    for (const cell of shownCounts(shown)) if (typeof cell === "number") expect(cell === 0 || cell >= PUBLIC_SMALL_CELL_THRESHOLD, String(cell)).toBe(true);
    const smallRow = shown.rows[figures.kecamatan.indexOf(small)]!;
    expect(smallRow.households).toBe("<10");
    expect(smallRow.coverage).toBe("*");
    const seven = figures.kecamatan.findIndex((row) => row.areaId === sevenKecamatan);
    expect(figures.kecamatan[seven]).toMatchObject({ households: 7, extremePoor: 5 });
    expect(shown.rows[seven]).toMatchObject({ households: "<10", extremePoor: "<10" });
    // The column of the small cell holds another hidden cell, so the total gives neither back.
    for (const key of counts) {
      const hidden = [...shown.rows, shown.total!].filter((row) => typeof row[key] === "string").length;
      expect(hidden === 0 || hidden >= 2, key).toBe(true);
    }
    const truth: FigureTable = {
      ...shown,
      rows: figures.kecamatan.map((row) => ({ name: row.name, households: row.households, extremePoor: row.extremePoor, reached: row.reached })),
      total: {
        name: "Jumlah",
        households: figures.kecamatan.reduce((s, r) => s + r.households, 0),
        extremePoor: figures.kecamatan.reduce((s, r) => s + r.extremePoor, 0),
        reached: figures.kecamatan.reduce((s, r) => s + r.reached, 0),
      },
    };
    const knowledge = knowledgeOf(shown, {
      columnTotals: [...counts],
      ratios: [{ rate: "coverage", numerator: "reached", denominator: "extremePoor", scale: 100 }],
    });
    expect(recoverableCells(truth, shown, knowledge, 120, PUBLIC_SMALL_CELL_THRESHOLD)).toEqual([]);
  });

  it("hide the city's households reached when under ten", () => {
    expect(publicReachedCell({ ...figures, reached: 9 })).toBe("<10");
    expect(publicReachedCell({ ...figures, reached: 0 })).toBe(0);
    expect(publicReachedCell({ ...figures, reached: 10 })).toBe(10);
  });
});
