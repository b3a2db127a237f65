// BPJS Ketenagakerjaan premiums as cover: a member, a KPJ number, a period and a monthly
// premium; the lists of cover ending this month and of people covered twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import { readFile } from "node:fs/promises";
import { createDistributionDefinition } from "@/features/aid/action-definitions";
import { DISTRIBUTION_COLUMNS, importDistributionsDefinition } from "@/features/aid/distribution-import";
import { distributionExport } from "@/features/aid/export";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { runTableImport } from "@/tests/helpers/table-imports";
import { coverEndingThisMonth, coveredTwice } from "@/features/aid/bpjs-cover";
import { programmeScope } from "@/lib/auth/scope";
import type { KeyCursor } from "@/lib/paging/key-page";
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
async function cover(
  city: City,
  opdId: string,
  who: { householdId: string; memberId: string },
  start: Date,
  months: number,
  extra: { status?: "DRAFT" | "VERIFIED"; reversesId?: string; value?: bigint } = {},
) {
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

const run = (city: City, user: SessionUser, input: Record<string, unknown>) =>
  runAction(actionDeps(t, user), createDistributionDefinition, city.tenant.slug, submitted(input));
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

  it("warns of the member's cover that overlaps, even bought last year by another OPD; saves it only when confirmed", async () => {
    const city = await newCity();
    const who = await person(city);
    const year = new Date().getUTCFullYear();
    await cover(city, city.dinsos, who, new Date(Date.UTC(year - 1, 11, 1)), 3);
    const warned = await run(city, city.staff, premiumInput(city, who));
    expect(warned).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(fieldErrors(warned).duplicate?.[0]).toMatch(/Dinas Dinsos/);
    expect(await run(city, city.staff, premiumInput(city, who, { acknowledgeDuplicate: "1" }))).toMatchObject({ ok: true });
    // Cover that ends before this one starts is no warning.
    const other = await person(city, "Other");
    await cover(city, city.dinsos, other, new Date(Date.UTC(year - 1, 9, 1)), 3);
    expect(await run(city, city.staff, premiumInput(city, other))).toMatchObject({ ok: true });
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
    expect(list.total).toBe(1);
    expect(list.rows.map((row) => row.distributionId)).toEqual([endingId]);
    expect(list.rows[0]).toMatchObject({ memberName: "Ending", coverageEnd: now, bpjsNumber: "•••••••8901" });
    expect(list.month).toEqual({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
  });

  it("pages the list by key and keeps an OPD's staff to their own OPD's cover", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    for (const name of ["A", "B", "C"]) await cover(city, city.disnaker, await person(city, name), addMonths(now, -1), 2);
    await cover(city, city.dinsos, await person(city, "Dinsos"), now, 1);

    const read = (user: SessionUser, cursor: KeyCursor = {}) =>
      t.withTenant(city.tenant.id, (tx) => coverEndingThisMonth(tx, { tenantId: city.tenant.id, scope: programmeScope(user), cursor, pageSize: 2 }));
    const first = await read(city.staff);
    expect(first.total).toBe(3);
    expect(first.rows.map((row) => row.memberName)).toEqual(["A", "B"]);
    expect(first.prevBefore).toBeNull();
    const second = await read(city.staff, { after: first.nextAfter! });
    expect(second.rows.map((row) => row.memberName)).toEqual(["C"]);
    expect(second.nextAfter).toBeNull();
    expect((await read(city.staff, { before: second.prevBefore! })).rows.map((row) => row.memberName)).toEqual(["A", "B"]);
    // Another OPD's entry as a cursor is no row of this OPD's list: its first page.
    const dinsos = await read(city.dinsosStaff);
    expect(dinsos.rows.map((row) => row.memberName)).toEqual(["Dinsos"]);
    expect(await read(city.staff, { after: dinsos.rows[0]!.distributionId })).toMatchObject({ cursorLost: true, total: 3 });
    expect((await read(city.bapeda)).total).toBe(4);
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
    expect(list.total).toBe(1);
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

    const read = (user: SessionUser, cursor: KeyCursor = {}, pageSize = 50) =>
      t.withTenant(city.tenant.id, (tx) => coveredTwice(tx, { tenantId: city.tenant.id, scope: programmeScope(user), cursor, pageSize }));
    const own = await read(city.staff);
    expect(own.total).toBe(1);
    expect(own.rows.map((row) => row.memberName)).toEqual(["Shared"]);
    expect(own.rows[0]!.covers.find((c) => c.opd === "Dinsos")).toMatchObject({ distributionId: null, programme: null });
    expect(own.rows[0]!.covers.find((c) => c.opd === "Disnaker")).toMatchObject({ programme: "Iuran BPJS Ketenagakerjaan" });
    expect((await read(city.dinsosStaff)).total).toBe(2);
    // Dinsos's own member as the cursor of Disnaker's list is no row of it: the first page.
    expect(await read(city.staff, { after: dinsosOnly.memberId })).toMatchObject({ cursorLost: true, total: 1 });
    const first = await read(city.bapeda, {}, 1);
    expect(first.rows.map((row) => row.memberName)).toEqual(["DinsosOnly"]);
    const second = await read(city.bapeda, { after: first.nextAfter! }, 1);
    expect(second.total).toBe(2);
    expect(second.rows.map((row) => row.memberName)).toEqual(["Shared"]);
    expect(second.nextAfter).toBeNull();
    expect((await read(city.bapeda, { before: second.prevBefore! }, 1)).rows.map((row) => row.memberName)).toEqual(["DinsosOnly"]);
  });

  it("follows a member's new name in the list's order, and a reversal verified later", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    const [first, second] = [await person(city, "Budi"), await person(city, "Citra")];
    for (const who of [first, second]) {
      await cover(city, city.disnaker, who, now, 6);
      await cover(city, city.dinsos, who, addMonths(now, 1), 6);
    }
    const undone = await cover(city, city.disnaker, second, addMonths(now, 3), 6);
    const names = () =>
      t.withTenant(city.tenant.id, async (tx) =>
        (await coveredTwice(tx, { tenantId: city.tenant.id, scope: programmeScope(city.bapeda) })).rows.map((r) => r.memberName),
      );
    expect(await names()).toEqual(["Budi", "Citra"]);
    await t.withTenant(city.tenant.id, (tx) =>
      tx.member.update({ where: { tenantId_id: { tenantId: city.tenant.id, id: first.memberId } }, data: { name: "Wati" } }),
    );
    expect(await names()).toEqual(["Citra", "Wati"]);
    const reversal = await cover(city, city.disnaker, second, addMonths(now, 3), 6, { status: "DRAFT", reversesId: undone, value: -100_800n });
    const ending = () =>
      t.withTenant(city.tenant.id, async (tx) =>
        (await coverEndingThisMonth(tx, { tenantId: city.tenant.id, scope: programmeScope(city.bapeda), now: addMonths(now, 8) })).rows.map(
          (r) => r.memberName,
        ),
      );
    expect(await ending()).toEqual(["Citra"]);
    await t.withTenant(city.tenant.id, (tx) =>
      tx.aidDistribution.update({ where: { tenantId_id: { tenantId: city.tenant.id, id: reversal } }, data: { status: "VERIFIED" } }),
    );
    expect(await ending()).toEqual([]);
    expect(await names()).toEqual(["Citra", "Wati"]);
  });
});

