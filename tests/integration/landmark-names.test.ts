// Every landmark on a page has a name of its own, so a screen reader's list of landmarks tells
// them apart: a section named by its heading and the table's scroll region inside it must not
// both be called "Daftar program 2025". Rendered whole, as the server sends them, for the OPD
// head who sees every table of /program, /bantuan and /anggaran.
import { createElement, type ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import idMessages from "@/messages/id";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

const state = vi.hoisted(() => ({ t: undefined as TestDb | undefined, user: undefined as SessionUser | undefined }));

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages: idMessages, namespace: namespace as never }),
  getLocale: async () => "id",
  getMessages: async () => idMessages,
}));
// The pages hand their client components the words; the server version infers the locale.
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

const YEAR = 2025;
let city: TestTenant;

beforeAll(async () => {
  state.t = await openTestDb();
  city = await createTestTenant(state.t.db, state.t.withTenant);
  const opdId = await state.t.withTenant(city.id, async (tx) => {
    const tenantId = city.id;
    const opd = await tx.opd.create({ data: { tenantId, code: "9.LMK", name: "Dinas Penanda", shortName: "Penanda" } });
    const programme = await tx.programme.create({ data: { tenantId, opdId: opd.id, fiscalYear: YEAR, name: "Program Penanda", kind: "EQUIPMENT_AID" } });
    const line = await tx.budgetLine.create({
      data: { tenantId, programmeId: programme.id, fundingSource: "APBD", description: "Pos Penanda", pagu: 10_000_000n },
    });
    await tx.budgetRealisation.create({ data: { tenantId, budgetLineId: line.id, month: 3, amount: 2_000_000n, referenceNo: "SP2D-1" } });
    const household = await createTestHousehold(tx, city);
    await tx.aidDistribution.create({
      data: {
        tenantId,
        programmeId: programme.id,
        opdId: opd.id,
        budgetLineId: line.id,
        householdId: household.id,
        kind: "EQUIPMENT",
        items: "Gerobak",
        value: 1_500_000n,
        distributedAt: new Date(`${YEAR}-03-10`),
      },
    });
    return opd.id;
  });
  state.user = sessionUser(city, "OPD_HEAD", { opdId, opd: { id: opdId, shortName: "Penanda" } as never });
});

afterAll(async () => {
  await state.t?.close();
});

type Page = (props: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;

async function render(module: Promise<{ default: Page }>): Promise<string> {
  const { default: PageComponent } = await module;
  const page = (await PageComponent({
    params: Promise.resolve({ tenant: city.slug }),
    searchParams: Promise.resolve({ tahun: String(YEAR) }),
  })) as ReactElement;
  const errors: unknown[] = [];
  const stream = await renderToReadableStream(createElement("main", null, page), { onError: (error) => void errors.push(error) });
  await stream.allReady;
  const html = await new Response(stream).text();
  expect(errors).toEqual([]);
  return html;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

/** The element with this id, as text (an element that holds no element of its own name). */
function textOfId(html: string, id: string): string {
  const open = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!open) throw new Error(`no element #${id}`);
  const close = html.indexOf(`</${open[1]}>`, open.index);
  return text(html.slice(open.index + open[0].length, close));
}

/** Named landmarks: "region" (a named section, role="region"), "navigation", "form", "complementary". */
function landmarks(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<(section|nav|form|aside|div)\b([^>]*)>/g)) {
    const [, tag, attributes] = match;
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes!)?.[1];
    const role = attribute("role") ?? { section: "region", nav: "navigation", form: "form", aside: "complementary", div: undefined }[tag as "section"];
    if (!role || !["region", "navigation", "form", "complementary", "banner", "main", "contentinfo", "search"].includes(role)) continue;
    const labelledBy = attribute("aria-labelledby");
    const name =
      attribute("aria-label") ??
      (labelledBy
        ? labelledBy
            .split(" ")
            .map((id) => textOfId(html, id))
            .join(" ")
        : undefined);
    // A section or form without a name is no landmark.
    if (name === undefined) continue;
    found.push(`${role}: ${text(name)}`);
  }
  return found;
}

const duplicates = (names: string[]) => names.filter((name, i) => names.indexOf(name) !== i);

describe("landmark names", () => {
  it.each([
    ["/program", () => import("@/app/[tenant]/program/page")],
    ["/bantuan", () => import("@/app/[tenant]/bantuan/page")],
    ["/anggaran", () => import("@/app/[tenant]/anggaran/page")],
  ] as const)("every landmark on %s has a name of its own", { timeout: 60_000 }, async (_path, load) => {
    const names = landmarks(await render(load() as Promise<{ default: Page }>));
    // The tables were rendered: each has its scroll region.
    expect(names.filter((name) => name.startsWith("region:")).length).toBeGreaterThan(0);
    expect(duplicates(names), names.join("\n")).toEqual([]);
  });
});
