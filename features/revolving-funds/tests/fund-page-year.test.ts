// The officer's Dana PEM page opens on the city's current fiscal year, not on the latest year
// that has a fund.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFundDefinition } from "@/features/revolving-funds/action-definitions";
import { fundPageContext } from "@/features/revolving-funds/page-context";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { actor, type FundCity, fundCity, must } from "./revolving-funds-helpers";

let t: TestDb;
let act: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
});
afterAll(async () => {
  await t?.close();
});

const rules = { lpmName: "LPM Uji", maxLoan: "10 juta", maxTenorMonths: "12", serviceFeeBps: "0", graceMonths: "0" };
const fund = async (city: FundCity, year: number) =>
  must(await act<{ fundId: string }>(city.officer, createFundDefinition, { year: String(year), ...rules })).fundId;
// Noon UTC on 20 June 2026: the fiscal year is 2026 in every Indonesian zone.
const now = new Date("2026-06-20T12:00:00Z");
const context = (city: FundCity, query: Record<string, string> = {}) =>
  t.withTenant(city.id, (tx) => fundPageContext(tx, { ...city.officer, tenantId: city.id }, query, now));

describe("the year the Dana PEM page opens on", () => {
  it("is the current fiscal year when only earlier and later years have funds", async () => {
    const city = await fundCity(t);
    await fund(city, 2024);
    await fund(city, 2025);
    await fund(city, 2027);
    const opened = await context(city);
    expect(opened).toMatchObject({ year: 2026, fund: null });
    expect(opened.years).toEqual([2027, 2026, 2025, 2024]);
  });

  it("is the current fiscal year's fund when there is one", async () => {
    const city = await fundCity(t);
    await fund(city, 2025);
    const current = await fund(city, 2026);
    expect(await context(city)).toMatchObject({ year: 2026, fund: { id: current, year: 2026 } });
  });

  it("is the year asked for in the address", async () => {
    const city = await fundCity(t);
    const old = await fund(city, 2024);
    await fund(city, 2026);
    expect(await context(city, { tahun: "2024" })).toMatchObject({ year: 2024, fund: { id: old } });
  });
});
