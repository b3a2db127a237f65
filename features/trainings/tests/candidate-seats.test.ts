// The participant picker tells people apart and, for a household programme, gives a family
// one seat unless the clerk asks for every member. Each test builds its own city.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Candidate, findCandidates } from "@/features/trainings/candidates";
import type { FamilyRelation, TargetUnit } from "@/lib/generated/prisma/enums";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

const START = new Date("2025-03-10");
let serial = 0;

/** A city with one OPD, a programme of the given unit and a training of it starting on START. */
async function cityWithTraining(targetUnit: TargetUnit) {
  const city = await createTestTenant(t.db, t.withTenant);
  const training = await t.withTenant(city.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    const programme = await tx.programme.create({
      data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2025, name: "Pelatihan Kerja", kind: "TRAINING", targetUnit },
    });
    const created = await tx.training.create({
      data: {
        tenantId: city.id,
        programmeId: programme.id,
        opdId: opd.id,
        skill: "Menjahit",
        startDate: START,
        endDate: new Date("2025-03-12"),
        place: "BLK",
        capacity: 20,
      },
    });
    return { id: created.id, startDate: created.startDate, programme: { targetUnit }, programmeId: programme.id, opdId: opd.id };
  });
  return { city, training };
}

type Person = { name: string; relation: FamilyRelation; birthDate: string };

/** A household and its members; returns the members' NIKs by name. */
async function family(city: TestTenant, household: { desil: number | null; extreme: boolean }, people: Person[]) {
  return t.withTenant(city.id, async (tx) => {
    const created = await createTestHousehold(tx, city, { desil: household.desil ?? 1, isExtremePoor: household.extreme });
    if (household.desil === null) await tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: created.id } }, data: { desil: null } });
    const niks = new Map<string, string>();
    for (const person of people) {
      serial += 1;
      const nik = `527101${String(Date.now()).slice(-6)}${String(serial).padStart(4, "0")}`;
      await tx.member.create({
        data: {
          tenantId: city.id,
          householdId: created.id,
          nik,
          name: person.name,
          sex: "FEMALE",
          birthDate: new Date(person.birthDate),
          relation: person.relation,
        },
      });
      niks.set(person.name, nik);
    }
    return { householdId: created.id, noKk: created.noKk, niks };
  });
}

const FAMILY: Person[] = [
  { name: "Ahmad Wirawan", relation: "HEAD", birthDate: "1980-06-01" },
  { name: "Baiq Wirawan", relation: "SPOUSE", birthDate: "1985-01-15" },
  { name: "Citra Wirawan", relation: "CHILD", birthDate: "2004-09-30" },
  { name: "Dedi Wirawan", relation: "CHILD", birthDate: "2008-02-01" },
];

async function listOf(search: Awaited<ReturnType<typeof findCandidates>>): Promise<Candidate[]> {
  expect(search.kind).toBe("list");
  return search.kind === "list" ? search.rows : [];
}

describe("one seat per family", () => {
  it("a household programme gives a family of four one seat by default, and all four with the option off", async () => {
    const { city, training } = await cityWithTraining("HOUSEHOLD");
    await family(city, { desil: 1, extreme: true }, FAMILY);
    await family(city, { desil: 3, extreme: false }, [{ name: "Eka Lestari", relation: "HEAD", birthDate: "1990-05-01" }]);

    const byDefault = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training })));
    expect(byDefault.map((row) => row.name)).toEqual(["Ahmad Wirawan", "Eka Lestari"]);

    const everyone = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training, onePerHousehold: false })));
    expect(everyone.map((row) => row.name)).toEqual(["Ahmad Wirawan", "Baiq Wirawan", "Citra Wirawan", "Dedi Wirawan", "Eka Lestari"]);
  });

  it("a person-level programme lists every member by default, and one per family when asked", async () => {
    const { city, training } = await cityWithTraining("PERSON");
    await family(city, { desil: 1, extreme: true }, FAMILY);

    const byDefault = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training })));
    expect(byDefault).toHaveLength(4);
    const one = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training, onePerHousehold: true })));
    expect(one.map((row) => row.name)).toEqual(["Ahmad Wirawan"]);
  });

  it("the family's seat goes to a working-age member before an elderly head, and a name search still finds the one asked for", async () => {
    const { city, training } = await cityWithTraining("HOUSEHOLD");
    await family(city, { desil: 2, extreme: false }, [
      { name: "Fauzi Hamid", relation: "HEAD", birthDate: "1950-01-01" },
      { name: "Gita Hamid", relation: "CHILD", birthDate: "1995-01-01" },
      { name: "Hana Hamid", relation: "CHILD", birthDate: "1999-01-01" },
    ]);
    const seat = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training })));
    expect(seat.map((row) => row.name)).toEqual(["Gita Hamid"]);

    const searched = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training, q: "Hana" })));
    expect(searched.map((row) => row.name)).toEqual(["Hana Hamid"]);
  });
});

