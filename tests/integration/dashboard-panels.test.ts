// A dashboard degrades, never dies: the poverty dashboard page, rendered whole as the server
// streams it, while one figure's query runs past the statement timeout and another throws.
// Those two panels say so in their own words; the filter bar and every other panel render.
import { createElement, type ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import idMessages from "@/messages/id";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { failureOf } from "@/features/dashboards/panel-data";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";

const state = vi.hoisted(() => ({ t: undefined as TestDb | undefined, user: undefined as SessionUser | undefined }));

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages: idMessages, namespace: namespace as never }),
  getLocale: async () => "id",
  getMessages: async () => idMessages,
}));
// The statistics page binds its server actions; nothing here runs them.
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/guard", () => ({ requireTenantPage: async () => state.user }));
// The export buttons are a client component that takes its words from the city's layout, which
// this render has not: they are not what this test is about.
vi.mock("@/components/spreadsheet/export-links", () => ({ ExportLinks: () => null }));
vi.mock("@/lib/db", async (original) => ({
  ...(await original<typeof import("@/lib/db")>()),
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => state.t!.withTenant(tenantId, fn),
  withTenantReport: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => state.t!.withTenant(tenantId, fn, { readOnly: true }),
}));
// Two figures go wrong: the overlap query outlasts the statement timeout, the desil query throws.
vi.mock("@/features/dashboards/poverty/queries", async (original) => {
  const real = await original<typeof import("@/features/dashboards/poverty/queries")>();
  return {
    ...real,
    povertyDashboardQueries: {
      ...real.povertyDashboardQueries,
      overlapByOpd: async (tx: Tx) => {
        await tx.$queryRaw`SELECT pg_sleep(1.5)::text AS slept`;
        throw new Error("canceling statement due to statement timeout");
      },
      desilDistribution: async () => {
        throw new Error("relation does not exist");
      },
    },
  };
});

// On the results dashboard, the programme figures throw.
vi.mock("@/features/dashboards/results/queries", async (original) => {
  const real = await original<typeof import("@/features/dashboards/results/queries")>();
  return {
    ...real,
    resultsDashboardQueries: {
      ...real.resultsDashboardQueries,
      byProgramme: async () => {
        throw new Error("could not serialize access");
      },
    },
  };
});

// On the statistics dashboard, the per-kecamatan figures throw.
vi.mock("@/features/statistics/queries", async (original) => {
  const real = await original<typeof import("@/features/statistics/queries")>();
  return {
    ...real,
    kecamatanStatistics: async () => {
      throw new Error("canceling statement due to statement timeout");
    },
  };
});

const onPostgres = Boolean(inject("testDatabaseUrl"));
let city: TestTenant;

