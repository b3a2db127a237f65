// Once a household is picked for a hand-over, the clerk chooses the member who receives it:
// each is told apart by relation to the head and age, not by a masked number. Each test
// builds its own city.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipientChoices } from "@/features/aid/recipient";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

const ALL = { kelurahanId: null, nothing: false } as const;

describe("the recipient's members", () => {
  it("come head first, each with relation and age on the given day; numbers show their last four digits only, no birth date", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const people = [
      { name: "Dedi Wirawan", relation: "CHILD", birthDate: "2008-02-01", nik: "5271010102080001" },
      { name: "Baiq Wirawan", relation: "SPOUSE", birthDate: "1985-01-15", nik: "5271015501850001" },
      { name: "Ahmad Wirawan", relation: "HEAD", birthDate: "1980-06-01", nik: "5271010106800001" },
    ] as const;
    const { householdId, noKk } = await t.withTenant(city.id, async (tx) => {
      const h = await createTestHousehold(tx, city, { desil: 1, isExtremePoor: true });
      for (const person of people) {
        await tx.member.create({
          data: {
            tenantId: city.id,
            householdId: h.id,
            nik: `${person.nik.slice(0, 12)}${String(Date.now()).slice(-4)}`,
            name: person.name,
            sex: "FEMALE",
            birthDate: new Date(person.birthDate),
            relation: person.relation,
          },
        });
      }
      return { householdId: h.id, noKk: h.noKk };
    });
    const choices = await t.withTenant(city.id, (tx) => recipientChoices(tx, householdId, ALL, new Date("2025-03-10")));
    expect(choices?.members.map(({ name, relation, age }) => ({ name, relation, age }))).toEqual([
      { name: "Ahmad Wirawan", relation: "HEAD", age: 44 },
      { name: "Baiq Wirawan", relation: "SPOUSE", age: 40 },
      { name: "Dedi Wirawan", relation: "CHILD", age: 17 },
    ]);
    const text = JSON.stringify(choices);
    for (const person of people) {
      expect(text).not.toContain(person.nik.slice(0, 12));
      expect(text).not.toContain(person.birthDate);
    }
    expect(text).not.toContain(noKk.slice(0, 12));
    for (const member of choices?.members ?? []) expect(member.nikMasked).toMatch(/^•{12}\d{4}$/);
  });
});
