import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { targetHouseholdsPage } from "@/features/programmes/target-households/target-households";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

let nik = 0;
async function household(tx: Tx, city: TestTenant, desil: number | null, isExtremePoor: boolean, extra: { kelurahanId?: string; status?: "GRADUATED" } = {}) {
  const h = await createTestHousehold(tx, city, { isExtremePoor });
  nik += 1;
  const member = await tx.member.create({
    data: {
      tenantId: city.id,
      householdId: h.id,
      nik: `5271${String(Date.now()).slice(-6)}${String(nik).padStart(6, "0")}`,
      name: `Kepala ${nik}`,
      sex: "MALE",
      birthDate: new Date("1975-01-01"),
      relation: "HEAD",
    },
  });
  await tx.household.update({
    where: { tenantId_id: { tenantId: city.id, id: h.id } },
    data: { desil, ...(extra.kelurahanId ? { kelurahanId: extra.kelurahanId } : {}), ...(extra.status ? { status: extra.status } : {}) },
  });
  return { id: h.id, memberId: member.id };
}

/** A city with households of every rank, a programme of `year` of each of two OPDs and one of the year before. */
async function cityWithHouseholds() {
  const city = await createTestTenant(t.db, t.withTenant);
  return t.withTenant(city.id, async (tx) => {
    const opd = (code: string, name: string) => tx.opd.create({ data: { tenantId: city.id, code, name, shortName: name } });
    const [disnaker, dinsos] = [await opd("2.07", "Disnaker"), await opd("1.06", "Dinsos")];
    const programme = (opdId: string, fiscalYear: number, name: string) =>
      tx.programme.create({ data: { tenantId: city.id, opdId, fiscalYear, name, kind: "EQUIPMENT_AID" } });
    const kits = await programme(disnaker.id, 2024, "Peralatan");
    const food = await programme(dinsos.id, 2024, "Pangan");
    const lastYear = await programme(dinsos.id, 2023, "Pangan 2023");
    const otherKelurahan = await tx.area.create({
      data: { tenantId: city.id, code: `${city.id}.02`, name: "Kelurahan Lain", level: "KELURAHAN", parentId: city.kecamatanId },
    });
    const h = {
      extreme1: await household(tx, city, 1, true),
      extreme2: await household(tx, city, 2, true),
      extremeNoDesil: await household(tx, city, null, true),
      poor1: await household(tx, city, 1, false),
      poor3: await household(tx, city, 3, false, { kelurahanId: otherKelurahan.id }),
      noDesil: await household(tx, city, null, false),
      graduated: await household(tx, city, 1, true, { status: "GRADUATED" }),
    };
    return { city, disnaker: disnaker.id, dinsos: dinsos.id, kits: kits.id, food: food.id, lastYear: lastYear.id, otherKelurahan: otherKelurahan.id, h };
  });
}

type World = Awaited<ReturnType<typeof cityWithHouseholds>>;

const aid = (
  tx: Tx,
  w: World,
  householdId: string,
  programmeId: string,
  opdId: string,
  extra: { status?: "VERIFIED" | "DRAFT"; reversesId?: string; value?: bigint; date?: string } = {},
) =>
  tx.aidDistribution.create({
    data: {
      tenantId: w.city.id,
      programmeId,
      opdId,
      householdId,
      kind: "FOOD",
      items: "Beras",
      value: extra.value ?? 150_000n,
      distributedAt: new Date(extra.date ?? "2024-05-01"),
      status: extra.status ?? "VERIFIED",
      reversesId: extra.reversesId,
    },
  });

async function allIds(w: World, filter: { kelurahan?: string } = {}, pageSize = 2): Promise<string[]> {
  return t.withTenant(w.city.id, async (tx) => {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await targetHouseholdsPage(tx, { ...filter, after }, { tenantId: w.city.id, fiscalYear: 2024, pageSize });
      ids.push(...page.rows.map((row) => row.id));
      after = page.nextAfter ?? undefined;
    } while (after);
    return ids;
  });
}

