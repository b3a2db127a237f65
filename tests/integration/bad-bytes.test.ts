// NUL and lone surrogates sent everywhere input comes in: to every field of every server
// action, to every route handler's path and query, and to the registry upload. PostgreSQL
// refuses NUL and a lone surrogate reaches it as U+FFFD: nothing may answer with a server
// error, an id or code holding them is refused (BAD_CHARACTERS), free text loses them, and
// nothing written carries them. The actions and routes are found on disk, as the
// permission-matrix test finds them.
import { registryCheckJob } from "@/features/registry/import/jobs";
import { runQueuedNow } from "@/tests/helpers/queued-jobs";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ZodType } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { registeredActions } from "@/lib/actions/server";
import { runAction, runPlatformAction } from "@/lib/actions/run";
import { meets, type Requirement } from "@/lib/auth/gate";
import { OPD_PERMISSIONS, userCan, type OpdCapabilities } from "@/lib/auth/permissions";
import { refusedByGate, type RouteAccess, type RouteParams, type TenantRoute } from "@/lib/auth/route";
import type { SessionUser } from "@/lib/auth/session-user";
import { Role } from "@/lib/generated/prisma/enums";
import { authenticate } from "@/lib/auth/sign-in";
import { isFreeTextAt } from "@/lib/validation/free-text";
import { COLUMNS, type ColumnKey } from "@/features/registry/import/columns";
import { actionDeps, sessionUser, submitted } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { createPeopleFixture, type PeopleFixture } from "../helpers/people-fixture";
import { callRoute, routeDeps } from "../helpers/routes";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, set: () => {} }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null, endCurrentSession: async () => {} }));

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const sourceFiles = (folders: string[], pattern: RegExp) =>
  folders
    .flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" }).map((file) => join(folder, file)))
    .filter((file) => pattern.test(file) && !file.includes("node_modules") && !file.startsWith(join("lib", "generated")))
    .sort();

const USE_SERVER_FIRST = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const serverFiles = sourceFiles(["app", "features", "lib"], /\.ts$/).filter((file) => USE_SERVER_FIRST.test(readFileSync(join(ROOT, file), "utf8")));
await Promise.all(serverFiles.map((file) => import(join(ROOT, file))));
const { tenant: tenantDefinitions, platform: platformDefinitions } = registeredActions();

const routeFiles = sourceFiles(["app"], /(^|\/)route\.ts$/);
const routeHandlers = (
  await Promise.all(
    routeFiles.map(async (file) => {
      const exports = (await import(join(ROOT, file))) as Record<string, unknown>;
      return (["GET", "POST"] as const).flatMap((method) => {
        const handler = exports[method] as Partial<TenantRoute<RouteParams>> | undefined;
        const access = handler?.access as RouteAccess | undefined;
        return access?.kind === "tenant" ? [{ file, method, route: handler as TenantRoute<RouteParams>, requirement: access.requirement }] : [];
      });
    }),
  )
).flat();

/** The rows of a CSV file, quotes understood. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = /^[^\n]*;/.test(body) ? ";" : ",";
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') (cell += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) rows.at(-1)!.push(cell), (cell = "");
    else if (char === "\n") rows.at(-1)!.push(cell.replace(/\r$/, "")), rows.push([]), (cell = "");
    else cell += char;
  }
  if (cell) rows.at(-1)!.push(cell);
  return rows.filter((row) => row.length > 0);
}
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The strings no input may carry into the database. */
const BAD = { nul: "Ab\u0000cd", "lone high surrogate": "Ab\uD800cd", "lone low surrogate": "\uDC00" } as const;
const HAS_BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What a lone surrogate becomes when it is written as UTF-8 on its way to PostgreSQL. */
const REPLACED = /\uFFFD/;

/** Whether any string in `value` (keys included, however deep) matches `pattern`. JSON.stringify would escape what is looked for. */
function carries(value: unknown, pattern: RegExp): boolean {
  if (typeof value === "string") return pattern.test(value);
  if (value instanceof Date || typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, item]) => pattern.test(key) || carries(item, pattern));
}

type Def = { type: string; in?: ZodType; out?: ZodType; innerType?: ZodType; shape?: Record<string, ZodType> };
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The fields a form sends for `schema`: the keys of the object it reads (a nested object's keys too, as table imports take their options). */
function fieldsOf(schema: ZodType): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case "pipe":
      return fieldsOf(defOf(def.in!).type === "transform" ? def.out! : def.in!);
    case "optional":
    case "nullable":
    case "default":
    case "catch":
      return fieldsOf(def.innerType!);
    case "object":
      return Object.entries(def.shape!).flatMap(([key, field]) => [key, ...(defOf(field).type === "object" ? fieldsOf(field) : [])]);
    default:
      return [];
  }
}

