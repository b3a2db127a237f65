import { describe, expect, it } from "vitest";
import { listRegencyAreas } from "@/features/areas";
import { kupang, mataram, type CitySpec } from "@/prisma/demo";
import { ageOn, utcDate } from "@/lib/calendar/days";
import { generateRegistry, type GenerateRegistryOptions } from "@/prisma/demo/registry";
import type { RegistryArea } from "@/prisma/demo/registry/types";
import { nikMatchesBirthDate, nikRegionCode, parseNik, parseNoKk } from "@/lib/identity/nik";

const snapshot = utcDate(2024, 7, 1);

async function optionsFor(city: CitySpec, count: number, seed = 7): Promise<GenerateRegistryOptions> {
  const tree = await listRegencyAreas(city.kemendagriCode);
  const areas: RegistryArea[] = tree.flatMap((kecamatan) =>
    kecamatan.kelurahan.map((kelurahan) => ({
      kecamatanCode: kecamatan.code,
      kecamatanName: kecamatan.name,
      kelurahanCode: kelurahan.code,
      kelurahanName: kelurahan.name,
    })),
  );
  return { seed, count, areas, cityName: "Kota Demo", snapshot, ...city };
}

describe("generateRegistry", () => {
  it("gives the same households for the same seed and different ones for another", async () => {
    const options = await optionsFor(mataram, 300);
    expect(generateRegistry(options)).toEqual(generateRegistry(options));
    expect(generateRegistry({ ...options, seed: 8 })).not.toEqual(generateRegistry(options));
  });

  it("keeps the first households when the count grows", async () => {
    const options = await optionsFor(kupang, 400);
    expect(generateRegistry(options).slice(0, 150)).toEqual(generateRegistry({ ...options, count: 150 }));
  });

  it.each([mataram, kupang])("makes valid, unique NIKs and No. KKs for $slug", async (city) => {
    const households = generateRegistry(await optionsFor(city, 2_000));
    const members = households.flatMap((household) => household.members.map((member) => ({ household, member })));

    for (const { household, member } of members) {
      const parsed = parseNik(member.nik, snapshot);
      expect(parsed, member.nik).toMatchObject({
        ok: true,
        value: { regionCode: nikRegionCode(household.area.kecamatanCode), birthDate: member.birthDate, sex: member.sex },
      });
      expect(nikMatchesBirthDate(member.nik, member.birthDate, member.sex)).toBe(true);
    }
    for (const household of households) {
      const card = parseNoKk(household.noKk, snapshot);
      expect(card.ok && card.value.regionCode).toBe(nikRegionCode(household.area.kecamatanCode));
      const youngest = Math.max(...household.members.map((member) => member.birthDate.getTime()));
      expect(card.ok && card.value.issueDate.getTime()).toBeGreaterThan(youngest);
    }
    expect(new Set(members.map(({ member }) => member.nik)).size).toBe(members.length);
    expect(new Set(households.map((household) => household.noKk)).size).toBe(households.length);
  });

  it("builds households of 1–7 with one head and children young enough to be theirs", async () => {
    const households = generateRegistry(await optionsFor(mataram, 1_000));
    for (const household of households) {
      const relations = household.members.map((member) => member.relation);
      expect(household.members.length).toBeGreaterThanOrEqual(1);
      expect(household.members.length).toBeLessThanOrEqual(7);
      expect(relations.filter((relation) => relation === "HEAD")).toHaveLength(1);
      expect(relations.filter((relation) => relation === "SPOUSE").length).toBeLessThanOrEqual(1);
      const head = household.members.find((member) => member.relation === "HEAD")!;
      expect(ageOn(head.birthDate, snapshot)).toBeGreaterThanOrEqual(18);
      for (const child of household.members.filter((member) => member.relation === "CHILD")) {
        expect(ageOn(head.birthDate, snapshot) - ageOn(child.birthDate, snapshot)).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it("spreads desil like a welfare registry, a fifth of it extreme-poor", async () => {
    const households = generateRegistry(await optionsFor(kupang, 3_000));
    const share = (test: (desil: number) => boolean) => households.filter((h) => test(h.desil)).length / households.length;
    expect(share((desil) => desil <= 5)).toBeGreaterThan(0.85);
    expect(share((desil) => desil === 1)).toBeGreaterThan(0.15);
    expect(share((desil) => desil === 1)).toBeLessThan(0.25);
    for (const household of households) expect(household.isExtremePoor).toBe(household.desil === 1);
  });

  it("records how each household reached its current status and desil", async () => {
    const households = generateRegistry(await optionsFor(mataram, 3_000));
    const statuses = new Set(households.map((household) => household.status));
    expect([...statuses].sort()).toEqual(["ACTIVE", "DECEASED", "GRADUATED", "MOVED"]);

    for (const household of households) {
      const lastEvent = household.statusEvents.at(-1);
      if (household.status !== "ACTIVE") {
        expect(lastEvent?.toStatus).toBe(household.status);
        expect(household.statusChangedAt).toEqual(lastEvent?.effectiveDate);
      }
      if (lastEvent) expect(lastEvent.toExtremePoor).toBe(household.isExtremePoor);
      const lastChange = household.desilChanges.at(-1);
      if (lastChange) expect(lastChange.toDesil).toBe(household.desil);
      if (household.status === "DECEASED") expect(household.members).toHaveLength(1);
    }
    expect(households.filter((household) => household.desilChanges.length > 0).length).toBeGreaterThan(100);
  });

  it("names Mataram families in Sasak and Balinese ways and Kupang families with a marga", async () => {
    const mataramNames = generateRegistry(await optionsFor(mataram, 500)).flatMap((h) => h.members.map((m) => m.name));
    expect(mataramNames.some((name) => name.startsWith("Lalu "))).toBe(true);
    expect(mataramNames.some((name) => name.startsWith("Baiq "))).toBe(true);
    expect(mataramNames.some((name) => /^Ni (Wayan|Putu|Luh|Made|Kadek|Nyoman|Komang|Ketut) /.test(name))).toBe(true);

    const kupangHouseholds = generateRegistry(await optionsFor(kupang, 500));
    const sharedLastName = kupangHouseholds.filter((household) => {
      const head = household.members.find((member) => member.relation === "HEAD")!;
      const children = household.members.filter((member) => member.relation === "CHILD");
      const marga = head.name.split(" ").at(-1)!;
      return children.length > 0 && children.every((child) => child.name.endsWith(` ${marga}`));
    });
    expect(sharedLastName.length).toBeGreaterThan(kupangHouseholds.length / 3);
  });
});
