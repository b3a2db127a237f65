import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import type { Role } from "@/lib/generated/prisma/enums";
import { revealPersonalDefinition } from "@/features/registry/action-definitions";
import { getHouseholdProfile } from "@/features/registry/household/get-household";
import { getHouseholdTimeline } from "@/features/registry/household/timeline";
import { registryScope } from "@/lib/auth/scope";
import { personView } from "@/lib/privacy/person-view";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
let second: { kecamatanId: string; kelurahanId: string };
let household: { id: string; noKk: string };
let niks: string[];
let farHousehold: { id: string };

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    second = await addKelurahan(tx, city);
    const made = await makeHousehold(tx, city, {
      members: [{ name: "Lalu Ahmad" }, { name: "Baiq Rohani", sex: "FEMALE" }, { name: "Lalu Zaki", birthDate: "2010-05-04" }],
    });
    household = made.household;
    niks = made.members.map((m) => m.nik);
    farHousehold = (await makeHousehold(tx, city, second)).household;

    // Interventions from two OPDs and a Dana PEM loan known only by the borrower's NIK.
    const disnaker = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    const dinkes = await tx.opd.create({ data: { tenantId: city.id, code: "1.02", name: "Dinas Kesehatan", shortName: "Dinkes" } });
    const sewing = await tx.programme.create({
      data: { tenantId: city.id, opdId: disnaker.id, fiscalYear: 2024, name: "Pelatihan menjahit", kind: "TRAINING" },
    });
    const bpjs = await tx.programme.create({
      data: { tenantId: city.id, opdId: dinkes.id, fiscalYear: 2024, name: "Premi BPJS", kind: "INSURANCE_PREMIUM" },
    });
    const training = await tx.training.create({
      data: {
        tenantId: city.id,
        programmeId: sewing.id,
        opdId: disnaker.id,
        skill: "Menjahit",
        startDate: new Date("2024-03-04"),
        endDate: new Date("2024-03-15"),
        place: "BLK Mataram",
        capacity: 20,
      },
    });
    await tx.trainingParticipant.create({
      data: { tenantId: city.id, trainingId: training.id, householdId: household.id, memberId: made.members[1]!.id, completion: "COMPLETED" },
    });
    await tx.aidDistribution.create({
      data: {
        tenantId: city.id,
        programmeId: sewing.id,
        opdId: disnaker.id,
        householdId: household.id,
        memberId: made.members[1]!.id,
        kind: "EQUIPMENT",
        items: "1 mesin jahit",
        value: 2_500_000n,
        distributedAt: new Date("2024-04-01"),
      },
    });
    await tx.aidDistribution.create({
      data: {
        tenantId: city.id,
        programmeId: bpjs.id,
        opdId: dinkes.id,
        householdId: household.id,
        kind: "INSURANCE_PREMIUM",
        items: "Premi BPJS Ketenagakerjaan 12 bulan",
        value: 201_600n,
        distributedAt: new Date("2024-01-10"),
      },
    });
    const fund = await tx.revolvingFund.create({
      data: { tenantId: city.id, kelurahanId: city.kelurahanId, year: 2024, maxLoan: 5_000_000n, maxTenorMonths: 12 },
    });
    await tx.loan.create({
      data: {
        tenantId: city.id,
        fundId: fund.id,
        borrowerNik: niks[0]!,
        borrowerName: "Lalu Ahmad",
        businessType: "Warung kopi",
        purpose: "Modal warung",
        principal: 3_000_000n,
        tenorMonths: 10,
        status: "DISBURSED",
        disbursedAt: new Date("2024-06-20"),
      },
    });
  });
});

afterAll(async () => {
  await t?.close();
});

const everyone = { kelurahanId: null, nothing: false };
const seenByBapeda = { view: personView({ role: "BAPEDA" }), today: new Date() };
const viewAudits = () => t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "view_personal", entityId: household.id } }));

