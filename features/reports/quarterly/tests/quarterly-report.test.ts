import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { budgetDashboardQueries as budget } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { povertyDashboardQueries as poverty } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import type { SessionUser } from "@/lib/auth/session-user";
import { exportRoute, figureExportRoute } from "@/lib/spreadsheet/routes";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { annexBatch, annexCursor, mayTakeAnnex, quarterlyAnnexExport } from "../annex";
import { askedOpdId, reportDetail } from "../detail";
import { quarterlyReportExport } from "../export";
import { reportOpds } from "../opds";
import { pageReader, readerOf } from "@/features/dashboards/panel-data";
import { quarterlyReportData, type QuarterlyReportData } from "../queries";
import { quarterlyReportTables } from "../tables";
import { buildQuarterlyFixture, M, YEAR } from "./quarterly-fixture";

vi.mock("next-intl/server", () => ({ getLocale: async () => "id", getTranslations: async () => (key: string) => key }));

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
let fx: Awaited<ReturnType<typeof buildQuarterlyFixture>>;
let otherFx: Awaited<ReturnType<typeof buildQuarterlyFixture>>;
let q3: QuarterlyReportData;

const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
const money = (row: { pagu: bigint; realisedQuarter: bigint; realisedToDate: bigint }) => [row.pagu, row.realisedQuarter, row.realisedToDate];

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  fx = await t.withTenant(city.id, (tx) => buildQuarterlyFixture(tx, city));
  // Another city of the same shape: none of it may reach the first city's report.
  otherFx = await t.withTenant(other.id, (tx) => buildQuarterlyFixture(tx, other));
  q3 = await read((tx) => quarterlyReportData(readerOf(tx), { year: YEAR, quarter: 3 }));
});

afterAll(async () => {
  await t?.close();
});