describe("who each candidate is", () => {
  it("each row carries age, relation to the head, kelurahan, desil and the extreme-poor flag", async () => {
    const { city, training } = await cityWithTraining("PERSON");
    await family(city, { desil: 1, extreme: true }, FAMILY);
    const rows = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training })));
    expect(rows.map(({ name, age, relation, kelurahan, desil, isExtremePoor }) => ({ name, age, relation, kelurahan, desil, isExtremePoor }))).toEqual([
      { name: "Ahmad Wirawan", age: 44, relation: "HEAD", kelurahan: "Kelurahan Uji", desil: 1, isExtremePoor: true },
      { name: "Baiq Wirawan", age: 40, relation: "SPOUSE", kelurahan: "Kelurahan Uji", desil: 1, isExtremePoor: true },
      { name: "Citra Wirawan", age: 20, relation: "CHILD", kelurahan: "Kelurahan Uji", desil: 1, isExtremePoor: true },
      { name: "Dedi Wirawan", age: 17, relation: "CHILD", kelurahan: "Kelurahan Uji", desil: 1, isExtremePoor: true },
    ]);
  });

  it("numbers show their last four digits only, and no birth date leaves the query", async () => {
    const { city, training } = await cityWithTraining("PERSON");
    const { noKk, niks } = await family(city, { desil: 1, extreme: true }, FAMILY);
    const rows = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training })));
    const text = JSON.stringify(rows);
    for (const nik of niks.values()) {
      expect(text).not.toContain(nik);
      // Neither the region nor the birth date of a NIK: only its serial.
      expect(text).not.toContain(nik.slice(0, 6));
      expect(text).not.toContain(nik.slice(6, 12));
    }
    expect(text).not.toContain(noKk.slice(0, 12));
    for (const person of FAMILY) expect(text).not.toContain(person.birthDate);
    for (const row of rows) {
      expect(row.nikMasked).toMatch(/^•{12}\d{4}$/);
      expect(row.noKkMasked).toMatch(/^•{12}\d{4}$/);
      expect(Object.keys(row)).not.toContain("birthDate");
    }
  });
});

describe("the priority order of the whole registry", () => {
  it("extreme-poor first, then by desil (unknown last), then those not reached this year, whichever seats are asked for", async () => {
    const { city, training } = await cityWithTraining("HOUSEHOLD");
    await family(city, { desil: 5, extreme: false }, [{ name: "Desil Lima", relation: "HEAD", birthDate: "1990-01-01" }]);
    const reached = await family(city, { desil: 2, extreme: false }, [{ name: "Desil Dua Terjangkau", relation: "HEAD", birthDate: "1990-01-01" }]);
    await family(city, { desil: 2, extreme: false }, [{ name: "Desil Dua", relation: "HEAD", birthDate: "1990-01-01" }]);
    await family(city, { desil: 4, extreme: true }, [{ name: "Ekstrem Empat", relation: "HEAD", birthDate: "1990-01-01" }]);
    await family(city, { desil: null, extreme: false }, [{ name: "Tanpa Desil", relation: "HEAD", birthDate: "1990-01-01" }]);
    await t.withTenant(city.id, async (tx) => {
      // Reached this year: a verified participation in another verified training of the programme.
      const done = await tx.training.create({
        data: {
          tenantId: city.id,
          programmeId: training.programmeId,
          opdId: training.opdId,
          skill: "Tata Boga",
          startDate: new Date("2025-02-01"),
          endDate: new Date("2025-02-02"),
          place: "BLK",
          capacity: 5,
          status: "VERIFIED",
        },
      });
      const member = await tx.member.findFirstOrThrow({ where: { householdId: reached.householdId } });
      await tx.trainingParticipant.create({
        data: { tenantId: city.id, trainingId: done.id, householdId: reached.householdId, memberId: member.id, status: "VERIFIED" },
      });
    });
    const order = ["Ekstrem Empat", "Desil Dua", "Desil Dua Terjangkau", "Desil Lima", "Tanpa Desil"];
    for (const onePerHousehold of [true, false]) {
      const rows = await listOf(await t.withTenant(city.id, (tx) => findCandidates(tx, { tenantId: city.id, training, onePerHousehold })));
      expect(rows.map((row) => row.name)).toEqual(order);
      expect(rows.map((row) => row.reached)).toEqual([false, false, true, false, false]);
    }
  });
});
