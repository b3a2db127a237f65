// The city-scale benchmark kept alive at small scale: the generator loads a
// 2,000-household city by COPY into the test database, and the benchmark's functions run
// on it — a figure for every dashboard query (matching the hand-tuned SQL), the page data,
// the search, an import beside COPY, and concurrent writes with the lost-update check.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { openDb, openOwnerDb } from "@/lib/db";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrate";
import { openPGlite } from "@/lib/db/pglite";
import { scopesFor } from "@/lib/db/tenant-scope";
import { benchConcurrentWrites, benchDashboardQueries, benchImport, benchPages, benchSearch, dashboardQueryNames, type BenchEnv } from "@/scripts/bench/bench";
import { BENCH_YEAR, generateCity, type GeneratedCity } from "@/scripts/bench/generate-city";
import { pgliteSql, postgresSql, type Sql } from "@/scripts/bench/sql";
import { uniqueSuffix } from "@/tests/helpers/db";

const HOUSEHOLDS = 2_000;

let target: DatabaseTarget | PGlite;
let sql: Sql;
let owner: ReturnType<typeof openOwnerDb>;
let app: ReturnType<typeof openDb>;
let city: GeneratedCity;
let env: BenchEnv;

beforeAll(async () => {
  const url = inject("testDatabaseUrl");
  if (url) {
    target = { kind: "postgres", url };
    sql = postgresSql(url, 2);
  } else {
    const pglite = openPGlite();
    await applyMigrations(pglite);
    target = pglite;
    sql = pgliteSql(pglite);
  }
  owner = openOwnerDb(target);
  app = openDb(target);
  const suffix = uniqueSuffix();
  // The areas of Kota Surabaya; the tenant's own code must be unique in the shared test database.
  city = await generateCity(owner.client, sql, { households: HOUSEHOLDS, slug: `bench-${suffix}`, tenantCode: `B${suffix}`.slice(0, 20) });
  env = { app: app.client, scopes: scopesFor(app.client), owner: owner.client, sql, tenantId: city.tenantId, tenantSlug: city.slug, year: BENCH_YEAR };
}, 120_000);

afterAll(async () => {
  await app?.close();
  await owner?.close();
  await sql?.close();
  if (target && "close" in target) await target.close();
});

