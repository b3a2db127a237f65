// Results for the money by kind: each Rupiah-per-result figure divides the spending of the
// programmes that produce that result, graduations count in the fiscal year they happen, and
// the mayor's and Bapeda's graduation figures are either equal or named and defined apart.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { povertyDashboardQueries as poverty } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";
import type { Tx } from "@/lib/db";
import type { AidKind, ProgrammeKind } from "@/lib/generated/prisma/enums";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";

const M = 1_000_000n;
const YEAR = 2024;
const all = (year = YEAR): DashboardFilters => ({ year, kecamatanId: null, opdId: null, programmeId: null });

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

/** A city with one OPD; helpers to add programmes, spending, trainees, aid and status events. */
async function city() {
  const tenant = await createTestTenant(t.db, t.withTenant);
  const tenantId = tenant.id;
  const opdId = await t.withTenant(tenantId, async (tx) => (await tx.opd.create({ data: { tenantId, code: "1", name: "Dinas Uji", shortName: "Uji" } })).id);
  const run = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(tenantId, fn);
  return {
    tenant,
    run,
    programme: (name: string, kind: ProgrammeKind, fiscalYear = YEAR) =>
      run(async (tx) => (await tx.programme.create({ data: { tenantId, opdId, fiscalYear, name, kind } })).id),
    /** A budget line of the programme with one verified realisation. */
    spend: (programmeId: string, amount: bigint, aidMode: "AID_IS_REALISATION" | "ON_TOP" = "AID_IS_REALISATION") =>
      run(async (tx) => {
        const line = await tx.budgetLine.create({
          data: { tenantId, programmeId, fundingSource: "APBD", pagu: 1_000n * M, description: `Belanja ${programmeId}`, aidMode },
        });
        if (amount > 0n) await tx.budgetRealisation.create({ data: { tenantId, budgetLineId: line.id, month: 3, amount, status: "VERIFIED" } });
        return line.id;
      }),
    household: () => run(async (tx) => makeHousehold(tx, tenant, { members: [{ name: "Kepala" }] })),
    /** Verified aid handed to a household, on a budget line or none. */
    aid: (programmeId: string, householdId: string, kind: AidKind, value: bigint, budgetLineId: string | null = null) =>
      run((tx) =>
        tx.aidDistribution.create({
          data: {
            tenantId,
            programmeId,
            opdId,
            householdId,
            budgetLineId,
            kind,
            items: "Uji",
            value,
            status: "VERIFIED",
            distributedAt: new Date("2024-05-01"),
          },
        }),
      ),
    /** A verified training of the programme that the members completed. */
    train: (programmeId: string, members: { id: string; householdId: string }[]) =>
      run(async (tx) => {
        const training = await tx.training.create({
          data: {
            tenantId,
            programmeId,
            opdId,
            skill: "Menjahit",
            place: "BLK",
            capacity: 20,
            status: "VERIFIED",
            startDate: new Date("2024-03-01"),
            endDate: new Date("2024-03-20"),
          },
        });
        for (const member of members) {
          await tx.trainingParticipant.create({
            data: { tenantId, trainingId: training.id, householdId: member.householdId, memberId: member.id, completion: "COMPLETED", status: "VERIFIED" },
          });
        }
      }),
    graduate: (householdId: string, effectiveDate: string) =>
      run((tx) =>
        tx.householdStatusEvent.create({
          data: {
            tenantId,
            householdId,
            fromStatus: "ACTIVE",
            toStatus: "GRADUATED",
            fromExtremePoor: false,
            toExtremePoor: false,
            effectiveDate: new Date(effectiveDate),
            reason: "Uji",
            source: "MANUAL",
          },
        }),
      ),
  };
}

const head = (made: { members: { id: string; householdId: string }[] }) => {
  const [member] = made.members;
  if (!member) throw new Error("household without a member");
  return member;
};

