// The permission matrix's page cells that load a record by id: every page under app/[tenant]/
// found on disk with a dynamic segment ([programmeId], [householdId], [loanId]…) is opened as
// Next.js would open it (its default export, with the session's user), for every role, with
// a record of the caller's own OPD and kelurahan, another OPD's, another kelurahan's and
// another city's, and by a user of another city. What it answers is read whole (every value
// the page hands to its components): it must be "not found" wherever the scope rule says the
// record is out of reach, show the record wherever it says it is in reach, and name no person
// of the fixture for a role without person:read.
//
// The rule, written here independently of lib/auth/scope.ts: a record of another city never
// exists; those who write programme data (programme:write or entry:write: the OPD roles) see
// only their own OPD's records; a kelurahan officer sees only their own kelurahan's. A
// record belongs to an OPD, a kelurahan, both or neither (tests/helpers/page-records.ts reads
// which from the database); a household belongs to no OPD, so the registry is city-wide for
// every role but the kelurahan officer.
import type { AsyncLocalStorage } from "node:async_hooks";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TENANT_PAGES, type TenantPageKey } from "@/lib/auth/pages";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ScopedClient, Tx } from "@/lib/db";
import { sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { granted, grantedPage, OPD_ROLES, ROLES, subjectsOf, type Subject } from "../helpers/matrix-subjects";
import { createPageRecords, type PageRecord, type PageRecords, type PageWorld } from "../helpers/page-records";
import { createPeopleFixture, type PeopleFixture } from "../helpers/people-fixture";
import { readSource, ROOT, sourceFiles } from "../helpers/source-files";

const NOT_FOUND = "NEXT_NOT_FOUND (test)";

// What a page reaches for outside a Next.js request: the session, the request's headers, the
// words (a key and the values put into it, so that names passed to a message are read too)
// and the app's database, which here is the test's.
const outside = vi.hoisted(() => ({
  db: null as ScopedClient | null,
  withTenant: null as null | (<T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>),
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
  const words = (values: unknown) =>
    values && typeof values === "object"
      ? Object.values(values)
          .filter((value) => ["string", "number", "bigint"].includes(typeof value))
          .join(" ")
      : "";
  const translator = () =>
    Object.assign((key: string, values?: unknown) => `${key} ${words(values)}`, {
      rich: (key: string, values?: unknown) => `${key} ${words(values)}`,
      has: () => true,
    });
  return { getTranslations: async () => translator(), getLocale: async () => "id", getMessages: async () => catalogues.id };
});
// Who is asking, per page opened: a test opens its cells at once.
vi.mock("@/lib/auth/session", async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  const asking = new AsyncLocalStorage<SessionUser | null>();
  return { asking, getSessionUser: async () => asking.getStore() ?? null, endCurrentSession: async () => {} };
});
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  db: new Proxy({}, { get: (_target, property) => Reflect.get(outside.db!, property, outside.db) }),
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => outside.withTenant!(tenantId, fn),
  withTenantReport: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => outside.withTenant!(tenantId, fn),
}));

/**
 * Pages whose gate asks, after the page's permission, for one more: the edit forms a writer's,
 * the printed visiting list of named people a reader of personal data's.
 */
const WRITERS_ONLY: Record<string, Permission> = {
  "app/[tenant]/dasbor/kemiskinan/belum-terjangkau/cetak/page.tsx": "registry:read-personal",
  "app/[tenant]/program/[programmeId]/ubah/page.tsx": "programme:write",
  "app/[tenant]/program/[programmeId]/pos/[budgetLineId]/page.tsx": "programme:write",
  "app/[tenant]/pelatihan/[trainingId]/ubah/page.tsx": "entry:write",
  "app/[tenant]/program/baru/page.tsx": "programme:write",
  "app/[tenant]/bantuan/baru/page.tsx": "entry:write",
  "app/[tenant]/pelatihan/baru/page.tsx": "entry:write",
  "app/[tenant]/dana-pem/pinjaman/baru/page.tsx": "revolving-fund:write",
};