describe("importing and exporting BPJS cover", () => {
  const HEADER = "PROGRAM;NIK;JENIS;BANTUAN;NILAI;TANGGAL;NOMOR BUKTI;BULAN PREMI;NOMOR KPJ;MULAI KEPESERTAAN;PREMI PER BULAN";

  it("reads NOMOR KPJ, MULAI KEPESERTAAN and PREMI PER BULAN, refuses a NILAI that is not premium × months, and never echoes the number", async () => {
    const city = await newCity();
    const year = new Date().getUTCFullYear();
    const niks: string[] = [];
    for (const name of ["A", "B", "C"]) {
      const who = await person(city, name);
      niks.push(
        await t.withTenant(
          city.tenant.id,
          async (tx) => (await tx.member.findUniqueOrThrow({ where: { tenantId_id: { tenantId: city.tenant.id, id: who.memberId } } })).nik,
        ),
      );
    }
    const lines = [
      `Iuran BPJS Ketenagakerjaan;${niks[0]};BPJS TK;Iuran JKK JKM;201.600;02-01-${year};KW/1;12;123 4567 8901;01-${year};`,
      `Iuran BPJS Ketenagakerjaan;${niks[1]};BPJS TK;Iuran JKK JKM;60.000;02-01-${year};KW/2;3;12345678902;Januari ${year};20.000`,
      `Iuran BPJS Ketenagakerjaan;${niks[2]};BPJS TK;Iuran JKK JKM;100.000;02-01-${year};KW/3;6;12345678903;${year}-01;`,
      `Iuran BPJS Ketenagakerjaan;${niks[2]};BPJS TK;Iuran JKK JKM;100.800;02-01-${year};KW/4;6;98765;${year}-01;`,
      `Iuran BPJS Ketenagakerjaan;${niks[2]};BPJS TK;Iuran JKK JKM;100.800;02-01-${year};KW/5;6;;;`,
    ];
    const form = new FormData();
    form.set("file", new File([[HEADER, ...lines].join("\r\n")], "bpjs.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    form.set("acknowledgeDuplicates", "on");
    const result = await runTableImport(t, actionDeps(t, city.staff), importDistributionsDefinition, city.tenant.slug, form);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const data = result.data as TableImportReport;
    expect(data.accepted).toBe(2);
    const reasons = (row: number) => data.rejected.find((r) => r.rowNumber === row)?.reasons.join("; ") ?? "";
    expect(reasons(4)).toMatch(/NILAI harus PREMI PER BULAN × BULAN PREMI/);
    expect(reasons(5)).toMatch(/NOMOR KPJ harus 11 digit/);
    expect(reasons(5)).not.toContain("98765");
    expect(reasons(6)).toMatch(/NOMOR KPJ.*MULAI KEPESERTAAN|MULAI KEPESERTAAN.*NOMOR KPJ/);
    const saved = await t.withTenant(city.tenant.id, (tx) => tx.aidDistribution.findMany({ orderBy: { proofRef: "asc" } }));
    expect(saved.map((e) => [e.bpjsNumber, e.coverageStart, e.coverageEnd, e.premiumPerMonth])).toEqual([
      ["12345678901", new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 1)), 16_800n],
      ["12345678902", new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 2, 1)), 20_000n],
    ]);
  });

  it("exports the KPJ number masked, the cover's months and the monthly premium", async () => {
    const city = await newCity();
    const now = await thisMonth(city);
    await cover(city, city.disnaker, await person(city), now, 3);
    const rows = await t.withTenant(city.tenant.id, (tx) =>
      distributionExport.batch(tx, { user: city.bapeda as never, params: {} as never, search: new URLSearchParams(), after: null, take: 10 }),
    );
    const cell = (header: string) => distributionExport.columns.find((c) => c.header === header)!.value(rows[0]!);
    expect(cell("NOMOR KPJ")).toBe("•••••••8901");
    expect(cell("MULAI KEPESERTAAN")).toBe(month(now));
    expect(cell("AKHIR KEPESERTAAN")).toBe(month(addMonths(now, 2)));
    expect(cell("PREMI PER BULAN")).toBe(16_800n);
  });

  it("docs/import-format.md names every column of the aid import with every spelling", async () => {
    const docs = await readFile("docs/import-format.md", "utf8");
    const section = docs.slice(docs.indexOf("## Impor penyaluran bantuan"));
    expect(section.length).toBeGreaterThan(100);
    for (const column of DISTRIBUTION_COLUMNS) {
      const line = section.split("\n").find((row) => row.includes(`\`${column.header}\``));
      expect(line, column.header).toBeDefined();
      for (const alias of column.aliases) expect(line, `${column.header}: ${alias}`).toContain(alias);
    }
  });
});
