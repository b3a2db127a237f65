// BPJS Ketenagakerjaan premiums as cover: a member, a KPJ number, a period and a monthly
// premium; the lists of cover ending this month and of people covered twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import { createDistributionDefinition } from "@/features/aid/action-definitions";
import { coverEndingThisMonth, coveredTwice } from "@/features/aid/bpjs-cover";
import { programmeScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session-user";
import { addMonths, dayToDate, todayIn } from "@/lib/calendar/days";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type City = {
  tenant: TestTenant;
  disnaker: string;
  dinsos: string;
  disnakerProgramme: string;
  dinsosProgramme: string;
  staff: SessionUser;
  dinsosStaff: SessionUser;
  bapeda: SessionUser;
};

/** A city of its own with two OPDs, each with a premium programme of this year. */
async function newCity(): Promise<City> {
  const tenant = await createTestTenant(t.db, t.withTenant);
  const year = new Date().getUTCFullYear();
  return t.withTenant(tenant.id, async (tx) => {
    const opd = (code: string, shortName: string) => tx.opd.create({ data: { tenantId: tenant.id, code, name: `Dinas ${shortName}`, shortName } });
    const disnaker = (await opd("2.07", "Disnaker")).id;
    const dinsos = (await opd("1.06", "Dinsos")).id;
    const programme = (opdId: string) =>
      tx.programme.create({ data: { tenantId: tenant.id, opdId, fiscalYear: year, name: "Iuran BPJS Ketenagakerjaan", kind: "INSURANCE_PREMIUM" } });
    return {
      tenant,
      disnaker,
      dinsos,
      disnakerProgramme: (await programme(disnaker)).id,
      dinsosProgramme: (await programme(dinsos)).id,
      staff: sessionUser(tenant, "OPD_STAFF", { id: `staf-disnaker-${tenant.slug}`, opdId: disnaker }),
      dinsosStaff: sessionUser(tenant, "OPD_STAFF", { id: `staf-dinsos-${tenant.slug}`, opdId: dinsos }),
      bapeda: sessionUser(tenant, "BAPEDA", { id: `bapeda-${tenant.slug}` }),
    };
  });
}

let nikSerial = 0;
async function person(city: City, name = "Lalu Ahmad") {
  return t.withTenant(city.tenant.id, async (tx) => {
    const h = await createTestHousehold(tx, city.tenant);
    nikSerial += 1;
    const member = await tx.member.create({
      data: {
        tenantId: city.tenant.id,
        householdId: h.id,
        nik: `5271${String(Date.now()).slice(-6)}${String(nikSerial).padStart(6, "0")}`,
        name,
        sex: "MALE",
        birthDate: new Date("1980-05-01"),
        relation: "HEAD",
      },
    });
    return { householdId: h.id, memberId: member.id };
  });
}

/** This month in the city's time zone, as its first day. */
async function thisMonth(city: City): Promise<Date> {
  const timeZone = await t.withTenant(city.tenant.id, async (tx) => (await tx.tenant.findUniqueOrThrow({ where: { id: city.tenant.id } })).timeZone);
  const today = dayToDate(todayIn(timeZone));
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
}

const month = (date: Date) => date.toISOString().slice(0, 7);

/** A verified premium entry, as the head's verification leaves it. */
async function cover(city: City, opdId: string, who: { householdId: string; memberId: string }, start: Date, months: number, extra: { status?: "DRAFT" | "VERIFIED"; reversesId?: string; value?: bigint } = {}) {
  return t.withTenant(city.tenant.id, async (tx) => {
    const entry = await tx.aidDistribution.create({
      data: {
        tenantId: city.tenant.id,
        programmeId: opdId === city.disnaker ? city.disnakerProgramme : city.dinsosProgramme,
        opdId,
        householdId: who.householdId,
        memberId: who.memberId,
        kind: "INSURANCE_PREMIUM",
        items: "Iuran JKK dan JKM",
        value: extra.value ?? 16_800n * BigInt(months),
        distributedAt: start,
        monthsCovered: months,
        coverageStart: start,
        premiumPerMonth: 16_800n,
        bpjsNumber: "12345678901",
        status: extra.status ?? "VERIFIED",
        reversesId: extra.reversesId,
      },
    });
    return entry.id;
  });
}

const premiumInput = (city: City, who: { householdId: string; memberId: string }, extra: Record<string, unknown> = {}) => ({
  programmeId: city.disnakerProgramme,
  householdId: who.householdId,
  memberId: who.memberId,
  kind: "INSURANCE_PREMIUM",
  items: "Iuran JKK dan JKM",
  quantity: "1",
  distributedAt: `${new Date().getUTCFullYear()}-01-02`,
  proofRef: "KW/BPJS/001",
  bpjsNumber: "12345678901",
  coverageStart: `${new Date().getUTCFullYear()}-01`,
  monthsCovered: "6",
  premiumPerMonth: "16.800",
  value: "100.800",
  ...extra,
});

const run = (city: City, user: SessionUser, input: Record<string, unknown>) => runAction(actionDeps(t, user), createDistributionDefinition, city.tenant.slug, submitted(input));
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

describe("recording BPJS Ketenagakerjaan cover", () => {
  it("keeps the member, KPJ number, the months covered and the monthly premium; the end month follows", async () => {
    const city = await newCity();
    const who = await person(city);
    const result = await run(city, city.staff, premiumInput(city, who));
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { distributionId: string } }).data.distributionId;
    const year = new Date().getUTCFullYear();
    const entry = await t.withTenant(city.tenant.id, (tx) => tx.aidDistribution.findFirstOrThrow({ where: { id } }));
    expect(entry).toMatchObject({
      memberId: who.memberId,
      bpjsNumber: "12345678901",
      coverageStart: new Date(Date.UTC(year, 0, 1)),
      coverageEnd: new Date(Date.UTC(year, 5, 1)),
      monthsCovered: 6,
      premiumPerMonth: 16_800n,
      value: 100_800n,
    });
    // The audit row never holds the whole KPJ number.
    const audit = await t.withTenant(city.tenant.id, (tx) => tx.auditLog.findFirstOrThrow({ where: { entity: "AidDistribution", entityId: id } }));
    expect(JSON.stringify(audit.after)).toContain("8901");
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("12345678901");
  });

  it("the premium defaults to Rp 16.800 a month", async () => {
    const city = await newCity();
    const who = await person(city);
    const result = await run(city, city.staff, premiumInput(city, who, { premiumPerMonth: "" }));
    expect(result).toMatchObject({ ok: true });
  });

  it("refuses a value that is not the premium times the months, and writes nothing", async () => {
    const city = await newCity();
    const who = await person(city);
    const result = await run(city, city.staff, premiumInput(city, who, { value: "101.000" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(fieldErrors(result).value?.[0]).toMatch(/16\.800 × 6 bulan = Rp\s100\.800/);
    for (const [change, field] of [
      [{ bpjsNumber: "" }, "bpjsNumber"],
      [{ bpjsNumber: "1234" }, "bpjsNumber"],
      [{ coverageStart: "" }, "coverageStart"],
      [{ coverageStart: "2024-13" }, "coverageStart"],
      [{ memberId: "" }, "memberId"],
    ] as const) {
      const refused = await run(city, city.staff, premiumInput(city, who, change));
      expect(fieldErrors(refused)[field]?.length, JSON.stringify(change)).toBeGreaterThan(0);
    }
    expect(await t.withTenant(city.tenant.id, (tx) => tx.aidDistribution.count())).toBe(0);
  });

  it("the database itself refuses a value that is not premium times months", async () => {
    const city = await newCity();
    const who = await person(city);
    await expect(cover(city, city.disnaker, who, await thisMonth(city), 3, { value: 50_000n })).rejects.toThrow();
  });
});

describe("cover ending this month", () => {
  it("lists verified cover whose last month is this month, not renewed, not reversed", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    const ending = await person(city, "Ending");
    const renewed = await person(city, "Renewed");
    const later = await person(city, "Later");
    const draft = await person(city, "Draft");
    const reversed = await person(city, "Reversed");
    const endingId = await cover(city, city.disnaker, ending, addMonths(now, -2), 3);
    await cover(city, city.disnaker, renewed, addMonths(now, -2), 3);
    await cover(city, city.disnaker, renewed, addMonths(now, 1), 6);
    await cover(city, city.disnaker, later, addMonths(now, -2), 4);
    await cover(city, city.disnaker, draft, addMonths(now, -2), 3, { status: "DRAFT" });
    const reversedId = await cover(city, city.disnaker, reversed, addMonths(now, -2), 3);
    await cover(city, city.disnaker, reversed, addMonths(now, -2), 3, { reversesId: reversedId, value: -50_400n });

    const list = await t.withTenant(city.tenant.id, (tx) => coverEndingThisMonth(tx, { tenantId: city.tenant.id, scope: programmeScope(city.bapeda) }));
    expect(list.count).toBe(1);
    expect(list.rows.map((row) => row.distributionId)).toEqual([endingId]);
    expect(list.rows[0]).toMatchObject({ memberName: "Ending", coverageEnd: now, bpjsNumber: "•••••••8901" });
    expect(list.month).toEqual({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
  });

  it("pages the list and keeps an OPD's staff to their own OPD's cover", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    for (const name of ["A", "B", "C"]) await cover(city, city.disnaker, await person(city, name), addMonths(now, -1), 2);
    await cover(city, city.dinsos, await person(city, "Dinsos"), now, 1);

    const read = (user: SessionUser, page = 1) =>
      t.withTenant(city.tenant.id, (tx) => coverEndingThisMonth(tx, { tenantId: city.tenant.id, scope: programmeScope(user), page, pageSize: 2 }));
    const first = await read(city.staff);
    expect(first.count).toBe(3);
    expect(first.rows).toHaveLength(2);
    const second = await read(city.staff, 2);
    expect(second.rows).toHaveLength(1);
    expect([...first.rows, ...second.rows].map((row) => row.memberName).sort()).toEqual(["A", "B", "C"]);
    expect((await read(city.dinsosStaff)).rows.map((row) => row.memberName)).toEqual(["Dinsos"]);
    expect((await read(city.bapeda)).count).toBe(4);
  });
});

describe("people covered twice", () => {
  it("lists a member whose verified covers overlap, whatever the OPD; touching periods, drafts and reversals are not overlaps", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    const twice = await person(city, "Twice");
    const backToBack = await person(city, "BackToBack");
    const withDraft = await person(city, "WithDraft");
    const reversed = await person(city, "Reversed");
    const first = await cover(city, city.disnaker, twice, addMonths(now, -3), 6);
    const second = await cover(city, city.dinsos, twice, now, 6);
    await cover(city, city.disnaker, backToBack, addMonths(now, -3), 3);
    await cover(city, city.disnaker, backToBack, now, 3);
    await cover(city, city.disnaker, withDraft, now, 3);
    await cover(city, city.disnaker, withDraft, now, 3, { status: "DRAFT" });
    const undone = await cover(city, city.disnaker, reversed, now, 3);
    await cover(city, city.disnaker, reversed, now, 3);
    await cover(city, city.disnaker, reversed, now, 3, { reversesId: undone, value: -50_400n });

    const list = await t.withTenant(city.tenant.id, (tx) => coveredTwice(tx, { tenantId: city.tenant.id, scope: programmeScope(city.bapeda) }));
    expect(list.count).toBe(1);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ memberId: twice.memberId, memberName: "Twice" });
    expect(list.rows[0]!.covers.map((c) => [c.distributionId, c.opd, month(c.coverageStart), month(c.coverageEnd)])).toEqual([
      [first, "Disnaker", month(addMonths(now, -3)), month(addMonths(now, 2))],
      [second, "Dinsos", month(now), month(addMonths(now, 5))],
    ]);
  });

  it("an OPD's staff see the people their own OPD's cover overlaps, not another OPD's alone, and never another OPD's entry id", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    const shared = await person(city, "Shared");
    const dinsosOnly = await person(city, "DinsosOnly");
    await cover(city, city.disnaker, shared, now, 6);
    await cover(city, city.dinsos, shared, addMonths(now, 2), 6);
    await cover(city, city.dinsos, dinsosOnly, now, 6);
    await cover(city, city.dinsos, dinsosOnly, now, 3);

    const read = (user: SessionUser, page = 1, pageSize = 50) =>
      t.withTenant(city.tenant.id, (tx) => coveredTwice(tx, { tenantId: city.tenant.id, scope: programmeScope(user), page, pageSize }));
    const own = await read(city.staff);
    expect(own.count).toBe(1);
    expect(own.rows.map((row) => row.memberName)).toEqual(["Shared"]);
    expect(own.rows[0]!.covers.find((c) => c.opd === "Dinsos")?.distributionId).toBeNull();
    expect((await read(city.dinsosStaff)).count).toBe(2);
    const bapeda = await read(city.bapeda, 2, 1);
    expect(bapeda.count).toBe(2);
    expect(bapeda.rows).toHaveLength(1);
  });
});