const { asking } = (await import("@/lib/auth/session")) as unknown as { asking: AsyncLocalStorage<SessionUser | null> };

const SEGMENT = /^\[(\w+)\]$/;
const segmentsOf = (file: string) =>
  file
    .split("/")
    .slice(2, -1)
    .flatMap((part) => SEGMENT.exec(part)?.[1] ?? []);
const cityPages = sourceFiles(["app/[tenant]"], /^page\.tsx$/).map((file) => ({
  file,
  segments: segmentsOf(file),
  key: /requireTenantPage\(slug, "(\w+)"[,)]/.exec(readSource(file))?.[1] as TenantPageKey | undefined,
}));
const pages = cityPages.filter(({ segments }) => segments.length > 0);
const listPages = cityPages.filter(({ segments }) => segments.length === 0);
const pageModules = new Map(
  await Promise.all(cityPages.map(async ({ file }) => [file, (await import(join(ROOT, file))) as { default: (props: unknown) => Promise<unknown> }] as const)),
);

/**
 * Every string, number and date a page hands to its components, as text; functions (the bound
 * actions, a panel's render function) are left out. A promise (a dashboard panel's figures) is
 * awaited, as React would before rendering it.
 */
async function textOf(node: unknown, seen = new WeakSet<object>()): Promise<string> {
  if (node === null || node === undefined || typeof node === "boolean" || typeof node === "function" || typeof node === "symbol") return "";
  if (typeof node !== "object") return String(node);
  if (node instanceof Date) return node.toISOString();
  if (seen.has(node)) return "";
  seen.add(node);
  if (node instanceof Promise) return textOf(await node, seen);
  if (node instanceof Map || node instanceof Set) return (await Promise.all([...node].map((item) => textOf(item, seen)))).join("\n");
  // A React element: only what it is given (its props and children), not React's own bookkeeping.
  if ("$$typeof" in node && "props" in node) return textOf(node.props, seen);
  return (await Promise.all(Object.values(node).map((value) => textOf(value, seen)))).join("\n");
}

type Opened = { found: false } | { found: true; text: string };

/** Opens a page as Next.js would for `user`: the URL's parameters from the records, no query. */
async function open(file: string, user: SessionUser | null, slug: string, records: PageRecords, query: Record<string, string> = {}): Promise<Opened> {
  const params: Record<string, string> = { tenant: slug };
  for (const segment of segmentsOf(file)) params[segment] = records[segment]!.id;
  try {
    const page = pageModules.get(file)!.default;
    const tree = await asking.run(user, () => page({ params: Promise.resolve(params), searchParams: Promise.resolve(query) }));
    return { found: true, text: await textOf(tree) };
  } catch (error) {
    if (error instanceof Error && error.message === NOT_FOUND) return { found: false };
    throw error;
  }
}

const foundIn = (text: string, words: readonly string[]) => words.filter((word) => text.includes(word));

/**
 * The fixture's people a subject must not see on a page: everyone without person:read; on a
 * page that does not say it lists people, everyone without registry:read-personal (the
 * poverty dashboard's named list is theirs alone); full NIK and No. KK, whoever lacks
 * registry:read-personal, but on the data subject's access report: it is for the data subject,
 * numbers in full, one household at a time and audited, by whoever may make it.
 */
function hiddenPeople(subject: Subject, key: TenantPageKey, people: readonly string[]): string[] {
  if (!granted(subject, "person:read")) return [...people];
  if (granted(subject, "registry:read-personal") || key === "subjectAccess") return [];
  return TENANT_PAGES[key].people ? people.filter((word) => /^\d{16}$/.test(word)) : [...people];
}

// The rule. Who is confined where is read from the permission table, not from lib/auth/scope.ts.
const confinedToOpd = (subject: Subject) => granted(subject, "programme:write") || granted(subject, "entry:write");
const confinedToKelurahan = (subject: Subject) => subject.role === "KELURAHAN";

