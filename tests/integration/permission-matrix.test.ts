// The role × page × server-action × route-handler matrix, generated from the permission
// table and read from the code itself: every "use server" file and every app/**/route.ts
// found on disk, every action they register, every route's stated requirement. Each cell
// is checked allowed and denied, in the user's own city and in another. OPD roles are
// checked twice: in an unmarked OPD, and in one the city admin marked (OPD_PERMISSIONS).
// Route handlers are also asked for the caller's own OPD's and kelurahan's records and for
// another's, and what they answer is read: a named person is a denial for a role without
// person:read, and another OPD's or kelurahan's records a denial for those confined to theirs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registeredActionName, registeredActions } from "@/lib/actions/server";
import { runAction, runPlatformAction } from "@/lib/actions/run";
import { pageAccess } from "@/lib/auth/gate";
import { PUBLIC_PAGES, TENANT_PAGES, type TenantPageKey } from "@/lib/auth/pages";
import { refusedByGate, type RouteAccess, type RouteParams, type TenantRoute } from "@/lib/auth/route";
import type { SessionUser } from "@/lib/auth/session-user";
import { XLSX_TYPE } from "@/lib/spreadsheet/write";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { createPeopleFixture, type PeopleFixture, type RecordRefs } from "../helpers/people-fixture";
import { granted, grantedPage, grantedRequirement, OPD_ROLES, ROLES, subjectsOf, TENANT_ROLES, unmarked, type Subject } from "../helpers/matrix-subjects";
import { callRoute, routeDeps } from "../helpers/routes";

// What the "use server" files and route handlers reach for outside a Next.js request.
const outside = vi.hoisted(() => ({
  user: null as SessionUser | null,
  cookies: new Map<string, { value: string; options?: Record<string, unknown> }>(),
  sessionsEnded: 0,
}));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => [...outside.cookies].map(([name, { value }]) => ({ name, value })),
    set: (name: string, value: string, options?: Record<string, unknown>) => void outside.cookies.set(name, { value, options }),
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => outside.user,
  endCurrentSession: async () => {
    outside.sessionsEnded += 1;
  },
}));

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Files under `folders` (relative to the repository) whose path matches `pattern`. */
function sourceFiles(folders: string[], pattern: RegExp): string[] {
  return folders
    .flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" }).map((file) => join(folder, file)))
    .filter((file) => pattern.test(file) && !file.includes("node_modules") && !file.startsWith(join("lib", "generated")))
    .sort();
}