describe("who to reach next", () => {
  it("ranks active households extreme-poor first, then by desil, unknown desil last, paged by key without repeats", async () => {
    const w = await cityWithHouseholds();
    const { h } = w;
    const expected = [h.extreme1.id, h.extreme2.id, h.extremeNoDesil.id, h.poor1.id, h.poor3.id, h.noDesil.id];
    expect(await allIds(w)).toEqual(expected);
    expect(await allIds(w, {}, 50)).toEqual(expected);
    const first = await t.withTenant(w.city.id, (tx) => targetHouseholdsPage(tx, {}, { tenantId: w.city.id, fiscalYear: 2024, pageSize: 2 }));
    expect(first.total).toBe(6);
    const inOther = await t.withTenant(w.city.id, (tx) => targetHouseholdsPage(tx, { kelurahan: w.otherKelurahan }, { tenantId: w.city.id, fiscalYear: 2024 }));
    expect(inOther.total).toBe(1);
    expect(first.rows[0]).toMatchObject({ headName: expect.stringMatching(/^Kepala/), noKkMasked: expect.stringMatching(/•{8}/) });
    expect(await allIds(w, { kelurahan: w.otherKelurahan })).toEqual([h.poor3.id]);
  });

  it("leaves out households reached by verified aid or training of any OPD in the year; drafts, other years and reversed aid do not count", async () => {
    const w = await cityWithHouseholds();
    const { h } = w;
    await t.withTenant(w.city.id, async (tx) => {
      await aid(tx, w, h.extreme1.id, w.kits, w.disnaker);
      await aid(tx, w, h.extreme2.id, w.food, w.dinsos, { status: "DRAFT" });
      await aid(tx, w, h.extremeNoDesil.id, w.lastYear, w.dinsos, { date: "2023-06-01" });
      const reversed = await aid(tx, w, h.poor1.id, w.food, w.dinsos);
      await aid(tx, w, h.poor1.id, w.food, w.dinsos, { reversesId: reversed.id, value: -150_000n });
      // Participants are verified in a verified training only (lib/trainings).
      const training = await tx.training.create({
        data: {
          tenantId: w.city.id,
          programmeId: w.kits,
          opdId: w.disnaker,
          skill: "Menjahit",
          startDate: new Date("2024-03-01"),
          endDate: new Date("2024-03-10"),
          place: "BLK",
          capacity: 10,
          status: "VERIFIED",
        },
      });
      await tx.trainingParticipant.create({
        data: { tenantId: w.city.id, trainingId: training.id, householdId: h.noDesil.id, memberId: h.noDesil.memberId, status: "VERIFIED" },
      });
      await tx.trainingParticipant.create({
        data: { tenantId: w.city.id, trainingId: training.id, householdId: h.poor3.id, memberId: h.poor3.memberId, status: "DRAFT" },
      });
    });
    expect(await allIds(w)).toEqual([h.extreme2.id, h.extremeNoDesil.id, h.poor1.id, h.poor3.id]);
    expect((await t.withTenant(w.city.id, (tx) => targetHouseholdsPage(tx, {}, { tenantId: w.city.id, fiscalYear: 2024 }))).total).toBe(4);

    // A reversal counts only once verified.
    await t.withTenant(w.city.id, (tx) =>
      tx.aidDistribution.updateMany({ where: { householdId: h.poor1.id, reversesId: { not: null } }, data: { status: "DRAFT" } }),
    );
    expect(await allIds(w)).toEqual([h.extreme2.id, h.extremeNoDesil.id, h.poor3.id]);
  });

  it("never shows another city's households", async () => {
    const w = await cityWithHouseholds();
    const other = await cityWithHouseholds();
    const ids = await allIds(w);
    for (const id of Object.values(other.h).map((one) => one.id)) expect(ids).not.toContain(id);
  });
});
