// An OPD clerk once rebuilt every NIK of a household: the mask hid the kecamatan and birth
// digits, but the household page showed the birth date, sex and kecamatan, and the
// registry search confirmed each guess. These tests replay that attack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import { ageOn, dateToDay } from "@/lib/calendar/days";
import { generateNik } from "@/lib/identity/nik";
import { NUMBER_LOOKUP_POLICY } from "@/lib/privacy/number-lookup";
import { personView } from "@/lib/privacy/person-view";
import { registryScope } from "@/lib/auth/scope";
import { lookupNumberDefinition } from "@/features/registry/action-definitions";
import { getHouseholdProfile } from "@/features/registry/household/get-household";
import { parseRegistrySearchParams, registrySearchQuery } from "@/features/registry/search/schema";
import { searchHouseholds } from "@/features/registry/search/search-households";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";

let t: TestDb;
let city: TestTenant;
let otherCityNik: string;
let household: { id: string; noKk: string };
let members: { id: string; nik: string; birthDate: Date; sex: "MALE" | "FEMALE" }[];

const everyone = { kelurahanId: null, nothing: false };
const today = new Date(Date.UTC(2026, 11, 6));

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const made = await t.withTenant(city.id, (tx) =>
    makeHousehold(tx, city, {
      members: [
        { name: "Lalu Sahnan", birthDate: "1979-08-17" },
        { name: "Baiq Nurul", sex: "FEMALE", birthDate: "1983-02-05" },
        { name: "Lalu Rizki", birthDate: "2008-11-30" },
      ],
    }),
  );
  household = made.household;
  members = made.members;
  const other = await createTestTenant(t.db, t.withTenant);
  otherCityNik = (await t.withTenant(other.id, (tx) => makeHousehold(tx, other))).members[0]!.nik;
});

afterAll(async () => {
  await t?.close();
});

const lookupAudits = (userId: string) =>
  t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "registry.lookup", userId }, orderBy: { id: "asc" } }));

describe("what a household shows to whom", () => {
  it("gives an OPD clerk no digit of a NIK but its last four, and an age instead of the birth date", async () => {
    const clerk = sessionUser(city, "OPD_STAFF");
    const profile = await t.withTenant(city.id, (tx) => getHouseholdProfile(tx, household.id, registryScope(clerk), { view: personView(clerk), today }));
    const shown = JSON.stringify(profile);
    for (const member of members) {
      expect(shown).not.toContain(member.nik.slice(0, 6));
      expect(shown).not.toContain(member.nik.slice(6, 12));
      expect(shown).not.toContain(dateToDay(member.birthDate));
    }
    expect(profile?.members.map((m) => [m.nikMasked, m.birth])).toEqual(
      members.map((m) => [`••••••••••••${m.nik.slice(-4)}`, { date: null, age: ageOn(m.birthDate, today) }]),
    );
    expect(profile?.noKkMasked).toBe(`••••••••••••${household.noKk.slice(-4)}`);
  });

  it("gives Bapeda, who may read personal data, the birth date, and still only masked numbers", async () => {
    const bapeda = sessionUser(city, "BAPEDA");
    const profile = await t.withTenant(city.id, (tx) => getHouseholdProfile(tx, household.id, everyone, { view: personView(bapeda), today }));
    expect(profile?.members[0]?.birth).toEqual({ date: members[0]!.birthDate, age: 47 });
    expect(JSON.stringify(profile)).not.toMatch(/\d{16}/);
  });
});