/** Whether a file's first statement (after comments) is the "use server" directive. */
const USE_SERVER_FIRST = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const USE_SERVER_ANYWHERE = /^\s*["']use server["'];?\s*$/m;

const serverFiles = sourceFiles(["app", "features", "lib"], /\.ts$/).filter((file) => USE_SERVER_FIRST.test(readFileSync(join(ROOT, file), "utf8")));
const serverModules = await Promise.all(serverFiles.map(async (file) => ({ file, exports: (await import(join(ROOT, file))) as Record<string, unknown> })));
const { tenant: tenantDefinitions, platform: platformDefinitions } = registeredActions();

const routeFiles = sourceFiles(["app"], /(^|\/)route\.ts$/);
const routeModules = await Promise.all(routeFiles.map(async (file) => ({ file, exports: (await import(join(ROOT, file))) as Record<string, unknown> })));
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const routeHandlers = routeModules.flatMap(({ file, exports }) =>
  METHODS.flatMap((method) => {
    const handler = exports[method];
    return typeof handler === "function" ? [{ file, method, handler: handler as Partial<TenantRoute<RouteParams>> }] : [];
  }),
);

/** Route handlers anyone may call, and why that is safe. A route marked public must be listed here. */
const PUBLIC_ROUTES = ["app/api/auth/[...nextauth]/route.ts"];

/**
 * Functions a "use server" file may export besides registered actions: none of them acts
 * for a city. Each has its own check below.
 */
const ACTION_EXCEPTIONS = {
  "features/account/actions.ts#signOutAction": "ends the caller's own session and drops its cookie; anyone may sign out",
  "features/account/actions.ts#changePasswordAction": "the user's own password, behind the gate's first step (signed in)",
  "lib/i18n/actions.ts#setLocale": "remembers the chosen language in a cookie; no user data",
} as const;

const PAGES = Object.keys(TENANT_PAGES) as TenantPageKey[];

describe("pages", () => {
  for (const subject of subjectsOf(TENANT_ROLES)) {
    for (const page of PAGES) {
      const allowed = grantedPage(subject, page);
      it(`${subject.label} ${allowed ? "opens" : "gets not-found for"} ${page} in its own city, not-found in another`, () => {
        const user = { role: subject.role, opd: subject.opd, tenantSlug: "kota-a" };
        expect(pageAccess(user, "kota-a", page)).toBe(allowed ? "allow" : "not-found");
        expect(pageAccess(user, "kota-b", page)).toBe("not-found");
      });
    }
  }
  it("no page that lists named people opens for the mayor's office or the city admin (they hold no person:read)", () => {
    const listing = PAGES.filter((page) => TENANT_PAGES[page].people);
    expect(listing.length).toBeGreaterThan(5);
    for (const role of ["MAYOR_OFFICE", "CITY_ADMIN"] as const) {
      for (const page of listing) expect(pageAccess({ role, tenantSlug: "kota-a" }, "kota-a", page), `${role} → ${page}`).toBe("not-found");
    }
  });
  it("no city page exists for the platform admin", () => {
    for (const page of PAGES) expect(pageAccess({ role: "PLATFORM_ADMIN", tenantSlug: null }, "kota-a", page)).toBe("not-found");
  });

  // Read as text: every city page's default export reads its URL's parameters and then
  // passes the gate before anything else, even before asking whether the city exists: to a
  // visitor who has not signed in, a city and a slug that is none answer alike.
  const MAY_COME_FIRST = [/^const slug = \(await params\)\.tenant;$/, /^const \{ tenant: slug(, \w+)* \} = await params;$/];
  const GATE = /^const \w+ = await requireTenantPage\(slug, "(\w+)"(?:, [\w.]+)?\);$/;
  const cityPages = sourceFiles(["app"], /^app\/\[tenant\]\/(.*\/)?page\.tsx$/);
  it("finds the city's pages", () => expect(cityPages.length).toBeGreaterThan(20));
  for (const file of cityPages) {
    it(`${file} passes the gate (requireTenantPage with a page key) before anything else`, () => {
      const source = readFileSync(join(ROOT, file), "utf8");
      const body = source.split(/^export default async function \w+\([^)]*\)[^{]*\{$/m)[1];
      expect(body, "an `export default async function` page").toBeDefined();
      const lines = body!
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("//"));
      const gate = lines.findIndex((line) => line.includes("requireTenantPage("));
      expect(gate, "calls requireTenantPage").toBeGreaterThanOrEqual(0);
      const early = lines.slice(0, gate).filter((line) => !MAY_COME_FIRST.some((allowed) => allowed.test(line)));
      expect(early, "before the gate").toEqual([]);
      const key = GATE.exec(lines[gate]!)?.[1];
      expect(key && Object.hasOwn(TENANT_PAGES, key), `a page key of TENANT_PAGES: ${lines[gate]}`).toBe(true);
    });
  }

  // Outside a city's tree a page either checks the session first or is listed as public, with why.
  const SESSION_GATE = /^(?:const \w+ = )?await (requireUser|requirePlatformAdmin)\(\);$/;
  const otherPages = sourceFiles(["app"], /(^|\/)page\.tsx$/).filter((file) => !file.startsWith("app/[tenant]/"));
  it("lists only public pages that exist", () => {
    expect(Object.keys(PUBLIC_PAGES).filter((file) => !otherPages.includes(file))).toEqual([]);
  });
  for (const file of otherPages) {
    const listed = Object.hasOwn(PUBLIC_PAGES, file);
    it(`${file} ${listed ? "is listed as public" : "passes a session gate first"}`, () => {
      const body = readFileSync(join(ROOT, file), "utf8").split(/^export default async function \w+\([^)]*\)[^{]*\{$/m)[1] ?? "";
      const first = body
        .split("\n")
        .map((line) => line.trim())
        .find((line) => line && !line.startsWith("//"));
      expect(listed || SESSION_GATE.test(first ?? ""), `${file}: gate it, or list it in PUBLIC_PAGES with why anyone may open it`).toBe(true);
    });
  }
});

describe("server actions, found in the code", () => {
  it('come from every "use server" file, each exporting only registered actions or a listed exception', () => {
    expect(serverFiles.length).toBeGreaterThan(10);
    expect(tenantDefinitions.length).toBeGreaterThan(40);
    const exceptions: string[] = [];
    for (const { file, exports } of serverModules) {
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== "function") continue;
        const key = `${file}#${name}`;
        if (registeredActionName(value)) continue;
        expect(Object.hasOwn(ACTION_EXCEPTIONS, key), `${key} is neither made by tenantAction/platformAction nor a listed exception`).toBe(true);
        exceptions.push(key);
      }
    }
    expect(exceptions.sort()).toEqual(Object.keys(ACTION_EXCEPTIONS).sort());
  });

  it('are made only in "use server" files (no inline server actions elsewhere)', () => {
    const inline = sourceFiles(["app", "features", "lib", "components"], /\.tsx?$/).filter((file) => {
      const source = readFileSync(join(ROOT, file), "utf8");
      return USE_SERVER_ANYWHERE.test(source) && !serverFiles.includes(file);
    });
    expect(inline).toEqual([]);
  });

  it("refuse a second definition under a name already taken", async () => {
    const { tenantAction } = await import("@/lib/actions/server");
    const [first] = tenantDefinitions;
    expect(() => tenantAction({ ...first! })).toThrow(/Two server actions are named/);
  });
});