type NestedDef = Def & { element?: ZodType; valueType?: ZodType; options?: ZodType[] };

/**
 * Every path below the top level at which `schema` reads a string: keys of nested objects, and
 * the items of lists (as item 0) and of records, however deep. A client may send an action any
 * of them (a form's repeated field is a list; a script may send objects).
 */
function nestedPathsOf(schema: ZodType, prefix: (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema) as NestedDef;
  const below = (inner: ZodType, key: string | number) => [[...prefix, key], ...nestedPathsOf(inner, [...prefix, key])];
  switch (def.type) {
    case "pipe":
      return nestedPathsOf(defOf(def.in!).type === "transform" ? def.out! : def.in!, prefix);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
      return nestedPathsOf(def.innerType!, prefix);
    case "object":
      return Object.entries(def.shape!).flatMap(([key, field]) => below(field, key));
    case "array":
      return below(def.element!, 0);
    case "record":
      return below(def.valueType!, "x");
    case "union":
      return def.options!.flatMap((option) => nestedPathsOf(option, prefix));
    default:
      return [];
  }
}

/** An input holding `value` at `path` (lists for numeric steps), and nothing else. */
function inputAt(path: (string | number)[], value: string): Record<string, unknown> {
  const build = (rest: (string | number)[]): unknown => {
    if (rest.length === 0) return value;
    const [step, ...tail] = rest;
    return typeof step === "number" ? [build(tail)] : { [step!]: build(tail) };
  };
  return build(path) as Record<string, unknown>;
}

const MARKS = Object.keys(OPD_PERMISSIONS) as (keyof OpdCapabilities)[];
const unmarked = Object.fromEntries(MARKS.map((mark) => [mark, false])) as OpdCapabilities;
const OPD_ROLES: readonly Role[] = ["OPD_STAFF", "OPD_HEAD"];

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

/** City users of every role, OPD roles once unmarked and once per mark, placed in OPD A and kelurahan A. */
function cityUsers(): SessionUser[] {
  return Object.values(Role)
    .filter((role) => role !== "PLATFORM_ADMIN")
    .flatMap((role) => (OPD_ROLES.includes(role) ? [unmarked, ...MARKS.map((mark) => ({ ...unmarked, [mark]: true }))] : [null]).map((opd) => ({ role, opd })))
    .map(({ role, opd }) =>
      sessionUser(city, role, {
        opd,
        opdId: OPD_ROLES.includes(role) ? fixture.opdA : null,
        kelurahanId: role === "KELURAHAN" ? city.kelurahanId : null,
      }),
    );
}

/**
 * Audit rows (every write through the pipeline makes one, with the fields written) that carry a
 * bad byte; with `replaced`, U+FFFD too: what a lone surrogate sent to an action becomes in PostgreSQL.
 * (A URL cannot carry a lone surrogate: the client writes it as U+FFFD, and an export records its query.)
 */
async function badAuditRows(options: { replaced: boolean }): Promise<number> {
  const rows = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ select: { before: true, after: true } }));
  return rows.filter((row) => carries(row, HAS_BAD) || (options.replaced && carries(row, REPLACED))).length;
}

