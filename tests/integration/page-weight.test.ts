// No list page grows with the city: at a million households Bapeda's budget page
// sent 3.5 MB of HTML, one row per budget line of every OPD. A city with many OPDs, programmes
// and lines, and /anggaran and /program rendered whole as the server streams them, for Bapeda
// (the whole city, then one OPD picked) and for an OPD head: each stays under the limit, and the
// totals still count every line, not only the rows on the page.
import { createElement, type ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import idMessages from "@/messages/id";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { formatRupiah } from "@/lib/format";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

const state = vi.hoisted(() => ({ t: undefined as TestDb | undefined, user: undefined as SessionUser | undefined }));

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages: idMessages, namespace: namespace as never }),
  getLocale: async () => "id",
  getMessages: async () => idMessages,
}));
vi.mock("next-intl", async (original) => {
  const real = await original<typeof import("next-intl")>();
  const { createElement } = await import("react");
  return {
    ...real,
    NextIntlClientProvider: (props: Parameters<typeof real.NextIntlClientProvider>[0]) =>
      createElement(real.NextIntlClientProvider, { locale: "id", timeZone: "Asia/Makassar", ...props }),
  };
});
vi.mock("@/components/spreadsheet/export-links", () => ({ ExportLinks: () => null }));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh: () => {}, push: () => {}, replace: () => {} }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/guard", () => ({ requireTenantPage: async () => state.user }));
vi.mock("@/lib/db", async (original) => ({
  ...(await original<typeof import("@/lib/db")>()),
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => state.t!.withTenant(tenantId, fn),
  withTenantReport: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => state.t!.withTenant(tenantId, fn, { readOnly: true }),
}));

/**
 * The browser gets a page's HTML and, after it, the React payload that repeats the server
 * components' markup: the rendered HTML has half of the 500 kB a page may weigh.
 */
const HTML_LIMIT = 250_000;
const YEAR = 2025;
/** One OPD with most of the programmes (as Disnaker at the benchmark), five with fewer. */
const OPDS = [
  { code: "2.07", shortName: "Disnaker", programmes: 240 },
  ...[1, 2, 3, 4, 5].map((n) => ({ code: `1.0${n}`, shortName: `Dinas ${n}`, programmes: 60 })),
];
const LINES_PER_PROGRAMME = 2;

let city: TestTenant;
const opdIds: string[] = [];
let cityPagu = 0n;
let bigOpdPagu = 0n;

beforeAll(async () => {
  state.t = await openTestDb();
  city = await createTestTenant(state.t.db, state.t.withTenant);
  const tenantId = city.id;
  // One transaction per OPD: a busy machine must not outlast the transaction's timeout.
  for (const [o, spec] of OPDS.entries()) {
    await state.t.withTenant(tenantId, async (tx) => {
      const opd = await tx.opd.create({ data: { tenantId, code: spec.code, name: `${spec.shortName} Kota Uji`, shortName: spec.shortName } });
      opdIds.push(opd.id);
      const programmes = Array.from({ length: spec.programmes }, (_, p) => ({
        tenantId,
        id: `pw${o}p${String(p).padStart(4, "0")}`,
        opdId: opd.id,
        fiscalYear: YEAR,
        name: `Pelatihan Keterampilan Kerja bagi Anggota Keluarga Miskin Paket ${p + 1}`,
        kind: "TRAINING" as const,
        targetCount: 250,
        targetExtremeCount: 40,
      }));
      await tx.programme.createMany({ data: programmes });
      const lines = programmes.flatMap((programme, p) =>
        Array.from({ length: LINES_PER_PROGRAMME }, (_, k) => ({
          tenantId,
          id: `${programme.id}l${k}`,
          programmeId: programme.id,
          fundingSource: k === 0 ? ("APBD" as const) : ("CSR" as const),
          description: `Belanja jasa instruktur dan bahan praktik pelatihan ${k + 1}`,
          partnerName: k === 0 ? null : "PT Mitra Sejahtera (CSR)",
          pagu: BigInt(50 + ((p * 7 + k) % 300)) * 1_000_000n,
        })),
      );
      await tx.budgetLine.createMany({ data: lines });
      for (const line of lines) {
        cityPagu += line.pagu;
        if (o === 0) bigOpdPagu += line.pagu;
      }
      await tx.budgetRealisation.createMany({
        data: lines.flatMap((line, l) => [
          { tenantId, budgetLineId: line.id, month: 3, amount: line.pagu / 4n, status: "VERIFIED" as const, verifiedAt: new Date() },
          { tenantId, budgetLineId: line.id, month: 6, amount: (line.pagu * BigInt(l % 5)) / 10n, status: "VERIFIED" as const, verifiedAt: new Date() },
          ...(l % 3 === 0 ? [{ tenantId, budgetLineId: line.id, month: 9, amount: 1_250_000n, referenceNo: `SP2D/${line.id}` }] : []),
        ]),
      });
    });
  }
}, 180_000);