beforeAll(async () => {
  const before = process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "300";
  try {
    state.t = await openTestDb();
  } finally {
    if (before === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
    else process.env.DATABASE_STATEMENT_TIMEOUT_MS = before;
  }
  city = await createTestTenant(state.t.db, state.t.withTenant);
  await state.t.withTenant(city.id, async (tx) => {
    for (let i = 0; i < 6; i++) await makeHousehold(tx, city, { isExtremePoor: true, desil: 1 });
    for (const [year, rate] of [
      [2024, 9.5],
      [2025, 8.75],
    ] as const) {
      await tx.povertyStatistic.create({ data: { tenantId: city.id, year, povertyRatePct: rate, poorPeople: 41_000, source: "BPS" } });
    }
    await tx.target.create({ data: { tenantId: city.id, indicator: "POVERTY_RATE", year: 2026, value: 7.5 } });
  });
  state.user = sessionUser(city, "BAPEDA");
});

afterAll(async () => {
  await state.t?.close();
});

type Page = (props: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;

async function renderPage(module: Promise<{ default: Page }> = import("@/app/[tenant]/dasbor/kemiskinan/page")): Promise<string> {
  const { default: DashboardPage } = await module;
  const page = (await DashboardPage({ params: Promise.resolve({ tenant: city.slug }), searchParams: Promise.resolve({}) })) as ReactElement;
  const errors: unknown[] = [];
  const stream = await renderToReadableStream(createElement("main", null, page), { onError: (error) => void errors.push(error) });
  await stream.allReady;
  const html = await new Response(stream).text();
  expect(errors).toEqual([]);
  return html;
}

const dashboards = idMessages.Dashboards.panel;
const poverty = idMessages.PovertyDashboard;
const count = (html: string, text: string) => html.split(text).length - 1;

describe("the poverty dashboard when a panel fails", () => {
  it("shows the failed and the timed-out panel's own message, and the filter bar and every other panel", { timeout: 60_000 }, async () => {
    const html = await renderPage();
    // The filter bar, whole.
    expect(html).toContain(idMessages.Dashboards.filters.label);
    expect(html).toContain(idMessages.Dashboards.filters.apply);
    // The two panels that went wrong: their titles, their own messages, no table.
    expect(count(html, 'data-panel-state="timeout"')).toBe(1);
    expect(count(html, 'data-panel-state="failed"')).toBe(1);
    expect(html).toContain(dashboards.timedOut);
    expect(html).toContain(dashboards.failed);
    expect(html).toContain(poverty.overlap.title);
    expect(html).toContain(poverty.desil.title);
    expect(html).not.toContain('id="panel-tumpang-tindih"');
    expect(html).not.toContain('id="panel-desil"');
    // Every other panel, with its figures.
    for (const id of ["belum-dijangkau", "kecamatan", "ketepatan-sasaran", "naik-kelas", "jumlah-opd", "kelurahan"]) {
      expect(html, id).toContain(`id="panel-${id}"`);
    }
    expect(html).toContain(poverty.summary.extremePoor);
    expect(html).toContain(poverty.list.title);
    // A panel left off the printed summary is left off whole, its figure definitions too.
    const definitions = html.indexOf(poverty.graduations.definitionsTitle);
    expect(definitions).toBeGreaterThan(0);
    const wrapper = html.lastIndexOf('<div class="contents print:hidden">', definitions);
    expect(wrapper).toBeGreaterThanOrEqual(0);
    expect(html.slice(wrapper, definitions)).toContain('id="panel-naik-kelas"');
    // Panels still loading when the page was first sent show their title and "loading"; each
    // was then streamed in.
    expect(count(html, '<template id="B:')).toBe(count(html, '$RC("B:'));
  });

  it("the results dashboard keeps its summary and OPD panel when the programme figures fail", { timeout: 60_000 }, async () => {
    const html = await renderPage(import("@/app/[tenant]/dasbor/hasil/page"));
    const results = idMessages.ResultsDashboard;
    expect(html).toContain(idMessages.Dashboards.filters.apply);
    expect(count(html, 'data-panel-state="failed"')).toBe(1);
    expect(html).toContain(results.tables.programmes.title);
    expect(html).not.toContain('id="panel-programmes"');
    expect(html).toContain('id="panel-opds"');
    expect(html).toContain(results.tables.opds.title);
    // The headline figures.
    expect(html).toMatch(/<dl aria-label="[^"]+"/);
  });

  it("the statistics dashboard keeps its filter bar, summary, series and targets when the per-kecamatan figures fail", { timeout: 60_000 }, async () => {
    const html = await renderPage(import("@/app/[tenant]/dasbor/statistik/page"));
    const statistics = idMessages.Statistics;
    expect(html).toContain(idMessages.Dashboards.filters.label);
    expect(html).toContain(idMessages.Dashboards.filters.apply);
    // The panels that need those figures, the table and the editor listing its rows: their
    // titles and message, no table.
    expect(count(html, 'data-panel-state="timeout"')).toBe(2);
    expect(count(html, 'data-panel-state="failed"')).toBe(0);
    expect(html).toContain(dashboards.timedOut);
    expect(html).toContain(statistics.kecamatanTable.title.replace("{year}", "2025"));
    expect(html).toContain(statistics.form.title);
    expect(html).not.toContain('id="panel-kecamatan"');
    // The other panels, with their figures.
    for (const id of ["seri", "target"]) expect(html, id).toContain(`id="panel-${id}"`);
    expect(html).toContain("8,75");
    expect(html).not.toContain(statistics.empty);
  });

  it("tells a statement cancelled by the timeout from other failures", async () => {
    const slow = await state
      .t!.withTenant(city.id, (tx) => tx.$queryRaw`SELECT pg_sleep(1)::text AS slept`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    if (onPostgres) expect(failureOf(slow)).toBe("timeout");
    else expect(slow).toBeNull();
    expect(failureOf(new Error("relation does not exist"))).toBe("failed");
  });
});
