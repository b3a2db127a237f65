// The aid detail page's edit view (?ubah=1): the clerk of the draft's OPD gets the creation
// form filled in with the draft at its version; a verified entry, a reader and another OPD's
// clerk get no form. The KPJ number is handed to the form only for readers of personal data.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ScopedClient, Tx } from "@/lib/db";
import { sessionUser } from "./../helpers/actions";
import { openTestDb, type TestDb } from "./../helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "./../helpers/factories";

const outside = vi.hoisted(() => ({
  db: null as ScopedClient | null,
  withTenant: null as null | (<T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>),
  user: null as SessionUser | null,
}));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND (test)");
  },
}));
vi.mock("next-intl/server", async () => {
  const { catalogues } = await import("@/lib/i18n/catalogues");
  const translator = () => Object.assign((key: string) => key, { rich: (key: string) => key, has: () => true });
  return { getTranslations: async () => translator(), getLocale: async () => "id", getMessages: async () => catalogues.id };
});
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => outside.user, endCurrentSession: async () => {} }));
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  db: new Proxy({}, { get: (_target, property) => Reflect.get(outside.db!, property, outside.db) }),
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => outside.withTenant!(tenantId, fn),
  withTenantReport: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => outside.withTenant!(tenantId, fn),
}));

const { default: DistributionPage } = await import("@/app/[tenant]/bantuan/[distributionId]/page");

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  outside.db = t.db;
  outside.withTenant = t.withTenant;
});
afterAll(async () => {
  await t?.close();
});

type Draft = Record<string, unknown>;
/** The `edit.draft` handed to the form on the page, if any. */
function draftOn(node: unknown, seen = new WeakSet<object>()): Draft | null {
  if (!node || typeof node !== "object" || seen.has(node)) return null;
  seen.add(node);
  const edit = (node as { props?: { edit?: { draft: Draft } } }).props?.edit;
  if (edit) return edit.draft;
  const children = "props" in node ? [(node as { props: unknown }).props] : Object.values(node);
  for (const child of children) {
    const found = draftOn(child, seen);
    if (found) return found;
  }
  return null;
}

async function open(user: SessionUser, tenant: TestTenant, id: string) {
  outside.user = user;
  const tree = await DistributionPage({ params: Promise.resolve({ tenant: tenant.slug, distributionId: id }), searchParams: Promise.resolve({ ubah: "1" }) });
  return draftOn(tree);
}

describe("the aid draft's edit view", () => {
  it("fills the creation form with the draft for its OPD's clerk only, and never for a verified entry", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const ids = await t.withTenant(city.id, async (tx) => {
      const disnaker = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
      const dinsos = await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } });
      const programme = await tx.programme.create({
        data: { tenantId: city.id, opdId: disnaker.id, fiscalYear: 2024, name: "Bantuan Peralatan Kerja", kind: "EQUIPMENT_AID" },
      });
      const h = await createTestHousehold(tx, city);
      const member = await tx.member.create({
        data: {
          tenantId: city.id,
          householdId: h.id,
          nik: "5271010101800001",
          name: "Baiq Rina",
          sex: "FEMALE",
          birthDate: new Date("1980-05-01"),
          relation: "HEAD",
        },
      });
      const base = { tenantId: city.id, programmeId: programme.id, opdId: disnaker.id, householdId: h.id, distributedAt: new Date("2024-08-12") };
      const premium = await tx.aidDistribution.create({
        data: {
          ...base,
          memberId: member.id,
          kind: "INSURANCE_PREMIUM",
          items: "Premi BPJS",
          value: 50_400n,
          monthsCovered: 3,
          bpjsNumber: "12345678901",
          coverageStart: new Date("2024-08-01"),
          premiumPerMonth: 16_800n,
          version: 4,
        },
      });
      const verified = await tx.aidDistribution.create({ data: { ...base, kind: "EQUIPMENT", items: "1 mesin jahit", value: 1_000n, status: "VERIFIED" } });
      return { disnaker: disnaker.id, dinsos: dinsos.id, premium: premium.id, verified: verified.id, member: member.id };
    });
    const staff = sessionUser(city, "OPD_STAFF", { opdId: ids.disnaker });

    expect(await open(staff, city, ids.premium)).toMatchObject({
      id: ids.premium,
      version: 4,
      kind: "INSURANCE_PREMIUM",
      memberId: ids.member,
      value: "50.400",
      distributedAt: "2024-08-12",
      coverageStart: "2024-08",
      monthsCovered: "3",
      premiumPerMonth: "16.800",
      // OPD staff do not read personal data: the number stays on record, shown masked.
      bpjsNumber: null,
      bpjsNumberMasked: expect.stringContaining("8901"),
    });
    expect(await open(staff, city, ids.verified)).toBeNull();
    expect(await open(sessionUser(city, "BAPEDA"), city, ids.premium)).toBeNull();
    await expect(open(sessionUser(city, "OPD_STAFF", { opdId: ids.dinsos }), city, ids.premium)).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
