// Every city page that reads its URL's query, called as Next.js calls it with NUL (which
// PostgreSQL refuses) in every query parameter any page or feature reads, by a user the page
// admits: the page loads its data without an error. The parameters are read from the code.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TENANT_PAGES, type TenantPageKey } from "@/lib/auth/pages";
import { OPD_PERMISSIONS, type OpdCapabilities } from "@/lib/auth/permissions";
import { pageAccess } from "@/lib/auth/gate";
import type { SessionUser } from "@/lib/auth/session-user";
import { Role } from "@/lib/generated/prisma/enums";
import { sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { createPeopleFixture, type PeopleFixture } from "../helpers/people-fixture";
import { ROOT, sourceFiles } from "../helpers/source-files";

const outside = vi.hoisted(() => ({
  user: null as SessionUser | null,
  t: null as { withTenant: (...args: never[]) => unknown; withPlatform: (...args: never[]) => unknown; db: unknown } | null,
}));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, unstable_noStore: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, set: () => {} }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
// Words are not what is tested: any key reads as itself, whatever the call.
const words: unknown = new Proxy(() => "", {
  get: (_target, property) => (property === "then" ? undefined : words),
  apply: (_target, _this, args) => String(args[0] ?? ""),
});
vi.mock("next-intl/server", () => ({ getTranslations: async () => words, getLocale: async () => "id", getMessages: async () => ({}) }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => outside.user, endCurrentSession: async () => {} }));
vi.mock("@/lib/db", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  withTenant: (...args: never[]) => outside.t!.withTenant(...args),
  withTenantReport: (tenantId: string, fn: unknown) => (outside.t!.withTenant as (...args: unknown[]) => unknown)(tenantId, fn, { readOnly: true }),
  withPlatform: (...args: never[]) => outside.t!.withPlatform(...args),
  get db() {
    return outside.t!.db;
  },
}));

const pages = sourceFiles(["app/[tenant]"], /^page\.tsx$/).filter((file) => readFileSync(join(ROOT, file), "utf8").includes("searchParams"));

/** Every query parameter a page or a feature's filter reads: `query.x`, `raw.x`, `firstParam(….x)`, `x: searchParam(…)`. */
const PARAMETER_READS = [/\b(?:query|raw|params|searchParams\))\.(\w+)/g, /\b(\w+): searchParam\(/g, /\(await searchParams(?:, [^)]*)?\)\)\.(\w+)/g];
const parameters = [
  ...new Set(
    sourceFiles(["app/[tenant]", "features"], /\.tsx?$/).flatMap((file) => {
      const source = readFileSync(join(ROOT, file), "utf8");
      return PARAMETER_READS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
    }),
  ),
].filter((name) => name !== "tenant" && !/^[A-Z]/.test(name));

const MARKS = Object.keys(OPD_PERMISSIONS) as (keyof OpdCapabilities)[];
const unmarked = Object.fromEntries(MARKS.map((mark) => [mark, false])) as OpdCapabilities;
const OPD_ROLES: readonly Role[] = ["OPD_STAFF", "OPD_HEAD"];

let t: TestDb;
let city: TestTenant;
let fixture: PeopleFixture;

beforeAll(async () => {
  t = await openTestDb();
  outside.t = t as never;
  city = await createTestTenant(t.db, t.withTenant);
  fixture = await t.withTenant(city.id, (tx) => createPeopleFixture(tx, city));
});
afterAll(async () => {
  await t?.close();
});

/** The fixture's own records, by the name of the URL parameter that names one. */
const records = (): Record<string, string | undefined> => ({
  ...fixture.own.params,
  budgetLineId: fixture.own.query.pos,
  trainingId: fixture.own.query.pelatihan,
});

/** The city's users the page admits: one per role (OPD roles unmarked), in OPD A and kelurahan A. */
function admitted(page: TenantPageKey): SessionUser[] {
  return Object.values(Role)
    .filter((role) => role !== "PLATFORM_ADMIN")
    .map((role) =>
      sessionUser(city, role, {
        opd: OPD_ROLES.includes(role) ? unmarked : null,
        opdId: OPD_ROLES.includes(role) ? fixture.opdA : null,
        kelurahanId: role === "KELURAHAN" ? city.kelurahanId : null,
      }),
    )
    .filter((user) => pageAccess(user, city.slug, page) === "allow");
}

describe("city pages with NUL in their query", () => {
  it("are found, with the parameters they read", () => {
    expect(pages.length).toBeGreaterThan(15);
    for (const name of ["q", "tahun", "opd", "kelurahan", "program", "after", "status", "cari"]) expect(parameters).toContain(name);
  });

  for (const file of pages) {
    it(`${file} loads for every role it admits, whatever NUL the query holds`, async () => {
      const source = readFileSync(join(ROOT, file), "utf8");
      const key = /requireTenantPage\(slug, "(\w+)"[,)]/.exec(source)?.[1] as TenantPageKey;
      expect(Object.hasOwn(TENANT_PAGES, key), "a page key").toBe(true);
      const page = (await import(join(ROOT, file))).default as (props: unknown) => Promise<unknown>;
      const routeParams: Record<string, string> = { tenant: city.slug };
      for (const [, name = ""] of relative("app", file).matchAll(/\[(\w+)\]/g)) if (name !== "tenant") routeParams[name] = records()[name] ?? "tidakada";
      const queries = [
        Object.fromEntries(parameters.map((name) => [name, `${fixture.own.query[name] ?? "1"}\u0000`])),
        Object.fromEntries(parameters.map((name) => [name, ["\u0000", `x\u0000y`]])),
      ];
      const users = admitted(key);
      expect(users.length).toBeGreaterThan(0);
      for (const user of users) {
        outside.user = user;
        for (const query of queries) {
          const render = page({ params: Promise.resolve(routeParams), searchParams: Promise.resolve(query) });
          // A record the URL names may be missing ("not found"); a database error is what must not happen.
          await expect(
            render.catch((error: Error) => (error.message === "not found" ? null : Promise.reject(error))),
            `${user.role}`,
          ).resolves.not.toThrow();
        }
      }
    });
  }
});
