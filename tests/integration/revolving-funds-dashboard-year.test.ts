// The Dana PEM roll-up and its downloads read the year of the address by one rule: the city's
// fiscal years, back to its oldest fund (older than its first programme, or the only records).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as revolvingFundsExport } from "@/app/[tenant]/dasbor/dana-pem/ekspor/route";
import { revolvingFundsDashboardFilters } from "@/features/dashboards/revolving-funds/filters";
import { createFundDefinition } from "@/features/revolving-funds/action-definitions";
import { actor, type FundCity, fundCity, must } from "@/features/revolving-funds/tests/revolving-funds-helpers";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { callRoute, routeDeps } from "@/tests/helpers/routes";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { default: messages } = await import("@/messages/id");
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages, namespace: namespace as never }),
    getLocale: async () => "id",
  };
});

let t: TestDb;
let city: FundCity;
const thisYear = new Date().getUTCFullYear();
// Three years back: a year a fund may be entered in, before any programme of the city.
const fundYear = thisYear - 3;

beforeAll(async () => {
  t = await openTestDb();
  city = await fundCity(t);
  const rules = { lpmName: "LPM Uji", maxLoan: "10 juta", maxTenorMonths: "12", serviceFeeBps: "0", graceMonths: "0" };
  must(await actor(t)(city.officer, createFundDefinition, { year: String(fundYear), ...rules }));
});
afterAll(async () => {
  await t?.close();
});

const pageYear = async (tahun: string) => (await t.withTenant(city.id, (tx) => revolvingFundsDashboardFilters(tx, city.id, { tahun }))).filters.year;

async function exportedYear(tahun: string): Promise<string> {
  const url = `http://localhost/${city.slug}/dasbor/dana-pem/ekspor?${new URLSearchParams({ tabel: "kelurahan", format: "csv", tahun })}`;
  const response = await callRoute(revolvingFundsExport, routeDeps(t, sessionUser(city, "BAPEDA")), url, { tenant: city.slug });
  expect(response.status).toBe(200);
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";
  return /-(\d{4})\.csv$/.exec(fileName)?.[1] ?? fileName;
}

describe("the year of the Dana PEM roll-up", () => {
  it("is a fund's year older than the city's programmes, on the page and in its download alike", async () => {
    expect(await pageYear(String(fundYear))).toBe(fundYear);
    expect(await exportedYear(String(fundYear))).toBe(String(fundYear));
  });

  it("falls back to this fiscal year on the page and in its download alike for a year before every fund", async () => {
    expect(await pageYear(String(fundYear - 1))).toBe(thisYear);
    expect(await exportedYear(String(fundYear - 1))).toBe(String(thisYear));
  });
});