async function countOf(table: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "tenantId" = $1`, [city.tenantId]);
  return row!.n;
}

it("generates the city it reports, in the proportions of the million-household city", async () => {
  const c = city.counts;
  expect(c.Household).toBe(HOUSEHOLDS);
  expect(c.Member! / HOUSEHOLDS).toBeGreaterThan(3);
  expect(c.Member! / HOUSEHOLDS).toBeLessThan(4.5);
  expect(c.Programme).toBe(40);
  expect(c.BudgetRealisation).toBe(c.BudgetLine! * 12);
  expect(c.TrainingParticipant).toBe(0.6 * HOUSEHOLDS);
  // Aid and BPJS premiums: 2.4 per household, plus the few reversals.
  expect(c.AidDistribution).toBeGreaterThanOrEqual(2.4 * HOUSEHOLDS);
  expect(c.AidDistribution).toBeLessThan(2.45 * HOUSEHOLDS);
  expect(c.Loan).toBeGreaterThan(50);
  expect(c.Loan).toBeLessThan(150);
  for (const [table, n] of Object.entries(c)) expect(await countOf(table), table).toBe(n);

  // The summaries were rebuilt from the loaded rows.
  const [areaCount] = await sql.query<{ n: number }>(`SELECT sum(households)::int AS n FROM "HouseholdAreaCount" WHERE "tenantId" = $1`, [city.tenantId]);
  expect(areaCount!.n).toBe(HOUSEHOLDS);
  expect(await countOf("HouseholdReach")).toBeGreaterThan(HOUSEHOLDS);
  expect(await countOf("DashboardTrainingCount")).toBeGreaterThan(0);

  // The results' households equipped, rebuilt in parts (entas_reach_year_rebuild, then
  // entas_reach_count_fill), equal the distinct count over HouseholdReach of the capital and
  // tool aid programmes, for the city, each owning OPD and each programme.
  const kept = await sql.query<{ kind: string; key: string; n: number }>(
    `SELECT kind, key, sum(equipped)::int AS n FROM "ReachResultCount" WHERE "tenantId" = $1 AND "fiscalYear" = $2
      GROUP BY 1, 2 HAVING sum(equipped) > 0 ORDER BY 1, 2`,
    [city.tenantId, BENCH_YEAR],
  );
  const counted = await sql.query<{ kind: string; key: string; n: number }>(
    `WITH e AS (SELECT r."householdId" AS h, p.id, p."opdId" FROM "HouseholdReach" r
                  JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
                 WHERE r."tenantId" = $1 AND r."fiscalYear" = $2 AND p.kind IN ('CAPITAL_AID', 'EQUIPMENT_AID'))
     SELECT * FROM (SELECT 'city' AS kind, '' AS key, count(DISTINCT h)::int AS n FROM e
                    UNION ALL SELECT 'owner', "opdId", count(DISTINCT h)::int FROM e GROUP BY 2
                    UNION ALL SELECT 'programme', id, count(DISTINCT h)::int FROM e GROUP BY 2) x
      WHERE n > 0 ORDER BY 1, 2`,
    [city.tenantId, BENCH_YEAR],
  );
  expect(kept.length).toBeGreaterThan(2);
  expect(kept).toEqual(counted);

  // Premiums are a year of cover each, so some of a member's overlap and most end unrenewed.
  expect(await countOf("BpjsDoubleCover")).toBeGreaterThan(0);
  expect(await countOf("BpjsCoverEnd")).toBeGreaterThan(await countOf("BpjsDoubleCover"));
});

it("is deterministic: the same seed gives the same registry", async () => {
  const rows = await sql.query<{ noKk: string; nik: string }>(
    `SELECT h."noKk", m.nik FROM "Household" h JOIN "Member" m ON m."tenantId" = h."tenantId" AND m."householdId" = h.id
      WHERE h."tenantId" = $1 ORDER BY m.id LIMIT 3`,
    [city.tenantId],
  );
  // Household 0 of seed 8 in Kota Surabaya (generator unchanged → these stay).
  expect(rows.map((r) => r.noKk.slice(0, 4))).toEqual(["3578", "3578", "3578"]);
  expect(new Set(rows.map((r) => r.noKk)).size).toBe(1);
});

it("gives a figure for every dashboard query, equal to the hand-tuned SQL's", async () => {
  const results = await benchDashboardQueries(env, 2);
  expect(results.map((r) => `${r.dashboard}.${r.query}`)).toEqual(dashboardQueryNames());
  expect(results.length).toBe(29);
  for (const r of results) {
    expect(r.same, `${r.dashboard}.${r.query}: ${r.appFigure} vs ${r.sqlFigure}`).toBe(true);
    expect(r.app.n).toBe(2);
    expect(Number.isFinite(r.ratio) && r.ratio > 0).toBe(true);
  }
  // Figures that must not be zero on this city.
  const figure = (name: string) => results.find((r) => `${r.dashboard}.${r.query}` === name)!.appFigure;
  expect(figure("poverty.registryByKecamatan")).toBeGreaterThan(0);
  expect(figure("poverty.targeting")).toBeGreaterThan(0);
  expect(figure("results.totals")).toBeGreaterThan(0);
  expect(figure("budget.summary")).toBeGreaterThan(0);
  expect(figure("revolvingFunds.byKelurahan")).toBeGreaterThan(0);
});

it("times the page data and the registry search", async () => {
  const pages = await benchPages(env, 1);
  expect(pages.map((p) => p.name)).toEqual([
    "dasbor/kemiskinan",
    "dasbor/hasil",
    "dasbor/anggaran",
    "dasbor/dana-pem",
    "registri",
    "beranda/staf-opd",
    "beranda/kepala-opd",
    "beranda/kepala-dinsos",
    "beranda/kelurahan",
    "beranda/bapeda",
    "beranda/admin",
    "beranda/wali-kota",
  ]);
  const search = await benchSearch(env, 1);
  expect(search.find((s) => s.name === "NIK")?.note).toBe("1 found");
  for (const t of [...pages, ...search]) expect(t.timing.n).toBe(1);
});

it("imports a CSV through the app and by COPY", async () => {
  const result = await benchImport(env, 200);
  expect(result.status).toBe("COMMITTED");
  expect(result.households).toBe(200);
  expect(result.rowsPerSecond).toBeGreaterThan(0);
  expect(result.commitRowsPerSecond).toBeGreaterThan(0);
  expect(result.copyRowsPerSecond).toBeGreaterThan(0);
});

it("takes concurrent writes through the server actions without losing one", async () => {
  const result = await benchConcurrentWrites(env, 10, 2, undefined, 0, 3);
  expect(result.failed, JSON.stringify(result.errors)).toBe(0);
  // 10 users × (2 hand-overs + 1 realisation + 1 verification); the warm-up's writes are not counted.
  expect(result.writes).toBe(40);
  expect(result.warmUpUsers).toBe(3);
  expect(result.writesPerSecondAllActive).toBeGreaterThan(0);
  expect(result.lostUpdates).toEqual({ missingDrafts: 0, summaryMismatches: 0, linesOverPagu: 0, ok: true });
});