afterAll(async () => {
  await state.t?.close();
});

type Page = (props: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;

async function render(module: Promise<{ default: Page }>, user: SessionUser, query: Record<string, string> = {}): Promise<string> {
  state.user = user;
  const { default: PageComponent } = await module;
  const page = (await PageComponent({
    params: Promise.resolve({ tenant: city.slug }),
    searchParams: Promise.resolve({ tahun: String(YEAR), ...query }),
  })) as ReactElement;
  const errors: unknown[] = [];
  const stream = await renderToReadableStream(createElement("main", null, page), { onError: (error) => void errors.push(error) });
  await stream.allReady;
  const html = await new Response(stream).text();
  expect(errors).toEqual([]);
  return html;
}

const budgetPage = () => import("@/app/[tenant]/anggaran/page");
const programmesPage = () => import("@/app/[tenant]/program/page");
const rupiah = (value: bigint) => formatRupiah(value, { locale: "id" }).replace(/\u00a0/g, "&nbsp;");
const shows = (html: string, value: bigint) => html.includes(formatRupiah(value, { locale: "id" })) || html.includes(rupiah(value));

describe("the budget and programme pages of a city with many programmes", () => {
  const bapeda = () => sessionUser(city, "BAPEDA");
  const head = () => sessionUser(city, "OPD_HEAD", { opdId: opdIds[0]!, opd: { id: opdIds[0]!, shortName: OPDS[0]!.shortName } as never });

  it("/anggaran for Bapeda stays under the limit and totals the whole city", { timeout: 60_000 }, async () => {
    const html = await render(budgetPage(), bapeda());
    expect(html.length).toBeLessThan(HTML_LIMIT);
    expect(shows(html, cityPagu)).toBe(true);
    // Every OPD is there with its own pagu, each a way into its lines.
    for (const opd of OPDS) expect(html).toContain(opd.shortName);
    expect(shows(html, bigOpdPagu)).toBe(true);
    expect(html).toContain(`opd=${opdIds[0]}`);
  });

  it("/anggaran for Bapeda with one OPD picked, and for that OPD's head, stay under the limit", { timeout: 60_000 }, async () => {
    for (const html of [await render(budgetPage(), bapeda(), { opd: opdIds[0]! }), await render(budgetPage(), head())]) {
      expect(html.length).toBeLessThan(HTML_LIMIT);
      expect(shows(html, bigOpdPagu)).toBe(true);
      // A page of the OPD's lines, and the way to the next.
      const lines = OPDS[0]!.programmes * LINES_PER_PROGRAMME;
      expect(html).toContain(`Pos 1–50 dari ${lines}`);
      expect(html).toMatch(/after=pw0p\d{4}l\d/);
    }
  });

  it("/program for Bapeda and for the OPD head stays under the limit and totals every programme", { timeout: 60_000 }, async () => {
    const city = await render(programmesPage(), bapeda());
    expect(city.length).toBeLessThan(HTML_LIMIT);
    expect(shows(city, cityPagu)).toBe(true);
    const opd = await render(programmesPage(), head());
    expect(opd.length).toBeLessThan(HTML_LIMIT);
    expect(shows(opd, bigOpdPagu)).toBe(true);
  });
});