describe("looking a person up by number", () => {
  it("is refused to the OPD clerk", async () => {
    const clerk = sessionUser(city, "OPD_STAFF");
    const result = await runAction(actionDeps(t, clerk), lookupNumberDefinition, city.slug, { number: members[0]!.nik });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("no longer happens through the registry's address bar: ?q=<NIK> searches nothing", async () => {
    const filter = parseRegistrySearchParams({ q: members[1]!.nik });
    expect(filter.text.kind).toBe("numberNotHere");
    expect(filter.q).toBeUndefined();
    expect(registrySearchQuery(filter)).not.toMatch(/\d{6}/);
    const page = await t.withTenant(city.id, (tx) => searchHouseholds(tx, filter, { tenantId: city.id, scope: everyone }));
    expect(page.rows).toEqual([]);
  });

  it("finds the household by NIK or No. KK for a reader of personal data, and audits it without the number", async () => {
    const officer = sessionUser(city, "KELURAHAN", { id: `lookup-officer-${city.slug}`, kelurahanId: city.kelurahanId });
    const byNik = await runAction(actionDeps(t, officer), lookupNumberDefinition, city.slug, { number: members[1]!.nik.replace(/(\d{4})/g, "$1 ") });
    expect(byNik).toMatchObject({ ok: true, data: { kind: "found", householdId: household.id } });
    const byKk = await runAction(actionDeps(t, officer), lookupNumberDefinition, city.slug, { number: household.noKk });
    expect(byKk).toMatchObject({ ok: true, data: { kind: "found", householdId: household.id } });
    const none = await runAction(actionDeps(t, officer), lookupNumberDefinition, city.slug, {
      number: generateNik({ regionCode: "527101", birthDate: new Date(Date.UTC(1990, 0, 1)), sex: "MALE", serial: 9999 }),
    });
    expect(none).toMatchObject({ ok: true, data: { kind: "none" } });

    const audits = await lookupAudits(officer.id);
    expect(audits.map((a) => [a.entityId, (a.after as { outcome: string }).outcome])).toEqual([
      [household.id, "found"],
      [household.id, "found"],
      [null, "none"],
    ]);
    expect(JSON.stringify(audits.map((a) => a.after))).not.toMatch(/\d{5}/);
  });

  it("stops the rebuilding of a NIK from candidates: beyond the limit every search is refused, each audited", async () => {
    const officer = sessionUser(city, "BAPEDA", { id: `lookup-guesser-${city.slug}` });
    const target = members[0]!;
    // Every birth date of the year before the true one, then the true NIK.
    const guesses = Array.from({ length: NUMBER_LOOKUP_POLICY.max }, (_, day) =>
      generateNik({ regionCode: "527101", birthDate: new Date(Date.UTC(1978, 0, 1 + day)), sex: target.sex, serial: Number(target.nik.slice(-4)) }),
    );
    for (const guess of guesses) {
      const result = await runAction(actionDeps(t, officer), lookupNumberDefinition, city.slug, { number: guess });
      expect(result).toMatchObject({ ok: true, data: { kind: "none" } });
    }
    const right = await runAction(actionDeps(t, officer), lookupNumberDefinition, city.slug, { number: target.nik });
    expect(right).toMatchObject({ ok: true, data: { kind: "limited" } });
    expect(JSON.stringify(right)).not.toContain(household.id);

    const audits = await lookupAudits(officer.id);
    expect(audits).toHaveLength(NUMBER_LOOKUP_POLICY.max + 1);
    expect((audits.at(-1)!.after as { outcome: string }).outcome).toBe("limited");
    expect(JSON.stringify(audits.map((a) => a.after))).not.toMatch(/\d{5}/);
  });

  it("finds nothing of another city, nor outside a kelurahan officer's own kelurahan", async () => {
    const bapeda = sessionUser(city, "BAPEDA", { id: `lookup-scope-${city.slug}` });
    expect(await runAction(actionDeps(t, bapeda), lookupNumberDefinition, city.slug, { number: otherCityNik })).toMatchObject({
      ok: true,
      data: { kind: "none" },
    });
    const elsewhere = await t.withTenant(city.id, (tx) => addKelurahan(tx, city));
    const officer = sessionUser(city, "KELURAHAN", { id: `lookup-elsewhere-${city.slug}`, kelurahanId: elsewhere.kelurahanId });
    expect(await runAction(actionDeps(t, officer), lookupNumberDefinition, city.slug, { number: members[0]!.nik })).toMatchObject({
      ok: true,
      data: { kind: "none" },
    });
  });

  it("counts per user: another reader of the same city is not held back by the first", async () => {
    const fresh = sessionUser(city, "BAPEDA", { id: `lookup-fresh-${city.slug}` });
    const result = await runAction(actionDeps(t, fresh), lookupNumberDefinition, city.slug, { number: members[2]!.nik });
    expect(result).toMatchObject({ ok: true, data: { kind: "found", householdId: household.id } });
  });
});
