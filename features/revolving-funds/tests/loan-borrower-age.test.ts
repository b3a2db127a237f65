// A Dana PEM borrower is of the city's minimum borrowing age (17 unless the city sets
// otherwise), judged on the registry's birth date or, outside the registry, the one the NIK
// encodes; "pemuda" (youth) is what UU 40/2009 says, 16 to 30 years old, and nothing younger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoanDefinition } from "@/features/revolving-funds/action-definitions";
import { isYouthOn } from "@/features/revolving-funds/youth";
import { errorWordsIn } from "@/lib/actions/error-words";
import { dayToDate, todayIn } from "@/lib/calendar/days";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold } from "@/tests/helpers/factories";
import { actor, cityNik, type FundCity, fundCity, fundWithCapital, must } from "./revolving-funds-helpers";

let t: TestDb;
let act: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
});
afterAll(async () => {
  await t?.close();
});

const today = () => dayToDate(todayIn("Asia/Jakarta"));
/** Born `years` years ago today (and `days` days later, to stand just short of a birthday). */
const bornYearsAgo = (years: number, days = 0) => {
  const now = today();
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + days));
};

async function lendingCity() {
  const city = await fundCity(t);
  const fundId = await fundWithCapital(act, city);
  return { city, fundId };
}

const proposal = (fundId: string, who: { memberId?: string; borrowerNik?: string }) => ({
  fundId,
  ...who,
  borrowerName: "Nama Peminjam",
  businessType: "Kios sembako",
  purpose: "Tambahan modal kios",
  principal: "1 juta",
  tenorMonths: "10",
});

async function registryMember(city: FundCity, birthDate: Date) {
  return t.withTenant(city.id, async (tx) => {
    const household = await createTestHousehold(tx, city);
    return tx.member.create({
      data: { tenantId: city.id, householdId: household.id, nik: cityNik(city, birthDate), name: "Anak Sekolah", sex: "MALE", birthDate, relation: "CHILD" },
    });
  });
}

const loansOf = (city: FundCity, nik: string) => t.withTenant(city.id, (tx) => tx.loan.findMany({ where: { borrowerNik: nik } }));

describe("the borrower's age", () => {
  it("refuses a 6-year-old registry member, named by the picker or by NIK, and writes nothing", async () => {
    const { city, fundId } = await lendingCity();
    const child = await registryMember(city, bornYearsAgo(6));
    const byId = await act(city.officer, createLoanDefinition, proposal(fundId, { memberId: child.id }));
    expect(byId).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { memberId: [expect.stringMatching(/6 tahun.*17 tahun/)] } });
    const byNik = await act(city.officer, createLoanDefinition, proposal(fundId, { borrowerNik: child.nik }));
    expect(byNik).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { borrowerNik: [expect.stringMatching(/6 tahun.*17 tahun/)] } });
    expect(await loansOf(city, child.nik)).toHaveLength(0);
  });

  it("refuses a child outside the registry by the birth date in the NIK", async () => {
    const { city, fundId } = await lendingCity();
    const nik = cityNik(city, bornYearsAgo(10));
    const refused = await act(city.officer, createLoanDefinition, proposal(fundId, { borrowerNik: nik }));
    expect(refused).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { borrowerNik: [expect.stringMatching(/10 tahun/)] } });
    expect(await loansOf(city, nik)).toHaveLength(0);
  });

  it("lends from the 17th birthday on, by default", async () => {
    const { city, fundId } = await lendingCity();
    const almost = cityNik(city, bornYearsAgo(17, 1));
    expect(await act(city.officer, createLoanDefinition, proposal(fundId, { borrowerNik: almost }))).toMatchObject({
      ok: false,
      fieldErrors: { borrowerNik: [expect.stringMatching(/16 tahun.*17 tahun/)] },
    });
    const adult = cityNik(city, bornYearsAgo(17));
    must(await act(city.officer, createLoanDefinition, proposal(fundId, { borrowerNik: adult })));
    expect(await loansOf(city, adult)).toMatchObject([{ isYouth: true }]);
  });

  it("follows the city's own minimum age", async () => {
    const { city, fundId } = await lendingCity();
    await t.db.tenant.update({ where: { id: city.id }, data: { minBorrowerAge: 21 } });
    const nineteen = await registryMember(city, bornYearsAgo(19));
    const refused = await act(city.officer, createLoanDefinition, proposal(fundId, { memberId: nineteen.id }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { memberId: [expect.stringMatching(/19 tahun.*21 tahun/)] } });
    must(await act(city.officer, createLoanDefinition, proposal(fundId, { borrowerNik: cityNik(city, bornYearsAgo(21)) })));
  });

  it("marks pemuda by age: 17 to 30 are youth, 31 and older are not", async () => {
    const { city, fundId } = await lendingCity();
    const young = cityNik(city, bornYearsAgo(30));
    const older = await registryMember(city, bornYearsAgo(31));
    must(await act(city.officer, createLoanDefinition, proposal(fundId, { borrowerNik: young })));
    must(await act(city.officer, createLoanDefinition, proposal(fundId, { memberId: older.id })));
    expect(await loansOf(city, young)).toMatchObject([{ isYouth: true }]);
    expect(await loansOf(city, older.nik)).toMatchObject([{ isYouth: false }]);
  });

  it("has the refusal in both languages", () => {
    const words = { key: "RevolvingFunds.errors.borrowerTooYoung", params: { age: 6, min: 17 } };
    expect(errorWordsIn(words, "id")).toMatch(/6 tahun.*17 tahun/);
    expect(errorWordsIn(words, "en")).toMatch(/6 years.*17/);
  });
});

describe("pemuda (UU 40/2009: 16 to 30 years old)", () => {
  const on = dayToDate("2026-06-15");
  const born = (day: string) => dayToDate(day);
  it("is never a child", () => {
    expect(isYouthOn(born("2020-01-01"), on)).toBe(false);
    expect(isYouthOn(born("2010-06-16"), on)).toBe(false);
  });
  it("is 16 to 30 years old", () => {
    expect(isYouthOn(born("2010-06-15"), on)).toBe(true);
    expect(isYouthOn(born("1995-06-16"), on)).toBe(true);
    expect(isYouthOn(born("1995-06-15"), on)).toBe(false);
  });
});