describe("Rupiah per result, by kind of spending", () => {
  it("divides only training spending by the people trained, and all spending by the households reached", async () => {
    const c = await city();
    const training = await c.programme("Pelatihan Menjahit", "TRAINING");
    const housing = await c.programme("Rumah Layak Huni", "HOUSING");
    const food = await c.programme("Bantuan Pangan", "FOOD_AID");
    await c.spend(training, 30n * M);
    await c.spend(housing, 500n * M);
    // Food aid on an ON_TOP line is spending of its own (5 jt realised + 2 jt of aid).
    const foodLine = await c.spend(food, 5n * M, "ON_TOP");
    const [a, b, d] = [await c.household(), await c.household(), await c.household()];
    await c.train(training, [head(a), head(b)]);
    await c.aid(housing, d.household.id, "HOUSING", 0n);
    await c.aid(food, d.household.id, "FOOD", 2n * M, foodLine);

    const total = await c.run((tx) => results.totals(tx, all()));
    expect(total.realised).toBe(537n * M);
    expect(total.trainingSpent).toBe(30n * M);
    expect(total.trained).toBe(2);
    // 30 jt ÷ 2, not 537 jt ÷ 2.
    expect(total.perTrained).toBe(15n * M);
    expect(total.reached).toBe(3);
    expect(total.perReached).toBe(179n * M);
    // No capital or tool aid: nothing to divide.
    expect(total.equipped).toBe(0);
    expect(total.perEquipped).toBeNull();
    // A housing programme has no Rupiah per person trained of its own.
    const rows = await c.run((tx) => results.byProgramme(tx, all()));
    expect(rows.find((row) => row.programmeId === housing)).toMatchObject({ realised: 500n * M, trainingSpent: 0n, perTrained: null });
    // Rupiah per graduate is not given: the money bought reach, not graduation.
    expect(total).not.toHaveProperty("perGraduate");
  });

  it("divides capital and tool aid spending by the households equipped", async () => {
    const c = await city();
    const tools = await c.programme("Bantuan Alat", "EQUIPMENT_AID");
    const capital = await c.programme("Bantuan Modal", "CAPITAL_AID");
    const housing = await c.programme("Rumah Layak Huni", "HOUSING");
    const toolsLine = await c.spend(tools, 0n, "ON_TOP");
    await c.spend(capital, 20n * M);
    await c.spend(housing, 300n * M);
    const [a, b, d] = [await c.household(), await c.household(), await c.household()];
    await c.aid(tools, a.household.id, "EQUIPMENT", 4n * M, toolsLine);
    await c.aid(capital, a.household.id, "CAPITAL", 0n);
    await c.aid(capital, b.household.id, "CAPITAL", 0n);
    await c.aid(housing, d.household.id, "HOUSING", 0n);

    const total = await c.run((tx) => results.totals(tx, all()));
    // A household given tools and capital is equipped once: (4 + 20) jt ÷ 2.
    expect(total).toMatchObject({ equipmentSpent: 24n * M, equipped: 2, perEquipped: 12n * M, realised: 324n * M, reached: 3, perReached: 108n * M });
  });
});

describe("graduations in their fiscal year", () => {
  it("a graduation in the next year does not count in this year, for the mayor or for Bapeda", async () => {
    const c = await city();
    const food = await c.programme("Bantuan Pangan", "FOOD_AID");
    await c.spend(food, 10n * M);
    const [a, b] = [await c.household(), await c.household()];
    await c.aid(food, a.household.id, "FOOD", 0n);
    await c.aid(food, b.household.id, "FOOD", 0n);
    await c.graduate(a.household.id, "2024-12-31");
    await c.graduate(b.household.id, "2025-01-01");

    const total = await c.run((tx) => results.totals(tx, all()));
    expect(total.graduates).toBe(1);
    const months = await c.run((tx) => poverty.graduationsByMonth(tx, all()));
    expect(months.reduce((sum, m) => sum + m.graduated, 0)).toBe(1);
    expect(months.find((m) => m.month === 12)?.graduated).toBe(1);
  });
});

describe("graduations on the year's first and last day", () => {
  it("count in that year whatever time zone the database session runs in", async () => {
    const c = await city();
    const [a, b] = [await c.household(), await c.household()];
    await c.graduate(a.household.id, "2024-01-01");
    await c.graduate(b.household.id, "2023-12-31");
    for (const zone of ["UTC", "Asia/Makassar", "America/New_York"]) {
      const months = await c.run(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL TIME ZONE '${zone}'`);
        return poverty.graduationsByMonth(tx, all());
      });
      expect(
        months.map((m) => m.graduated),
        zone,
      ).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
  });
});

describe("the mayor's and Bapeda's graduation figures", () => {
  const catalogue = (locale: string, file: string) =>
    JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, `${file}.json`), "utf8")) as Record<string, Record<string, Record<string, string>>>;

  it("agree on the same households, and are named and defined apart where they measure different things", async () => {
    const c = await city();
    const food = await c.programme("Bantuan Pangan", "FOOD_AID");
    await c.spend(food, 10n * M);
    const [reached, other] = [await c.household(), await c.household()];
    await c.aid(food, reached.household.id, "FOOD", 0n);
    await c.graduate(reached.household.id, "2024-06-15");
    await c.graduate(other.household.id, "2024-07-01");

    // Bapeda counts every household of the registry that graduated this year; the mayor those
    // of them that the year's programmes reached.
    const mayor = await c.run((tx) => results.totals(tx, all()));
    const bapeda = await c.run((tx) => poverty.graduationsByMonth(tx, all()));
    expect(mayor.graduates).toBe(1);
    expect(bapeda.reduce((sum, m) => sum + m.graduated, 0)).toBe(2);
    expect(bapeda.reduce((sum, m) => sum + m.graduatedReached, 0)).toBe(mayor.graduates);

    for (const locale of ["id", "en"]) {
      const mayorWords = catalogue(locale, "ResultsDashboard");
      const bapedaWords = catalogue(locale, "PovertyDashboard");
      const mayorName = mayorWords.cards?.graduates;
      const bapedaName = bapedaWords.columns?.graduated;
      expect(mayorName, locale).toBeTruthy();
      expect(bapedaName, locale).toBeTruthy();
      expect(mayorName, locale).not.toBe(bapedaName);
      // The mayor's figure is named the same on the card and in the table.
      expect(mayorWords.tables?.graduates, locale).toBe(mayorName);
      // Each figure has its definition, written under it.
      expect(mayorWords.defined?.graduates, locale).toBeTruthy();
      expect(bapedaWords.defined?.graduated, locale).toBeTruthy();
      expect(bapedaWords.defined?.graduatedReached, locale).toBeTruthy();
      expect(bapedaWords.columns?.graduatedReached, locale).toBe(mayorName);
    }
  });
});