describe("server actions", () => {
  let t: TestDb;
  let city: TestTenant;
  let otherCity: TestTenant;

  beforeAll(async () => {
    t = await openTestDb();
    city = await createTestTenant(t.db, t.withTenant);
    otherCity = await createTestTenant(t.db, t.withTenant);
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditRows = () => t.withTenant(city.id, (tx) => tx.auditLog.count());

  for (const definition of tenantDefinitions) {
    for (const { role, opd, label } of subjectsOf(ROLES)) {
      const allowed = granted({ role, opd, label }, definition.permission);
      const atHome = role === "PLATFORM_ADMIN" ? "not found" : allowed ? "passes the gate" : "forbidden";
      it(`${definition.name} × ${label}: ${atHome} at home, not found elsewhere`, async () => {
        const before = await auditRows();
        const home = role === "PLATFORM_ADMIN" ? null : city;
        const user = sessionUser(home, role, { opd });

        // Empty input: an allowed caller gets as far as validation, and nothing is written.
        const own = await runAction(actionDeps(t, user), definition, city.slug, {});
        if (role === "PLATFORM_ADMIN") expect(own).toMatchObject({ ok: false, code: "NOT_FOUND" });
        else if (allowed) expect(own).toMatchObject({ ok: false, code: "INVALID" });
        else expect(own).toMatchObject({ ok: false, code: "FORBIDDEN" });

        const stranger = sessionUser(otherCity, role === "PLATFORM_ADMIN" ? "CITY_ADMIN" : role, { opd });
        const foreign = await runAction(actionDeps(t, stranger), definition, city.slug, {});
        expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });

        expect(await auditRows()).toBe(before);
      });
    }
  }

  for (const definition of platformDefinitions) {
    for (const role of ROLES) {
      const allowed = role === "PLATFORM_ADMIN";
      it(`${definition.name} × ${role}: ${allowed ? "passes the gate" : "not found"}`, async () => {
        const user = sessionUser(allowed ? null : city, role);
        const result = await runPlatformAction(actionDeps(t, user), definition, {});
        expect(result).toMatchObject({ ok: false, code: allowed ? "INVALID" : "NOT_FOUND" });
      });
    }
  }
});