describe("household profile", () => {
  it("shows the members with every number masked", async () => {
    const profile = await t.withTenant(city.id, (tx) => getHouseholdProfile(tx, household.id, everyone, seenByBapeda));
    expect(profile?.members.map((m) => m.name)).toEqual(["Lalu Ahmad", "Baiq Rohani", "Lalu Zaki"]);
    expect(profile?.noKkMasked).toBe(`••••••••••••${household.noKk.slice(-4)}`);
    expect(JSON.stringify(profile)).not.toMatch(/\d{16}/);
  });

  it("is not found in another city, nor for a kelurahan officer of another kelurahan", async () => {
    expect(await t.withTenant(other.id, (tx) => getHouseholdProfile(tx, household.id, everyone, seenByBapeda))).toBeNull();
    const officer = registryScope({ id: "u", role: "KELURAHAN", kelurahanId: second.kelurahanId });
    expect(await t.withTenant(city.id, (tx) => getHouseholdProfile(tx, household.id, officer, seenByBapeda))).toBeNull();
    expect(await t.withTenant(city.id, (tx) => getHouseholdProfile(tx, farHousehold.id, officer, seenByBapeda))).not.toBeNull();
  });
});

describe("full numbers", () => {
  it("are shown to Bapeda, and the view is audited without the numbers themselves", async () => {
    const before = (await viewAudits()).length;
    const bapeda = sessionUser(city, "BAPEDA");
    const result = await runAction(actionDeps(t, bapeda), revealPersonalDefinition, city.slug, { householdId: household.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.noKk).toBe(household.noKk);
    expect(result.data.members.map((m) => m.nik).sort()).toEqual([...niks].sort());
    const audits = await viewAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ userId: bapeda.id, entity: "Household", requestId: "req-test" });
    expect(JSON.stringify([audits.at(-1)?.before, audits.at(-1)?.after])).not.toMatch(/\d{16}/);
  });

  it("are shown to the household's own kelurahan only", async () => {
    const own = sessionUser(city, "KELURAHAN", { kelurahanId: city.kelurahanId });
    expect((await runAction(actionDeps(t, own), revealPersonalDefinition, city.slug, { householdId: household.id })).ok).toBe(true);
    const before = (await viewAudits()).length;
    const far = sessionUser(city, "KELURAHAN", { kelurahanId: second.kelurahanId });
    const result = await runAction(actionDeps(t, far), revealPersonalDefinition, city.slug, { householdId: household.id });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await viewAudits()).toHaveLength(before);
  });

  it.each<Role>(["OPD_STAFF", "OPD_HEAD", "AUDITOR", "MAYOR_OFFICE", "CITY_ADMIN"])("are refused to %s", async (role) => {
    const before = (await viewAudits()).length;
    const result = await runAction(actionDeps(t, sessionUser(city, role)), revealPersonalDefinition, city.slug, {
      householdId: household.id,
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await viewAudits()).toHaveLength(before);
  });

  it("are not found for another city's Bapeda, through either city", async () => {
    const stranger = sessionUser(other, "BAPEDA");
    for (const slug of [city.slug, other.slug]) {
      const result = await runAction(actionDeps(t, stranger), revealPersonalDefinition, slug, { householdId: household.id });
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });
});

describe("timeline", () => {
  it("puts every OPD's trainings, aid, BPJS premiums and loans on one line, newest first", async () => {
    const { entries, truncated } = await t.withTenant(city.id, (tx) => getHouseholdTimeline(tx, household.id));
    expect(truncated).toBe(false);
    expect(entries.map((e) => [e.kind, e.date.toISOString().slice(0, 10)])).toEqual([
      ["loan", "2024-06-20"],
      ["aid", "2024-04-01"],
      ["training", "2024-03-04"],
      ["aid", "2024-01-10"],
    ]);
    expect(entries[1]).toMatchObject({ kind: "aid", aidKind: "EQUIPMENT", value: 2_500_000n, memberName: "Baiq Rohani", opd: { shortName: "Disnaker" } });
    expect(entries[3]).toMatchObject({ kind: "aid", aidKind: "INSURANCE_PREMIUM", opd: { shortName: "Dinkes" } });
    expect(entries[2]).toMatchObject({ kind: "training", skill: "Menjahit", memberName: "Baiq Rohani", completion: "COMPLETED" });
    expect(entries[0]).toMatchObject({ kind: "loan", borrowerName: "Lalu Ahmad", principal: 3_000_000n });
  });

  it("is empty for a household nobody has reached", async () => {
    const { entries } = await t.withTenant(city.id, (tx) => getHouseholdTimeline(tx, farHousehold.id));
    expect(entries).toEqual([]);
  });
});