describe("the quarterly report's figures (Q3 2026)", () => {
  it("says the same read as the page reads it, each query in a read-only transaction of its own, as in one transaction", async () => {
    const readOnly = <T>(tenantId: string, fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(tenantId, fn, { readOnly: true });
    expect(await quarterlyReportData(pageReader(city.id, readOnly), { year: YEAR, quarter: 3 })).toEqual(q3);
  });

  it("sums budget and verified realisation per programme for the quarter (Jul–Sep) and the year to its end", () => {
    expect(q3.programmes.map((p) => [p.name, p.strategy, p.sipdCode, p.reached, ...money(p)])).toEqual([
      // Lowering spending first: food, 36 jt by June, nothing in Q3.
      ["Bantuan Pangan", "LOWER_SPENDING", "1.06.04.2.01.0001", 6, 60n * M, 0n, 36n * M],
      // Raising income: tools 12 jt in September, 8 + 12 to date; sewing 20 + 15 in Q3, 10 + 20 + 15 to date
      // (the September draft and November's 7 jt do not count).
      ["Bantuan Alat Usaha", "RAISE_INCOME", "2.07.03.2.01.0002", 5, 40n * M, 12n * M, 20n * M],
      ["Pelatihan Menjahit", "RAISE_INCOME", "2.07.03.2.01.0001", 0, 150n * M, 35n * M, 45n * M],
    ]);
    expect(money(q3.total)).toEqual([250n * M, 47n * M, 101n * M]);
  });

  it("gives each funding source with its SIPD account codes", () => {
    const sewing = q3.programmes.find((p) => p.id === fx.sewing)!;
    expect(sewing.sources.map((s) => [s.fundingSource, s.accountCodes, ...money(s)])).toEqual([
      ["APBD", ["5.1.02.01.01.0039"], 100n * M, 20n * M, 30n * M],
      ["FISCAL_INCENTIVE", [], 50n * M, 15n * M, 15n * M],
    ]);
    expect(q3.sources.map((s) => [s.fundingSource, ...money(s)])).toEqual([
      ["APBD", 160n * M, 20n * M, 66n * M],
      ["FISCAL_INCENTIVE", 90n * M, 27n * M, 35n * M],
    ]);
  });

  it("groups the programmes by Inpres strategy with targets in households and distinct households reached", () => {
    expect(q3.strategies.map((s) => [s.strategy, s.programmes, s.targetHouseholds, s.targetExtreme, s.reached, s.reachedExtreme, ...money(s)])).toEqual([
      // Food's target is in persons: not added to households.
      ["LOWER_SPENDING", 1, 0, 0, 6, 3, 60n * M, 0n, 36n * M],
      ["RAISE_INCOME", 2, 18, 11, 5, 3, 190n * M, 47n * M, 65n * M],
      ["REDUCE_POCKETS", 0, 0, 0, 0, 0, 0n, 0n, 0n],
    ]);
  });

  it("counts the by-name list's extreme-poor and the households reached in and by the end of the quarter", () => {
    // H4 and H5 were reached in May, so of food's six only four are first reached in Q3.
    expect(q3.reach).toEqual({ extremePoor: 5, reachedExtreme: 5, reached: 9, firstReachedInQuarter: 4, reachedByQuarterEnd: 9 });
  });

  it("reads Q2 and Q4 on the same rule", async () => {
    const [q2, q4] = await read((tx) =>
      Promise.all([quarterlyReportData(readerOf(tx), { year: YEAR, quarter: 2 }), quarterlyReportData(readerOf(tx), { year: YEAR, quarter: 4 })]),
    );
    // Q2: 10 (May) + 8 (April) + 30 (June); to date adds March's 6.
    expect(money(q2.total)).toEqual([250n * M, 48n * M, 54n * M]);
    expect(q2.reach).toMatchObject({ firstReachedInQuarter: 5, reachedByQuarterEnd: 5 });
    expect(money(q4.total)).toEqual([250n * M, 7n * M, 108n * M]);
  });

  it("equals the dashboards' figures for the same year", async () => {
    const [summary, sources, curve, programmes, totals, coverage] = await read((tx) =>
      Promise.all([
        budget.summary(tx, all, { year: YEAR, month: 12 }),
        budget.bySource(tx, all, { year: YEAR, month: 12 }),
        budget.monthlyCurve(tx, all, { year: YEAR, month: 12 }),
        results.byProgramme(tx, all),
        results.totals(tx, all),
        poverty.coverage(tx, all),
      ]),
    );
    expect(q3.total.pagu).toBe(summary.total.pagu);
    expect(q3.sources.map((s) => [s.fundingSource, s.pagu])).toEqual(sources.map((s) => [s.fundingSource, s.pagu]));
    expect(q3.total.realisedToDate).toBe(curve[8]!.cumulative);
    expect(q3.total.realisedQuarter).toBe(curve.slice(6, 9).reduce((sum, month) => sum + month.realised, 0n));
    expect(Object.fromEntries(q3.programmes.map((p) => [p.id, p.reached]))).toEqual(Object.fromEntries(programmes.map((p) => [p.programmeId, p.reached])));
    expect(q3.reach.reached).toBe(totals.reached);
    expect([q3.reach.extremePoor, q3.reach.reachedExtreme]).toEqual([coverage.extremePoor, coverage.reached]);
    const q4 = await read((tx) => quarterlyReportData(readerOf(tx), { year: YEAR, quarter: 4 }));
    expect(q4.total.realisedToDate).toBe(summary.total.realised);
  });

  it("shows the same figures in its tables, in whole Rupiah", () => {
    const tables = quarterlyReportTables(q3, "id");
    expect(tables.strategies.total).toMatchObject({
      programmes: 3,
      reached: 9,
      pagu: 250_000_000,
      realisedQuarter: 47_000_000,
      realisedToDate: 101_000_000,
      absorption: 40.4,
    });
    expect(tables.budget?.rows).toHaveLength(4);
    expect(tables.sources.total).toMatchObject({ realisedToDate: 101_000_000 });
  });
});

describe("the report per OPD (Q3 2026)", () => {
  it("recaps each OPD with programmes in the year, adding up to the city's totals", () => {
    const opds = reportOpds(q3);
    expect(opds.map((o) => [o.shortName, o.name, o.programmes, o.targetHouseholds, ...money(o)])).toEqual([
      // Disnaker: sewing and tools, both targets in households; Dinsos: food, its target in persons.
      ["Disnaker", "Dinas Tenaga Kerja", 2, 18, 190n * M, 47n * M, 65n * M],
      ["Dinsos", "Dinas Sosial", 1, 0, 60n * M, 0n, 36n * M],
    ]);
    const { opds: table, strategies } = quarterlyReportTables(q3, "id");
    const sum = (key: string) => table.rows.reduce((total, row) => total + Number(row[key]), 0);
    for (const key of ["programmes", "targetHouseholds", "pagu", "realisedQuarter", "realisedToDate"]) {
      expect(sum(key), key).toBe(table.total![key]);
      expect(table.total![key], key).toBe(strategies.total![key]);
    }
    expect(table.total).toMatchObject({ opd: "Jumlah", programmes: 3, pagu: 250_000_000, realisedToDate: 101_000_000, absorption: 40.4 });
  });

  it("lists only the chosen OPD's programmes and budget lines, the other tables still the whole city's", () => {
    const detail = reportDetail(q3, askedOpdId({ opd: fx.dinsos }));
    expect(detail).toMatchObject({ kind: "programmes", opd: { id: fx.dinsos, name: "Dinas Sosial" } });
    const tables = quarterlyReportTables(q3, "id", detail);
    expect(tables.programmes?.title).toBe("Per program — Dinas Sosial");
    expect(tables.programmes?.rows.map((row) => row.programme)).toEqual(["Bantuan Pangan"]);
    expect(tables.programmes?.total).toMatchObject({ pagu: 60_000_000, realisedToDate: 36_000_000, reached: null });
    expect(tables.budget?.title).toBe("Pagu dan realisasi per program dan sumber dana — Dinas Sosial");
    expect(tables.budget?.rows.map((row) => [row.programme, row.source, row.pagu])).toEqual([["Bantuan Pangan", "APBD", 60_000_000]]);
    expect(tables.budget?.total).toMatchObject({ pagu: 60_000_000, realisedQuarter: 0, realisedToDate: 36_000_000 });
    const whole = quarterlyReportTables(q3, "id");
    for (const id of ["summary", "strategies", "opds", "sources"] as const) expect(tables[id], id).toEqual(whole[id]);
  });

  it("shows every programme for an OPD of another city, an unknown id or none", () => {
    for (const asked of [otherFx.dinsos, "no-such-opd", "", undefined, [otherFx.disnaker, fx.dinsos]]) {
      const detail = reportDetail(q3, askedOpdId({ opd: asked }));
      expect(detail.opd, String(asked)).toBeNull();
      expect(detail.kind === "programmes" && detail.programmes.map((p) => p.id), String(asked)).toEqual([fx.food, fx.tools, fx.sewing]);
    }
  });
});

describe("who gets what", () => {
  const workbook = (user: SessionUser, query = "") =>
    callRoute(
      figureExportRoute(quarterlyReportExport),
      routeDeps(t, user),
      `http://x/${city.slug}/laporan/triwulan/ekspor?tahun=${YEAR}&triwulan=3&format=xlsx${query}`,
      {
        tenant: city.slug,
      },
    );
  const annex = (user: SessionUser) =>
    callRoute(exportRoute(quarterlyAnnexExport), routeDeps(t, user), `http://x/${city.slug}/laporan/triwulan/lampiran?tahun=${YEAR}&triwulan=3&format=csv`, {
      tenant: city.slug,
    });

  it("gives the workbook to the report's readers who export, audited", async () => {
    const mayor = sessionUser(city, "MAYOR_OFFICE");
    const response = await workbook(mayor);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`${city.slug}-laporan-triwulan-2026-tw3.xlsx`);
    await response.arrayBuffer();
    expect(await t.withTenant(city.id, (tx) => tx.auditLog.count({ where: { entity: "QuarterlyReport", action: "export", userId: mayor.id } }))).toBe(1);
    expect((await workbook(sessionUser(city, "OPD_STAFF"))).status).toBe(404);
  });

  it("puts every programme and the recap per OPD in the workbook, whatever OPD is asked for", async () => {
    const bapeda = sessionUser(city, "BAPEDA");
    await (await workbook(bapeda, `&opd=${fx.dinsos}`)).arrayBuffer();
    const audit = await t.withTenant(city.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { entity: "QuarterlyReport", action: "export", userId: bapeda.id }, select: { after: true } }),
    );
    // Summary 5, strategies 3, OPDs 2, programmes 3, budget lines 4, sources 2.
    expect(audit.after).toMatchObject({ tables: ["summary", "strategies", "opds", "programmes", "budget", "sources"], rows: 19 });
  });

  it("withholds the by-name annex from roles without personal-data rights", async () => {
    for (const role of ["MAYOR_OFFICE", "AUDITOR"] as const) {
      expect(mayTakeAnnex(sessionUser(city, role)), role).toBe(false);
      expect((await annex(sessionUser(city, role))).status, role).toBe(404);
    }
  });

  it("gives Bapeda the annex, one row per programme and household, numbers masked, audited with the households it names", async () => {
    const bapeda = sessionUser(city, "BAPEDA");
    expect(mayTakeAnnex(bapeda)).toBe(true);
    const response = await annex(bapeda);
    expect(response.status).toBe(200);
    const text = await response.text();
    const lines = text.trim().split(/\r?\n/);
    const header = lines.findIndex((line) => /KEPALA KELUARGA/.test(line));
    expect(lines.slice(header + 1)).toHaveLength(11);
    expect(text).toContain("Kepala H1");
    expect(text).not.toMatch(/\d{16}/);
    expect(text).toMatch(/••••••••••••\d{4}/);
    const audit = await t.withTenant(city.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { entity: "QuarterlyReportAnnex", action: "export", userId: bapeda.id }, select: { id: true } }),
    );
    expect(await t.withTenant(city.id, (tx) => tx.personalDataDisclosure.count({ where: { auditLogId: audit.id } }))).toBe(9);
  });

  it("pages the annex by key without losing or repeating a row", async () => {
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const batch = await read((tx) => annexBatch(tx, YEAR, after, 4));
      if (batch.length === 0) break;
      pages.push(...batch.map(annexCursor));
      after = annexCursor(batch.at(-1)!);
    }
    expect(pages).toHaveLength(11);
    expect(new Set(pages).size).toBe(11);
  });
});