describe("pages that load a record by id", () => {
  it("are found on disk, each with the page key it passes the gate with", () => {
    expect(pages.length).toBeGreaterThan(12);
    for (const { file, key } of pages) expect(key && Object.hasOwn(TENANT_PAGES, key), file).toBe(true);
    for (const file of Object.keys(WRITERS_ONLY)) expect(pageModules.has(file), `${file} is listed as writers-only but is no city page`).toBe(true);
  });

  let t: TestDb;
  let city: TestTenant;
  let otherCity: TestTenant;
  let fixture: PeopleFixture;
  let otherFixture: PeopleFixture;
  let world: PageWorld;
  let otherWorld: PageWorld;

  beforeAll(async () => {
    t = await openTestDb();
    outside.db = t.db;
    outside.withTenant = t.withTenant;
    city = await createTestTenant(t.db, t.withTenant);
    otherCity = await createTestTenant(t.db, t.withTenant);
    fixture = await t.withTenant(city.id, (tx) => createPeopleFixture(tx, city));
    // Written on behalf of a user, so the audit log holds rows about the fixture's people too.
    world = await t.withTenant(city.id, (tx) => createPageRecords(tx, city, fixture), { actor: { userId: null } });
    otherFixture = await t.withTenant(otherCity.id, (tx) => createPeopleFixture(tx, otherCity));
    otherWorld = await t.withTenant(otherCity.id, (tx) => createPageRecords(tx, otherCity, otherFixture));
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A user of `home` as the subject: in OPD A and kelurahan A of that city where its role has one. */
  const userOf = (subject: Subject, home: TestTenant | null, own: PeopleFixture) =>
    sessionUser(home, subject.role, {
      opd: subject.opd,
      opdId: OPD_ROLES.includes(subject.role) ? own.opdA : null,
      kelurahanId: subject.role === "KELURAHAN" ? home?.kelurahanId : null,
    });

  /** Whether the rule puts a record within the reach of a subject of the city, in OPD A and kelurahan A. */
  const inReach = (subject: Subject, record: PageRecord) =>
    (!confinedToOpd(subject) || record.opdId === null || record.opdId === fixture.opdA) &&
    (!confinedToKelurahan(subject) || record.kelurahanId === null || record.kelurahanId === city.kelurahanId);

  for (const { file, segments, key } of pages) {
    for (const subject of subjectsOf(ROLES)) {
      const opens =
        subject.role !== "PLATFORM_ADMIN" && key !== undefined && grantedPage(subject, key) && (!WRITERS_ONLY[file] || granted(subject, WRITERS_ONLY[file]));
      it(`${file} × ${subject.label}: ${opens ? "shows the records within its scope" : "not found"}; not found for another city's record and for another city's user`, async () => {
        for (const segment of segments)
          expect(world.A[segment], `no test record for the segment [${segment}]: add one to tests/helpers/page-records.ts`).toBeDefined();
        const user = userOf(subject, subject.role === "PLATFORM_ADMIN" ? null : city, fixture);
        // Another OPD's cell takes side B's records for the segments that belong to an OPD; another kelurahan's, for those of a kelurahan.
        const mixed = (owned: (record: PageRecord) => boolean): PageRecords =>
          Object.fromEntries(Object.entries(world.A).map(([segment, record]) => [segment, owned(record) ? world.B[segment]! : record]));
        const cells = [
          ["own OPD and kelurahan", world.A],
          ["another OPD", mixed((record) => record.opdId !== null)],
          ["another kelurahan", mixed((record) => record.kelurahanId !== null)],
        ] as const;
        const stranger = userOf(subject, subject.role === "PLATFORM_ADMIN" ? null : otherCity, otherFixture);
        const [foreignRecord, foreignUser, ...openedCells] = await Promise.all([
          open(file, user, city.slug, otherWorld.A),
          open(file, stranger, city.slug, world.A),
          // With a search by name, for the pages that offer one (a training's candidates).
          ...cells.map(([, records]) => open(file, user, city.slug, records, { q: "Warga" })),
        ]);
        // Another city's record, asked for in the caller's own city, does not exist.
        expect(foreignRecord.found, "another city's record").toBe(false);
        // Nor does this city, or any of its records, for another city's user.
        expect(foreignUser.found, "another city's user").toBe(false);
        for (const [index, [cell, records]] of cells.entries()) {
          const named = segments.map((segment) => records[segment]!);
          const expected = opens && named.every((record) => inReach(subject, record));
          const opened = openedCells[index]!;
          expect(opened.found, `${cell}: ${expected ? "not shown" : "shown"}`).toBe(expected);
          if (!opened.found) continue;
          // What the page is about is on it: the checks below read a page that shows records.
          expect(opened.text, `${cell}: the record`).toContain(named.at(-1)!.marker);
          // A named person is a denial for a role without person:read.
          expect(foundIn(opened.text, hiddenPeople(subject, key!, fixture.people)), `${cell}: named people or full numbers`).toEqual([]);
          if (confinedToKelurahan(subject)) expect(foundIn(opened.text, fixture.peopleOfKelurahanB), `${cell}: another kelurahan's people`).toEqual([]);
          if (confinedToOpd(subject) && named.every((record) => record.opdId !== null)) {
            expect(foundIn(opened.text, fixture.opdBMarkers), `${cell}: another OPD's records on an OPD's page`).toEqual([]);
          }
          expect(foundIn(opened.text, otherFixture.people), `${cell}: another city's people`).toEqual([]);
        }
      });
    }
  }
  // Pages without a record in their URL take the OPD, programme, kelurahan… to show from the
  // query; asked for another OPD's or kelurahan's, they still show only what is in reach.
  for (const { file, key } of listPages) {
    for (const subject of subjectsOf(ROLES)) {
      const opens =
        subject.role !== "PLATFORM_ADMIN" && key !== undefined && grantedPage(subject, key) && (!WRITERS_ONLY[file] || granted(subject, WRITERS_ONLY[file]));
      it(`${file} × ${subject.label}: ${opens ? "shows only what is in its scope, whatever the query asks" : "not found"}; not found for another city's user`, async () => {
        const user = userOf(subject, subject.role === "PLATFORM_ADMIN" ? null : city, fixture);
        // The query names OPDs, programmes, trainings, budget lines, kelurahan and (for the Dana PEM loan form) a member.
        const cells = [
          ["own OPD and kelurahan", { ...fixture.own.query, anggota: world.A.memberId!.id }],
          ["another OPD", fixture.otherOpd.query],
          ["another kelurahan", { ...fixture.otherKelurahan.query, anggota: world.B.memberId!.id }],
          ["another city's", { ...otherFixture.own.query, anggota: otherWorld.A.memberId!.id }],
          // A name every person of the fixture, in both kelurahan and both cities, bears.
          ["a search by name", { q: "Warga", cari: "Warga" }],
        ] as const;
        const stranger = userOf(subject, subject.role === "PLATFORM_ADMIN" ? null : otherCity, otherFixture);
        const [foreignUser, ...openedCells] = await Promise.all([
          open(file, stranger, city.slug, world.A, fixture.own.query),
          ...cells.map(([, query]) => open(file, user, city.slug, world.A, query)),
        ]);
        expect(foreignUser.found, "another city's user").toBe(false);
        for (const [index, [cell]] of cells.entries()) {
          const opened = openedCells[index]!;
          expect(opened.found, `${cell}: ${opens ? "not shown" : "shown"}`).toBe(opens);
          if (!opened.found) continue;
          expect(foundIn(opened.text, hiddenPeople(subject, key!, fixture.people)), `${cell}: named people or full numbers`).toEqual([]);
          if (confinedToKelurahan(subject)) expect(foundIn(opened.text, fixture.peopleOfKelurahanB), `${cell}: another kelurahan's people`).toEqual([]);
          if (confinedToOpd(subject)) expect(foundIn(opened.text, fixture.opdBMarkers), `${cell}: another OPD's records`).toEqual([]);
          expect(foundIn(opened.text, [...otherFixture.people, ...otherFixture.opdAMarkers]), `${cell}: another city's records`).toEqual([]);
        }
      });
    }
  }
  // The checks above look for the fixture's people and OPD records on every page; these prove
  // they would find them: the pages show them to those who may see them.
  describe("the readings see what the pages show", () => {
    const subject = (role: Subject["role"]): Subject => subjectsOf([role])[0]!;
    const show = async (file: string, who: Subject, records: PageRecords, query: Record<string, string> = {}) => {
      const opened = await open(`app/[tenant]/${file}`, userOf(who, city, fixture), city.slug, records, query);
      if (!opened.found) throw new Error(`${file} not found for ${who.label}`);
      return opened.text;
    };

    it("named people, on the pages of a household, a distribution, a training, a programme's sasaran and a loan", async () => {
      const bapeda = subject("BAPEDA");
      for (const file of [
        "registri/[householdId]/page.tsx",
        "bantuan/[distributionId]/page.tsx",
        "pelatihan/[trainingId]/page.tsx",
        "program/[programmeId]/sasaran/page.tsx",
      ]) {
        expect(foundIn(await show(file, bapeda, world.A), fixture.people).length, file).toBeGreaterThan(0);
      }
      expect(foundIn(await show("dana-pem/pinjaman/[loanId]/page.tsx", subject("KELURAHAN"), world.A), fixture.people).length).toBeGreaterThan(0);
      for (const query of [{ cari: "Warga" }, { anggota: world.A.memberId!.id }] as Record<string, string>[]) {
        expect(foundIn(await show("dana-pem/pinjaman/baru/page.tsx", subject("KELURAHAN"), world.A, query), fixture.people).length).toBeGreaterThan(0);
      }
      expect(foundIn(await show("registri/[householdId]/page.tsx", bapeda, world.B), fixture.peopleOfKelurahanB).length).toBeGreaterThan(0);
      expect(foundIn(await show("dasbor/kemiskinan/page.tsx", bapeda, world.A, fixture.own.query), fixture.people).length).toBeGreaterThan(0);
      expect(foundIn(await show("registri/perubahan/page.tsx", subject("KELURAHAN"), world.A), fixture.people).length).toBeGreaterThan(0);
      expect(foundIn(await show("registri/perubahan/page.tsx", bapeda, world.A), fixture.peopleOfKelurahanB).length).toBeGreaterThan(0);
      expect(foundIn(await show("registri/page.tsx", bapeda, world.A, { q: "Warga" }), fixture.peopleOfKelurahanB).length).toBeGreaterThan(0);
      expect(foundIn(await show("registri/page.tsx", subject("KELURAHAN"), world.A, { q: "Warga" }), fixture.people).length).toBeGreaterThan(0);
    });

    it("the audit log's rows about the fixture's records, whose people the matrix finds redacted there", async () => {
      const text = await show("audit/page.tsx", subject("CITY_ADMIN"), world.A);
      expect(text).toContain(world.A.loanId!.marker);
    });

    it("an OPD's records, on its own list pages and on a city-wide reader's asked for that OPD", async () => {
      for (const file of ["program/page.tsx", "anggaran/page.tsx", "bantuan/page.tsx", "bantuan/bpjs/page.tsx", "pelatihan/page.tsx"]) {
        expect(foundIn(await show(file, subject("OPD_STAFF"), world.A, fixture.own.query), fixture.opdAMarkers).length, file).toBeGreaterThan(0);
        expect(foundIn(await show(file, subject("BAPEDA"), world.A, fixture.otherOpd.query), fixture.opdBMarkers).length, file).toBeGreaterThan(0);
      }
    });
  });
});
