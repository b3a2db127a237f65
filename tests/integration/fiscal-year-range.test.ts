// One range of years a record may be saved in, wherever a user types a fiscal year: five years
// back (a medium-term plan's past years) to next year, in the city's own calendar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgrammeDefinition, updateProgrammeDefinition } from "@/features/programmes/action-definitions";
import { createFundDefinition } from "@/features/revolving-funds/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { currentYearMonth } from "@/lib/calendar/months";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
const thisYear = currentYearMonth("Asia/Jakarta").year;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function newCity(): Promise<{ city: TestTenant; staff: SessionUser; officer: SessionUser }> {
  const city = await createTestTenant(t.db, t.withTenant);
  const opd = await t.withTenant(city.id, (tx) =>
    tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }),
  );
  return {
    city,
    staff: sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: opd.id }),
    officer: sessionUser(city, "KELURAHAN", { id: `lurah-${city.slug}`, kelurahanId: city.kelurahanId }),
  };
}

const run = (city: TestTenant, user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, locale = "id") =>
  runAction({ ...actionDeps(t, user), requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale }) }, definition, city.slug, submitted(input));

const programme = (fiscalYear: number, name = `Pelatihan ${fiscalYear}`) => ({
  name,
  kind: "TRAINING",
  fiscalYear: String(fiscalYear),
  description: "",
  targetUnit: "PERSON",
  targetCount: "10",
  targetExtremeCount: "0",
});

const fund = (year: number) => ({ year: String(year), lpmName: "LPM Uji", maxLoan: "25 juta", maxTenorMonths: "12", serviceFeeBps: "3", graceMonths: "0" });

describe("the years a programme may be saved in", () => {
  it("refuses a year more than five years back, in the user's language, and accepts the fifth", async () => {
    const { city, staff } = await newCity();
    const first = thisYear - 5;
    const refused = await run(city, staff, createProgrammeDefinition, programme(first - 1));
    expect(refused).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { fiscalYear: [`Tahun anggaran paling awal ${first}.`] } });
    const inEnglish = await run(city, staff, createProgrammeDefinition, programme(first - 1), "en");
    expect(inEnglish).toMatchObject({ ok: false, code: "INVALID", message: `The fiscal year can be no earlier than ${first}.` });
    expect(await run(city, staff, createProgrammeDefinition, programme(first))).toMatchObject({ ok: true });
    expect(await t.withTenant(city.id, (tx) => tx.programme.count({ where: { fiscalYear: first - 1 } }))).toBe(0);
  });

  it("refuses moving a programme's year out of the range, and keeps an older programme editable in its own year", async () => {
    const { city, staff } = await newCity();
    const created = await run(city, staff, createProgrammeDefinition, programme(thisYear));
    const programmeId = (created as { data: { programmeId: string } }).data.programmeId;
    const moved = await run(city, staff, updateProgrammeDefinition, { ...programme(thisYear - 6), programmeId, version: "1" });
    expect(moved).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { fiscalYear: [`Tahun anggaran paling awal ${thisYear - 5}.`] } });

    // Entered before the rule: its year stays its own.
    const old = await t.withTenant(city.id, (tx) =>
      tx.programme.create({ data: { tenantId: city.id, opdId: staff.opdId!, fiscalYear: thisYear - 8, name: "Program Lama", kind: "TRAINING" } }),
    );
    const renamed = await run(city, staff, updateProgrammeDefinition, { ...programme(thisYear - 8, "Program Lama Sekali"), programmeId: old.id, version: "1" });
    expect(renamed).toMatchObject({ ok: true });
  });
});

describe("the year of a Dana PEM fund", () => {
  it("follows the same range", async () => {
    const { city, officer } = await newCity();
    expect(await run(city, officer, createFundDefinition, fund(thisYear - 6))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { year: [`Tahun anggaran paling awal ${thisYear - 5}.`] },
    });
    expect(await run(city, officer, createFundDefinition, fund(thisYear + 2))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { year: [`Tahun anggaran paling lambat ${thisYear + 1}.`] },
    });
    expect(await run(city, officer, createFundDefinition, fund(thisYear))).toMatchObject({ ok: true });
  });
});