describe("every server action, every field", () => {
  it("finds the actions and their fields", () => {
    expect(tenantDefinitions.length).toBeGreaterThan(40);
    expect(tenantDefinitions.filter((definition) => fieldsOf(definition.schema).length > 0).length).toBeGreaterThan(40);
  });

  for (const definition of tenantDefinitions as AnyActionDefinition[]) {
    it(`${definition.name}: no field holding NUL or a lone surrogate gets a server error; ids and codes are refused`, async () => {
      const user = cityUsers().find((candidate) => userCan(candidate, definition.permission));
      expect(user, "a city user who may run it").toBeDefined();
      const deps = actionDeps(t, user!);
      const fields = fieldsOf(definition.schema);
      for (const [label, bad] of Object.entries(BAD)) {
        const everything = await runAction(deps, definition, city.slug, submitted(Object.fromEntries(fields.map((field) => [field, bad]))));
        expect(everything.ok ? null : everything.code, `${label} in every field`).not.toBe("INTERNAL");
        for (const field of fields) {
          const result = await runAction(deps, definition, city.slug, submitted({ [field]: bad }));
          const code = result.ok ? null : result.code;
          expect(code, `${label} in ${field}: ${result.ok ? "" : result.message}`).not.toBe("INTERNAL");
          if (isFreeTextAt(definition.schema, [field])) expect(code, `${label} in the free text ${field}`).not.toBe("BAD_CHARACTERS");
          else {
            expect(code, `${label} in the code ${field}`).toBe("BAD_CHARACTERS");
            expect(result.ok ? {} : result.fieldErrors, field).toHaveProperty([field]);
          }
        }
      }
      expect(await badAuditRows({ replaced: true })).toBe(0);
    });
  }

  // Lists and nested objects: the ticked ids of a bulk verification, the cells of an attendance grid.
  const nested = (tenantDefinitions as AnyActionDefinition[])
    .map((definition) => ({ definition, paths: nestedPathsOf(definition.schema).filter((path) => path.length > 1) }))
    .filter(({ paths }) => paths.length > 0);
  it("finds the actions that take lists", () => expect(nested.length).toBeGreaterThanOrEqual(3));
  for (const { definition, paths } of nested) {
    it(`${definition.name}: NUL or a lone surrogate in an item of a list or a nested field is refused or stripped, never a server error`, async () => {
      const user = cityUsers().find((candidate) => userCan(candidate, definition.permission));
      const deps = actionDeps(t, user!);
      for (const [label, bad] of Object.entries(BAD)) {
        for (const path of paths) {
          const field = path.join(".");
          const result = await runAction(deps, definition, city.slug, submitted(inputAt(path, bad)));
          const code = result.ok ? null : result.code;
          expect(code, `${label} in ${field}: ${result.ok ? "" : result.message}`).not.toBe("INTERNAL");
          if (isFreeTextAt(definition.schema, path)) expect(code, `${label} in the free text ${field}`).not.toBe("BAD_CHARACTERS");
          else {
            expect(code, `${label} in the code ${field}`).toBe("BAD_CHARACTERS");
            expect(result.ok ? {} : result.fieldErrors, field).toHaveProperty([field]);
          }
          // The same among good items: a list of one good id and one bad one.
          if (typeof path.at(-1) === "number") {
            const mixed = await runAction(deps, definition, city.slug, submitted({ [path[0]!]: ["tidakada0000000000", bad] }));
            expect(mixed.ok ? null : mixed.code, `${label} in the second item of ${path[0]}`).not.toBe("INTERNAL");
          }
        }
      }
      expect(await badAuditRows({ replaced: true })).toBe(0);
    });
  }

  // Each small-table import is sent every import template's columns, with the template's example
  // row as it is and with NUL in each of its cells: read, checked and committed, never a server error.
  const tableImports = (tenantDefinitions as AnyActionDefinition[]).filter((definition) => fieldsOf(definition.schema).includes("file"));
  const templates = routeHandlers.filter(({ file, method }) => method === "GET" && file.endsWith("/templat/route.ts"));
  it("finds the small-table imports and the import templates", () => {
    expect(tableImports.length).toBeGreaterThanOrEqual(5);
    expect(templates.length).toBeGreaterThanOrEqual(5);
  });
  for (const definition of tableImports) {
    it(`${definition.name}: a file with NUL in every cell is checked and imported without a server error`, async () => {
      const user = cityUsers().find((candidate) => userCan(candidate, definition.permission));
      const deps = actionDeps(t, user!);
      for (const template of templates) {
        const reader = cityUsers().find((candidate) => meets(candidate, template.requirement as Requirement));
        const url = `http://localhost/${city.slug}/${relative(join("app", "[tenant]"), template.file).replace(/\/route\.ts$/, "")}?format=csv`;
        const response = await callRoute(template.route, routeDeps(t, reader!), url, { tenant: city.slug });
        const [header, example] = csvRows(await response.text());
        const poisoned = example!.map((cell) => (cell ? `${cell.slice(0, 1)}\u0000${cell.slice(1)}\uD800` : "\u0000"));
        const csv = [header!, example!, poisoned].map((row) => row.map(csvCell).join(",")).join("\n");
        for (const mode of ["dry-run", "commit"]) {
          const file = new File([csv], `impor\u0000${mode}.csv`, { type: "text/csv" });
          const result = await runAction(deps, definition, city.slug, submitted({ mode, file }));
          expect(result.ok ? null : result.code, `${template.file} ${mode}: ${result.ok ? "" : result.message}`).not.toBe("INTERNAL");
          if (result.ok) expect(carries(result.data, HAS_BAD), `${template.file} ${mode}: the report`).toBe(false);
        }
      }
      expect(await badAuditRows({ replaced: true })).toBe(0);
    });
  }

  for (const definition of platformDefinitions) {
    it(`${definition.name} (platform): no field holding NUL or a lone surrogate gets a server error`, async () => {
      const deps = actionDeps(t, sessionUser(null, "PLATFORM_ADMIN"));
      const fields = fieldsOf(definition.schema);
      expect(fields.length).toBeGreaterThan(0);
      for (const [label, bad] of Object.entries(BAD)) {
        for (const input of [Object.fromEntries(fields.map((field) => [field, bad])), ...fields.map((field) => ({ [field]: bad }))]) {
          const result = await runPlatformAction(deps, definition, input);
          expect(result.ok ? null : result.code, `${label} in ${Object.keys(input).join(", ")}`).not.toBe("INTERNAL");
        }
      }
    });
  }

  it("a free-text field loses the characters and keeps the rest; an id holding them is named in the answer", async () => {
    const definition = tenantDefinitions.find((one) => one.name === "opds.create");
    expect(definition).toBeDefined();
    const admin = sessionUser(city, "CITY_ADMIN");
    const code = `9.${Date.now() % 100_000}`;
    const created = await runAction(actionDeps(t, admin), definition!, city.slug, submitted({ code, name: "Dinas\u0000 Uji\uD800 Baru", shortName: "DUB" }));
    expect(created).toMatchObject({ ok: true });
    const opd = await t.withTenant(city.id, (tx) => tx.opd.findFirst({ where: { code }, select: { name: true } }));
    expect(opd?.name).toBe("Dinas Uji Baru");

    const refused = await runAction(actionDeps(t, admin), definition!, city.slug, submitted({ code: `9.\u00001`, name: "Dinas Lain", shortName: "DL" }));
    expect(refused).toMatchObject({ ok: false, code: "BAD_CHARACTERS", fieldErrors: { code: [expect.stringContaining("NUL")] } });
  });
});