describe("the listed exceptions", () => {
  it("changePasswordAction sends the signed-out to sign in, touching nothing", async () => {
    const { changePasswordAction } = await import("@/features/account/actions");
    outside.user = null;
    const form = new FormData();
    form.set("currentPassword", "x");
    await expect(changePasswordAction({}, form)).rejects.toThrow("redirect /masuk?callbackUrl=%2Fakun%2Fkata-sandi");
  });

  it("signOutAction only ends the caller's own session and empties the session cookie", async () => {
    const { signOutAction } = await import("@/features/account/actions");
    outside.cookies.clear();
    const ended = outside.sessionsEnded;
    outside.cookies.set("next-auth.session-token", { value: "token" });
    outside.cookies.set("NEXT_LOCALE", { value: "en" });
    await expect(signOutAction()).rejects.toThrow("redirect /masuk?notice=signedOut");
    expect(outside.cookies.get("next-auth.session-token")).toMatchObject({ value: "", options: { maxAge: 0 } });
    expect(outside.cookies.get("NEXT_LOCALE")).toEqual({ value: "en" });
    expect(outside.sessionsEnded).toBe(ended + 1);
  });

  it("setLocale sets only the language cookie, and only to a known language", async () => {
    const { setLocale } = await import("@/lib/i18n/actions");
    outside.cookies.clear();
    const form = new FormData();
    form.set("locale", "xx");
    await setLocale(form);
    expect(outside.cookies.size).toBe(0);
    form.set("locale", "en");
    await setLocale(form);
    expect([...outside.cookies.values()]).toEqual([expect.objectContaining({ value: "en" })]);
  });
});

/** The page a route handler belongs to: the gate's key of the nearest page.tsx above its folder. */
function pageOfRoute(file: string): TenantPageKey | null {
  const folders = file.split("/").slice(0, -1);
  for (let depth = folders.length; depth > 0; depth -= 1) {
    const page = join(ROOT, ...folders.slice(0, depth), "page.tsx");
    if (!existsSync(page)) continue;
    const key = /requireTenantPage\(slug, "(\w+)"[,)]/.exec(readFileSync(page, "utf8"))?.[1];
    return key && Object.hasOwn(TENANT_PAGES, key) ? (key as TenantPageKey) : null;
  }
  return null;
}

/** Everything a response says, as text: a workbook's cells, or the body as it is. */
async function bodyText(response: Response): Promise<string> {
  if (response.headers.get("content-type") !== XLSX_TYPE) return response.text();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
  return cells.join("\n");
}

const foundIn = (body: string, words: readonly string[]) => words.filter((word) => body.includes(word));

