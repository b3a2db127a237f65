// The printed visiting list of one kelurahan's unreached extreme-poor households, opened as
// Next.js would open the page: only readers of personal data get it, every household of the
// kelurahan is on it (numbers masked), and each print is audited with the households it names.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

const state = vi.hoisted(() => ({ t: undefined as TestDb | undefined, user: null as SessionUser | null }));
vi.mock("server-only", () => ({}));
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
  const { createTranslator } = await import("next-intl");
  const { default: messages } = await import("@/messages/id");
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "id", messages, namespace: namespace as never }),
    getLocale: async () => "id",
  };
});
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => state.user, endCurrentSession: async () => {} }));
vi.mock("@/lib/db", async (original) => ({
  ...(await original<typeof import("@/lib/db")>()),
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => state.t!.withTenant(tenantId, fn),
  withTenantReport: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => state.t!.withTenant(tenantId, fn, { readOnly: true }),
}));

let city: TestTenant;
const households: string[] = [];

beforeAll(async () => {
  state.t = await openTestDb();
  city = await createTestTenant(state.t.db, state.t.withTenant);
  await state.t.withTenant(city.id, async (tx) => {
    for (let i = 0; i < 3; i += 1) {
      const h = await createTestHousehold(tx, city, { desil: 1, isExtremePoor: true });
      households.push(h.id);
      await tx.member.create({
        data: {
          tenantId: city.id,
          householdId: h.id,
          nik: `5272${h.noKk.slice(4)}`,
          name: `Warga Kunjungan ${i}`,
          sex: "FEMALE",
          birthDate: new Date("1975-01-01"),
          relation: "HEAD",
        },
      });
    }
  });
});

afterAll(async () => {
  await state.t?.close();
});

/** Every string and number a page hands to its components (a React element's props only). */
function textOf(node: unknown, seen = new WeakSet<object>()): string {
  if (node === null || node === undefined || typeof node === "boolean" || typeof node === "function" || typeof node === "symbol") return "";
  if (typeof node !== "object") return String(node);
  if (seen.has(node)) return "";
  seen.add(node);
  if ("$$typeof" in node && "props" in node) return textOf(node.props, seen);
  return Object.values(node)
    .map((value) => textOf(value, seen))
    .join("\n");
}

/** The print button's label the page gives its sheet (null: no button). */
function printLabelOf(node: unknown): string | null | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const props = "$$typeof" in node && "props" in node ? (node.props as Record<string, unknown>) : null;
  if (props && "printLabel" in props) return props.printLabel as string | null;
  for (const value of Object.values(props ?? node)) {
    const found = printLabelOf(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

async function render(user: SessionUser, query: Record<string, string>): Promise<unknown> {
  state.user = user;
  const { default: Page } = await import("@/app/[tenant]/dasbor/kemiskinan/belum-terjangkau/cetak/page");
  return Page({ params: Promise.resolve({ tenant: city.slug }), searchParams: Promise.resolve(query) });
}

async function open(user: SessionUser, query: Record<string, string>): Promise<string | null> {
  try {
    return textOf(await render(user, query));
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_NOT_FOUND (test)") return null;
    throw error;
  }
}

describe("the printed visiting list", () => {
  it("lists the kelurahan's unreached households for Bapeda, numbers masked, audited with each household", async () => {
    const bapeda = sessionUser(city, "BAPEDA");
    const text = await open(bapeda, { kelurahan: city.kelurahanId });
    expect(text).not.toBeNull();
    for (let i = 0; i < 3; i += 1) expect(text).toContain(`Warga Kunjungan ${i}`);
    expect(text).not.toMatch(/\d{16}/);
    const audit = await state.t!.withTenant(city.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { action: "print", entity: "UnreachedHouseholds", entityId: city.kelurahanId, userId: bapeda.id } }),
    );
    const disclosed = await state.t!.withTenant(city.id, (tx) =>
      tx.personalDataDisclosure.findMany({ where: { auditLogId: audit.id }, select: { householdId: true } }),
    );
    expect(disclosed.map((row) => row.householdId).sort()).toEqual([...households].sort());
  });

  it("offers the kelurahan with households to visit when none is given, naming no one", async () => {
    const text = await open(sessionUser(city, "BAPEDA"), {});
    expect(text).not.toContain("Warga Kunjungan");
    expect(text).toContain(`kelurahan=${city.kelurahanId}`);
  });

  it("offers to print only a sheet that lists households", async () => {
    const bapeda = sessionUser(city, "BAPEDA");
    expect(printLabelOf(await render(bapeda, { kelurahan: city.kelurahanId }))).toBe("Cetak");
    expect(printLabelOf(await render(bapeda, {}))).toBeNull();
    expect(printLabelOf(await render(bapeda, { kelurahan: city.kelurahanId, desil: "9" }))).toBeNull();
  });

  it("is not found for the auditor and the mayor's office, who may not see names", async () => {
    for (const role of ["AUDITOR", "MAYOR_OFFICE", "KELURAHAN"] as const)
      expect(await open(sessionUser(city, role), { kelurahan: city.kelurahanId }), role).toBeNull();
  });
});