describe("every route handler, every parameter", () => {
  it("finds the routes", () => expect(routeHandlers.length).toBeGreaterThan(15));

  /** The URL of a route file in the city, with its path parameters and query (the fixture's own records). */
  function routeCall(file: string, override: { param?: [string, string]; query?: [string, string] } = {}) {
    const params: RouteParams = { tenant: city.slug };
    const segments = relative("app", file)
      .split("/")
      .slice(0, -1)
      .map((segment) => {
        const name = /^\[(\w+)\]$/.exec(segment)?.[1];
        if (!name) return segment;
        if (name === "tenant") return city.slug;
        params[name] = override.param?.[0] === name ? override.param[1] : (fixture.own.params[name] ?? "tidakada0000000000");
        // Next.js hands the handler the decoded parameter; the URL itself only needs a segment.
        return override.param?.[0] === name ? "x" : encodeURIComponent(String(params[name]));
      });
    const query = new URLSearchParams({ format: "csv", ...fixture.own.query });
    if (override.query) query.set(...override.query);
    return { url: `http://localhost/${segments.join("/")}?${query}`, params };
  }

  for (const { file, method, route, requirement } of routeHandlers) {
    it(`${method} ${file}: NUL or a lone surrogate in any path parameter or query value is refused, never a server error`, async () => {
      const user = cityUsers().find((candidate) => meets(candidate, requirement as Requirement));
      expect(user, "a city user the route admits").toBeDefined();
      const deps = routeDeps(t, user!);
      const init = { method, headers: { "x-entas-import": "1", origin: "http://localhost", host: "localhost" } };
      const clean = routeCall(file);
      const baseline = await callRoute(route, deps, clean.url, clean.params, init);
      expect(refusedByGate(baseline), `admitted: ${user!.role} ${baseline.status} ${await baseline.clone().text()}`).toBe(false);
      const pathNames = Object.keys(clean.params).filter((name) => name !== "tenant");
      const queryNames = [...new URL(clean.url).searchParams.keys(), "q", "cari", "name", "mode", "job"];
      for (const [label, bad] of Object.entries(BAD)) {
        for (const name of pathNames) {
          const call = routeCall(file, { param: [name, bad] });
          const response = await callRoute(route, deps, call.url, call.params, init);
          expect(response.status, `${label} in [${name}]`).toBe(404);
        }
        for (const name of queryNames) {
          const call = routeCall(file, { query: [name, bad] });
          const response = await callRoute(route, deps, call.url, call.params, init);
          expect(response.status, `${label} in ?${name}: ${await response.clone().text()}`).toBeLessThan(500);
          // A lone surrogate is written to a URL as U+FFFD; only NUL survives the trip.
          if (label === "nul") expect(response.status, `NUL in ?${name}`).toBe(400);
        }
      }
      expect(await badAuditRows({ replaced: false })).toBe(0);
    });
  }
});