describe("route handlers", () => {
  it("each states what it demands: a requirement of the gate, or public and listed as such", () => {
    expect(routeHandlers.length).toBeGreaterThan(15);
    for (const { file, method, handler } of routeHandlers) {
      const access = handler.access as RouteAccess | undefined;
      expect(access, `${file} ${method}: built without tenantRoute/publicRoute`).toBeDefined();
      if (access!.kind === "public") {
        expect(PUBLIC_ROUTES, `${file} ${method} is public but not listed`).toContain(file);
        expect(access!.why.length).toBeGreaterThan(10);
      } else {
        expect(PUBLIC_ROUTES).not.toContain(file);
        expect(typeof handler.withDeps).toBe("function");
      }
    }
  });

  // An export is never wider than its page: the requirement names the page of the folder the
  // route sits in (read from that page.tsx's gate), and says whether it lists named people.
  for (const { file, method, handler } of routeHandlers) {
    const access = handler.access as RouteAccess | undefined;
    if (access?.kind !== "tenant") continue;
    it(`${method} ${file} names the page it belongs to and whether it lists people`, () => {
      const requirement = access.requirement as { page?: unknown; people?: unknown } | null;
      expect(typeof requirement === "object" && requirement !== null, "a page requirement").toBe(true);
      expect(requirement?.page).toBe(pageOfRoute(file));
      expect(typeof requirement?.people).toBe("boolean");
    });
  }

  let t: TestDb;
  let city: TestTenant;
  let otherCity: TestTenant;
  let fixture: PeopleFixture;

  beforeAll(async () => {
    t = await openTestDb();
    city = await createTestTenant(t.db, t.withTenant);
    otherCity = await createTestTenant(t.db, t.withTenant);
    fixture = await t.withTenant(city.id, (tx) => createPeopleFixture(tx, city));
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditRows = () => t.withTenant(city.id, (tx) => tx.auditLog.count());

  /** The URL of a route file in `slug`, its parameters and query naming the given records (or nothing). */
  function routeCall(file: string, slug: string, refs?: RecordRefs): { url: string; params: RouteParams } {
    const params: RouteParams = { tenant: slug };
    const path = relative("app", file)
      .split("/")
      .slice(0, -1)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => {
        const name = /^\[(\w+)\]$/.exec(segment)?.[1];
        if (!name) return segment;
        params[name] ??= refs?.params[name] ?? "tidakada0000000000";
        return String(params[name]);
      });
    const query = new URLSearchParams({ format: "csv", ...refs?.query });
    return { url: `http://localhost/${path.join("/")}?${query}`, params };
  }

  /** A user of `home` as the subject, in OPD A and kelurahan A where its role has one. */
  const userOf = (subject: Subject, home: TestTenant | null) =>
    sessionUser(home, subject.role, {
      opd: subject.opd,
      opdId: OPD_ROLES.includes(subject.role) ? fixture.opdA : null,
      kelurahanId: subject.role === "KELURAHAN" ? city.kelurahanId : null,
    });

  const tenantRoutes = routeHandlers.flatMap(({ file, method, handler }) => {
    const access = handler.access as RouteAccess | undefined;
    return access?.kind === "tenant" ? [{ file, method, route: handler as TenantRoute<RouteParams>, requirement: access.requirement }] : [];
  });

  for (const { file, method, route, requirement } of tenantRoutes) {
    const page = pageOfRoute(file);
    for (const subject of subjectsOf(ROLES)) {
      const allowed = subject.role !== "PLATFORM_ADMIN" && grantedRequirement(subject, requirement);
      const readsPeople = granted(subject, "person:read");
      it(`${method} ${file} × ${subject.label}: ${allowed ? "passes the gate" : "not found"} at home, not found elsewhere; no one out of scope named`, async () => {
        const home = subject.role === "PLATFORM_ADMIN" ? null : city;
        const user = userOf(subject, home);
        const cells = [
          ["own OPD and kelurahan", fixture.own],
          ["another OPD", fixture.otherOpd],
          ["another kelurahan", fixture.otherKelurahan],
        ] as const;
        for (const [cell, refs] of cells) {
          const before = allowed ? null : await auditRows();
          const { url, params } = routeCall(file, city.slug, refs);
          // An admitted caller may still get a 404 from the handler (no such record, no table
          // asked for): what matters is that the gate let it through.
          const response = await callRoute(route, routeDeps(t, user), url, params, { method });
          const admitted = !refusedByGate(response);
          expect(admitted, `${cell}: ${allowed ? "turned away by the gate" : "let through by the gate"}`).toBe(allowed);
          const body = await bodyText(response);
          if (!admitted) {
            expect(response.status).toBe(404);
            expect(await auditRows()).toBe(before);
          } else {
            expect(page && pageAccess({ ...user, tenantSlug: city.slug }, city.slug, page), `${cell}: admitted by a route wider than its page`).toBe("allow");
          }
          // A named person in the response is a denial for a role without person:read.
          if (!readsPeople) expect(foundIn(body, fixture.people), `${cell}: named people`).toEqual([]);
          if (OPD_ROLES.includes(subject.role) && refs === fixture.otherOpd) {
            expect(foundIn(body, [...fixture.opdBMarkers, ...fixture.peopleOfOpdB]), `${cell}: another OPD's records`).toEqual([]);
          }
          if (subject.role === "KELURAHAN") expect(foundIn(body, fixture.peopleOfKelurahanB), `${cell}: another kelurahan's people`).toEqual([]);
        }

        const stranger = sessionUser(otherCity, subject.role === "PLATFORM_ADMIN" ? "CITY_ADMIN" : subject.role, { opd: subject.opd });
        const before = await auditRows();
        const { url, params } = routeCall(file, city.slug, fixture.own);
        const foreign = await callRoute(route, routeDeps(t, stranger), url, params, { method });
        expect(foreign.status).toBe(404);
        expect(refusedByGate(foreign)).toBe(true);
        expect(foundIn(await bodyText(foreign), fixture.people)).toEqual([]);
        expect(await auditRows()).toBe(before);
      });
    }
    it(`${method} ${file}: not found for the signed-out`, async () => {
      const { url, params } = routeCall(file, city.slug, fixture.own);
      const response = await callRoute(route, routeDeps(t, null), url, params, { method });
      expect(response.status).toBe(404);
      expect(refusedByGate(response)).toBe(true);
    });
  }

  // The checks above look for the fixture's people and records in every answer; these prove
  // they would find them (the lists name them for those who may read them), and state the
  // mayor's office's case on its own.
  describe("named people and OPD records in downloads", () => {
    /** The GET handler of a city URL, e.g. "bantuan/ekspor". */
    const cityRoute = (path: string) => {
      const found = tenantRoutes.find(({ file, method }) => method === "GET" && file === `app/[tenant]/${path}/route.ts`);
      if (!found) throw new Error(`no route ${path}`);
      return found;
    };
    const get = async (path: string, subject: Subject, refs: RecordRefs) => {
      const found = cityRoute(path);
      const { url, params } = routeCall(found.file, city.slug, refs);
      const response = await callRoute(found.route, routeDeps(t, userOf(subject, city)), url, params);
      expect(response.status, path).toBe(200);
      return bodyText(response);
    };
    const bapeda: Subject = { role: "BAPEDA", opd: null, label: "BAPEDA" };
    const staff: Subject = { role: "OPD_STAFF", opd: unmarked, label: "OPD_STAFF" };

    it("are named by the aid, trainings, sasaran and rejected-rows downloads", async () => {
      const lists = ["bantuan/ekspor", "pelatihan/ekspor", "program/[programmeId]/sasaran/ekspor", "registri/impor/[jobId]/ditolak"];
      for (const path of lists) expect(foundIn(await get(path, bapeda, fixture.own), fixture.people).length, path).toBeGreaterThan(0);
      expect(foundIn(await get("bantuan/ekspor", bapeda, fixture.otherOpd), fixture.peopleOfOpdB).length).toBeGreaterThan(0);
      expect(foundIn(await get("program/[programmeId]/sasaran/ekspor", bapeda, fixture.otherKelurahan), fixture.peopleOfKelurahanB).length).toBeGreaterThan(0);
    });

    it("the mayor's office, which may export its dashboards, gets not found from the aid, trainings, sasaran and budget-entries exports", async () => {
      const mayor = sessionUser(city, "MAYOR_OFFICE");
      for (const path of ["bantuan/ekspor", "pelatihan/ekspor", "program/[programmeId]/sasaran/ekspor", "anggaran/ekspor"]) {
        const found = cityRoute(path);
        const { url, params } = routeCall(found.file, city.slug, fixture.own);
        const response = await callRoute(found.route, routeDeps(t, mayor), url, params);
        expect(response.status, path).toBe(404);
        expect(foundIn(await bodyText(response), [...fixture.people, ...fixture.opdAMarkers]), path).toEqual([]);
      }
    });

    it("an OPD's records are in its own downloads and in a city-wide reader's", async () => {
      for (const path of ["anggaran/ekspor", "bantuan/ekspor", "pelatihan/ekspor"]) {
        const own = await get(path, staff, fixture.own);
        expect(foundIn(own, fixture.opdAMarkers).length, path).toBeGreaterThan(0);
        expect(foundIn(await get(path, bapeda, fixture.otherOpd), fixture.opdBMarkers).length, path).toBeGreaterThan(0);
      }
    });
  });
});
