// Pages open on the city's current fiscal year, offer years from its first programme to next
// year, ignore any other year asked in the URL, and refuse planning a programme further out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgrammeDefinition } from "@/features/programmes/action-definitions";
import { yearContext } from "@/features/programmes/year-context";
import { mayorDashboardContext } from "@/features/dashboards/mayor-context";
import { runAction } from "@/lib/actions/run";
import { cityFiscalYears, fiscalYearsOf, shownFiscalYear } from "@/lib/calendar/city-fiscal-year";
import { currentYearMonth } from "@/lib/calendar/months";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let jayapura: TestTenant;
let opdId: string;
const thisYear = currentYearMonth("Asia/Jakarta").year;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  jayapura = await createTestTenant(t.db, t.withTenant);
  await t.db.tenant.update({ where: { id: jayapura.id }, data: { timeZone: "Asia/Jayapura" } });
  opdId = await t.withTenant(city.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    // Old figures, and a programme typed years ahead (as Kupang's 2031).
    await tx.programme.createMany({
      data: [2024, 2031].map((fiscalYear) => ({ tenantId: city.id, opdId: opd.id, fiscalYear, name: `Program ${fiscalYear}`, kind: "TRAINING" as const })),
    });
    return opd.id;
  });
});

afterAll(async () => {
  await t?.close();
});

describe("the city's fiscal years", () => {
  it("turns the year in the city's time zone: 31 December 16:30 UTC is already 1 January in WIT", async () => {
    const instant = new Date(Date.UTC(2026, 11, 31, 16, 30));
    expect((await t.withTenant(jayapura.id, (tx) => cityFiscalYears(tx, jayapura.id, instant))).current).toBe(2027);
    expect((await t.withTenant(city.id, (tx) => cityFiscalYears(tx, city.id, instant))).current).toBe(2026);
  });

  it("runs from the city's first programme year to next year", async () => {
    const years = await t.withTenant(city.id, (tx) => cityFiscalYears(tx, city.id));
    expect(years).toEqual({ current: thisYear, first: 2024, last: thisYear + 1 });
    expect(fiscalYearsOf(2026, null)).toEqual({ current: 2026, first: 2026, last: 2027 });
  });

  it("shows an asked year inside the range, and this year for any other", () => {
    const years = fiscalYearsOf(2026, 2024);
    expect(shownFiscalYear(2024, years)).toBe(2024);
    expect(shownFiscalYear(2027, years)).toBe(2027);
    expect(shownFiscalYear(2099, years)).toBe(2026);
    expect(shownFiscalYear(2023, years)).toBe(2026);
    expect(shownFiscalYear(null, years)).toBe(2026);
  });
});

describe("a page's year", () => {
  const bapeda = () => sessionUser(city, "BAPEDA") as ReturnType<typeof sessionUser> & { tenantId: string };

  it("opens the programme pages on this fiscal year, not the latest year with a programme", async () => {
    const context = await t.withTenant(city.id, (tx) => yearContext(tx, bapeda(), {}));
    expect(context.year).toBe(thisYear);
    expect(context.years[0]).toBe(thisYear + 1);
    expect(context.years).toContain(2024);
    expect(context.years).not.toContain(2031);
  });

  it("ignores 2099 in the URL and keeps an earlier year asked for", async () => {
    expect((await t.withTenant(city.id, (tx) => yearContext(tx, bapeda(), { tahun: "2099" }))).year).toBe(thisYear);
    expect((await t.withTenant(city.id, (tx) => yearContext(tx, bapeda(), { tahun: "2031" }))).year).toBe(thisYear);
    expect((await t.withTenant(city.id, (tx) => yearContext(tx, bapeda(), { tahun: "2024" }))).year).toBe(2024);
  });

  it("opens the mayor's dashboards on this fiscal year and ignores 2099", async () => {
    const opened = await t.withTenant(city.id, (tx) => mayorDashboardContext(tx, city.id, {}));
    expect(opened.filters.year).toBe(thisYear);
    expect(opened.fiscalYears.current).toBe(thisYear);
    expect(opened.options.years).not.toContain(2031);
    expect((await t.withTenant(city.id, (tx) => mayorDashboardContext(tx, city.id, { tahun: "2099" }))).filters.year).toBe(thisYear);
    expect((await t.withTenant(city.id, (tx) => mayorDashboardContext(tx, city.id, { tahun: "2024" }))).filters.year).toBe(2024);
  });
});

describe("planning a programme", () => {
  const form = (fiscalYear: number) =>
    submitted({
      name: `Pelatihan ${fiscalYear}`,
      kind: "TRAINING",
      fiscalYear: String(fiscalYear),
      description: "",
      targetUnit: "PERSON",
      targetCount: "10",
      targetExtremeCount: "0",
    });
  const create = (fiscalYear: number) =>
    runAction(actionDeps(t, sessionUser(city, "OPD_STAFF", { id: "staf", opdId })), createProgrammeDefinition, city.slug, form(fiscalYear));

  it("refuses 2099 and accepts next year", async () => {
    const refused = await create(2099);
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    expect((refused as { fieldErrors: Record<string, string[]> }).fieldErrors.fiscalYear?.[0]).toBe(`Tahun anggaran paling lambat ${thisYear + 1}.`);
    expect(await create(thisYear + 1)).toMatchObject({ ok: true });
  });
});