describe("the registry upload route", () => {
  const upload = routeHandlers.find(({ file, method }) => method === "POST" && file.endsWith("registri/impor/unggah/route.ts"));
  const send = (headers: Record<string, string>, body = "NIK\n") => {
    const bapeda = sessionUser(city, "BAPEDA");
    const url = `http://localhost/${city.slug}/registri/impor/unggah?mode=dry-run&name=data.csv`;
    return callRoute(upload!.route, routeDeps(t, bapeda), url, { tenant: city.slug }, { method: "POST", headers: { "x-entas-import": "1", ...headers }, body });
  };

  it("refuses a null, missing or foreign Origin with 403 and words, not a server error", async () => {
    expect(upload).toBeDefined();
    for (const origin of ["null", undefined, "http://evil.example", "not a url"]) {
      const response = await send({ host: "localhost", ...(origin === undefined ? {} : { origin }) });
      expect(response.status, `Origin: ${origin}`).toBe(403);
      expect(await response.json()).toEqual({ type: "error", message: expect.stringContaining("Entas") });
    }
  });

  it("takes a request from its own page", async () => {
    const response = await send({ host: "localhost", origin: "http://localhost" });
    expect(response.status).toBe(200);
    // The route keeps the file and queues its check, which a worker runs.
    const answer = (await response.json()) as { type: string; taskId?: string };
    expect(answer).toMatchObject({ type: "queued", taskId: expect.any(String) });
    expect(await runQueuedNow(t, registryCheckJob, city.id, answer.taskId!)).toMatchObject({ state: "DONE", resultId: expect.any(String) });
  });

  it("checks a file with NUL in every column without a server error, and stores none", async () => {
    // Every column of the registry's extract, a valid row and the same row with NUL in each cell.
    const columns = COLUMNS.filter((column) => column.key !== "rtRw");
    const good: Partial<Record<ColumnKey, string>> = {
      noKk: "5271010101900001",
      nik: "5271014101800001",
      name: "Siti Aminah",
      sex: "P",
      birthDate: "01-01-1980",
      relation: "Kepala Keluarga",
      kelurahan: "Kelurahan Uji",
      desil: "1",
    };
    const cells = (bad: boolean) => columns.map((column) => `${good[column.key] ?? "Teks"}${bad ? "\u0000" : ""}`.replace(/^(.)/, bad ? "$1\u0000" : "$1"));
    const csv = [columns.map((column) => column.header), cells(false), cells(true)].map((row) => row.join(";")).join("\n");
    const response = await send({ host: "localhost", origin: "http://localhost" }, csv);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { type: string; taskId?: string };
    expect(answer.type).toBe("queued");
    const job = await runQueuedNow(t, registryCheckJob, city.id, answer.taskId!);
    expect(job, JSON.stringify(job)).toMatchObject({ state: "DONE" });
    const outcome = await t.withTenant(city.id, (tx) => tx.importJob.findFirstOrThrow({ where: { id: job.resultId! }, select: { status: true } }));
    expect(outcome.status).not.toBe("FAILED");
    expect(await badAuditRows({ replaced: false })).toBe(0);
    const jobs = await t.withTenant(city.id, (tx) => tx.importJob.findMany({ select: { report: true, fileName: true } }));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect(carries(job, HAS_BAD) || carries(job, REPLACED)).toBe(false);
  });
});

describe("signing in (next-auth's credentials endpoint)", () => {
  it("takes an email or password holding NUL or a lone surrogate as wrong credentials, not as the service failing", async () => {
    for (const bad of Object.values(BAD)) {
      expect(await authenticate(t, { email: `warga${bad}@kota.go.id`, password: "kata sandi", ip: "203.0.113.9" })).toEqual({ ok: false, reason: "invalid" });
      expect(await authenticate(t, { email: "warga@kota.go.id", password: `kata${bad}sandi`, ip: "203.0.113.9" })).toMatchObject({ ok: false });
    }
  });
});
