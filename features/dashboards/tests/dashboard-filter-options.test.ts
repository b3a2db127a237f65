import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearsOf } from "@/lib/calendar/city-fiscal-year";
import { dashboardFilterOptions, shownDashboardFilters } from "@/features/dashboards/filter-options";
import { PROGRAMME_CHOICES_LIMIT } from "@/lib/paging/capped-choices";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// The programme select of the dashboard filter bar lists at most PROGRAMME_CHOICES_LIMIT
// programmes; beyond that it cascades from the OPD.
const YEAR = 2024;
const LIMIT = PROGRAMME_CHOICES_LIMIT;

let t: TestDb;
let big: TestTenant;
let small: TestTenant;
/** Big city: one OPD over the limit, one under, the year's total over it; a few programmes of another year. */
let crowded: { id: string; names: string[] };
let modest: { id: string; names: string[] };
let smallNames: string[];

const filters = (overrides: Partial<DashboardFilters> = {}): DashboardFilters => ({
  year: YEAR,
  kecamatanId: null,
  opdId: null,
  programmeId: null,
  ...overrides,
});
const pad = (n: number) => String(n).padStart(4, "0");

async function createProgrammes(city: TestTenant, opdCode: string, shortName: string, names: string[], fiscalYear = YEAR) {
  return t.withTenant(city.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: opdCode, name: `Dinas ${shortName}`, shortName } });
    await tx.programme.createMany({ data: names.map((name) => ({ tenantId: city.id, opdId: opd.id, fiscalYear, name, kind: "TRAINING" as const })) });
    return opd.id;
  });
}

const programmeId = (city: TestTenant, name: string) =>
  t.withTenant(city.id, async (tx) => (await tx.programme.findFirstOrThrow({ where: { name, fiscalYear: YEAR }, select: { id: true } })).id);

const options = (city: TestTenant, f: DashboardFilters) => t.withTenant(city.id, (tx) => dashboardFilterOptions(tx, f, fiscalYearsOf(YEAR, YEAR - 1)));

beforeAll(async () => {
  t = await openTestDb();
  [big, small] = [await createTestTenant(t.db, t.withTenant), await createTestTenant(t.db, t.withTenant)];
  // Names created out of order, so "first by name" is the database's order, not insertion's.
  const crowdedNames = Array.from({ length: LIMIT + 20 }, (_, i) => `Pelatihan ${pad(LIMIT + 19 - i)}`);
  const modestNames = Array.from({ length: 30 }, (_, i) => `Bantuan ${pad(i)}`);
  crowded = { id: await createProgrammes(big, "2.07", "Disnaker", crowdedNames), names: crowdedNames };
  modest = { id: await createProgrammes(big, "1.06", "Dinsos", modestNames), names: modestNames };
  await t.withTenant(big.id, (tx) =>
    tx.programme.create({ data: { tenantId: big.id, opdId: modest.id, fiscalYear: YEAR - 1, name: "Tahun Lalu", kind: "FOOD_AID" } }),
  );
  smallNames = ["Rumah Layak Huni", "Bantuan Alat", "Pelatihan Menjahit"];
  await createProgrammes(small, "2.07", "Disnaker", smallNames);
});

afterAll(async () => {
  await t?.close();
});

describe("dashboardFilterOptions: programme choices", () => {
  it("lists every programme of the year, by name, while they are within the limit", async () => {
    const o = await options(small, filters());
    expect(o.programmes.map((p) => p.label)).toEqual([...smallNames].sort());
    expect(o.programmesCut).toBeUndefined();
  });

  it("offers no programme list without an OPD when the year has more than the limit, and says to choose an OPD", async () => {
    const o = await options(big, filters());
    expect(crowded.names.length + modest.names.length).toBeGreaterThan(LIMIT);
    expect(o.programmes).toEqual([]);
    expect(o.programmesCut).toBe("chooseOpd");
    // The other filters are unaffected.
    expect(o.opds.map((opd) => opd.label)).toEqual(["Dinsos", "Disnaker"]);
    // The city's years: from its first programme to the one after this.
    expect(o.years).toEqual([YEAR + 1, YEAR, YEAR - 1]);
  });

  it("keeps the selected programme offered without an OPD, so it stays selected", async () => {
    const id = await programmeId(big, "Bantuan 0007");
    const o = await options(big, filters({ programmeId: id }));
    expect(o.programmes).toEqual([{ id, label: "Bantuan 0007" }]);
    expect(o.programmesCut).toBe("chooseOpd");
  });

  it("does not offer a selected id that is no programme of the year", async () => {
    const lastYear = await t.withTenant(big.id, async (tx) => (await tx.programme.findFirstOrThrow({ where: { name: "Tahun Lalu" } })).id);
    for (const id of [lastYear, "no-such-programme"]) {
      const o = await options(big, filters({ programmeId: id }));
      expect(o.programmes).toEqual([]);
      expect(o.programmesCut).toBe("chooseOpd");
    }
  });

  it("with an OPD within the limit, lists all that OPD's programmes of the year and only them", async () => {
    const o = await options(big, filters({ opdId: modest.id }));
    expect(o.programmes.map((p) => p.label)).toEqual([...modest.names].sort());
    expect(o.programmesCut).toBeUndefined();
  });

  it("with an OPD over the limit, lists its first programmes by name and says so, plus the selected one", async () => {
    const sorted = [...crowded.names].sort();
    const o = await options(big, filters({ opdId: crowded.id }));
    expect(o.programmes.map((p) => p.label)).toEqual(sorted.slice(0, LIMIT));
    expect(o.programmesCut).toBe("opdFirst");

    const last = sorted.at(-1)!;
    const id = await programmeId(big, last);
    const withSelected = await options(big, filters({ opdId: crowded.id, programmeId: id }));
    expect(withSelected.programmes).toHaveLength(LIMIT + 1);
    expect(withSelected.programmes.at(-1)).toEqual({ id, label: last });
  });

  it("another year of the big city, with few programmes, lists them all", async () => {
    const o = await options(big, filters({ year: YEAR - 1 }));
    expect(o.programmes.map((p) => p.label)).toEqual(["Tahun Lalu"]);
    expect(o.programmesCut).toBeUndefined();
  });
});

describe("shownDashboardFilters: the figures follow what the filter bar shows", () => {
  const shown = (city: TestTenant, f: DashboardFilters) => t.withTenant(city.id, (tx) => shownDashboardFilters(tx, f));

  it("keeps a programme of the year and of the chosen OPD (or of any OPD when none is chosen)", async () => {
    const id = await programmeId(big, modest.names[3]!);
    expect(await shown(big, filters({ programmeId: id }))).toEqual(filters({ programmeId: id }));
    expect(await shown(big, filters({ opdId: modest.id, programmeId: id }))).toEqual(filters({ opdId: modest.id, programmeId: id }));
  });

  it("drops a programme of another OPD than the chosen one, of another year, another city's, or a made-up id", async () => {
    const ofModest = await programmeId(big, modest.names[3]!);
    expect((await shown(big, filters({ opdId: crowded.id, programmeId: ofModest }))).programmeId).toBeNull();
    expect((await shown(big, filters({ year: YEAR - 1, programmeId: ofModest }))).programmeId).toBeNull();
    expect((await shown(small, filters({ programmeId: ofModest }))).programmeId).toBeNull();
    expect(await shown(big, filters({ opdId: crowded.id, programmeId: "tidak-ada" }))).toEqual(filters({ opdId: crowded.id }));
  });
});
