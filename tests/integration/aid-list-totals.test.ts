// The aid list's totals, shown above it, are what its export sums to: the same rows (scope,
// year, filters) and the same values, reversals subtracting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributionExport } from "@/features/aid/export";
import { parseAidFilter } from "@/features/aid/filters";
import { distributionTotals } from "@/features/aid/queries";
import { programmeScope } from "@/lib/auth/scope";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { createPeopleFixture, type PeopleFixture } from "../helpers/people-fixture";

let t: TestDb;
let city: TestTenant;
let fixture: PeopleFixture;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  fixture = await t.withTenant(city.id, (tx) => createPeopleFixture(tx, city));
});

afterAll(async () => {
  await t?.close();
});

async function shownAndExported(user: TenantSessionUser, query: string) {
  const search = new URLSearchParams(query);
  return t.withTenant(city.id, async (tx) => {
    const totals = await distributionTotals(tx, parseAidFilter(Object.fromEntries(search)), { scope: programmeScope(user), fiscalYear: fixture.year });
    const rows = await distributionExport.batch(tx, { user, params: { tenant: city.slug }, search, after: null, take: 100_000 });
    return { totals, exported: { count: rows.length, value: rows.reduce((sum, row) => sum + row.value, 0n) } };
  });
}

describe("the aid list's totals", () => {
  it("equal what its export sums to, for an OPD and for the whole city, with and without a status filter", async () => {
    const head = sessionUser(city, "OPD_HEAD", { opdId: fixture.opdA }) as TenantSessionUser;
    const bapeda = sessionUser(city, "BAPEDA") as TenantSessionUser;
    const counts: number[] = [];
    for (const user of [head, bapeda]) {
      for (const query of [`tahun=${fixture.year}`, `tahun=${fixture.year}&status=VERIFIED`]) {
        const { totals, exported } = await shownAndExported(user, query);
        expect(totals.count, `${user.role} ${query}`).toBe(exported.count);
        expect(totals.value, `${user.role} ${query}`).toBe(exported.value);
        counts.push(totals.count);
      }
    }
    expect(counts[0]).toBeGreaterThan(0);
    // The city sees every OPD's hand-overs; the head only their own.
    expect(counts[2]).toBeGreaterThan(counts[0]!);
  });
});
