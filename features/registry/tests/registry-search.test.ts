import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseRegistrySearchParams } from "@/features/registry/search/schema";
import { checkedByOwnMembers, searchHouseholds, withinTime, type RegistryPage } from "@/features/registry/search/search-households";
import { Prisma } from "@/lib/generated/prisma/client";
import { registryScope, type RegistryScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import { openTestDb, openTestOwnerDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
let second: { kecamatanId: string; kelurahanId: string };
type Made = { id: string; noKk: string; desil: number | null; niks: string[]; kelurahanId: string };
const made: Made[] = [];

const everyone: RegistryScope = { kelurahanId: null, nothing: false };

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    second = await addKelurahan(tx, city);
    const names = [
      ["Budi Santoso", "Siti Aminah"],
      ["BUDI HARTONO"],
      ["Budiman"],
      ["Abdul Budi"],
      ["Ni Made Sari", "I Wayan Budiarta"],
      ["Lalu Ahmad"],
      ["Baiq Nurhayati"],
      ["Yohanes Fanggi"],
      ["Maria Ndolu"],
      ["Ketut 50% Diskon_"],
    ];
    for (let i = 0; i < 24; i++) {
      const desil = i % 6 === 5 ? null : (i % 5) + 1;
      const inSecond = i % 4 === 3;
      const { household, members } = await makeHousehold(tx, city, {
        desil,
        isExtremePoor: desil === 1,
        status: i === 7 ? "GRADUATED" : i === 11 ? "MOVED" : "ACTIVE",
        members: (names[i] ?? [`Warga ${i}`]).map((name) => ({ name })),
        ...(inSecond ? second : {}),
      });
      made.push({
        id: household.id,
        noKk: household.noKk,
        desil: household.desil,
        niks: members.map((m) => m.nik),
        kelurahanId: household.kelurahanId,
      });
    }
  });
  await t.withTenant(other.id, async (tx) => {
    await makeHousehold(tx, other, { members: [{ name: "Budi Rahasia" }] });
  });
});

afterAll(async () => {
  await t?.close();
});

function search(
  params: Record<string, string>,
  options: { scope?: RegistryScope; pageSize?: number; countCap?: number; tenant?: TestTenant; nameHitsLimit?: number } = {},
) {
  const tenant = options.tenant ?? city;
  return t.withTenant(tenant.id, (tx) =>
    searchHouseholds(tx, parseRegistrySearchParams(params), {
      tenantId: tenant.id,
      scope: options.scope ?? everyone,
      pageSize: options.pageSize ?? 50,
      countCap: options.countCap,
      nameHitsLimit: options.nameHitsLimit,
    }),
  );
}

async function walk(params: Record<string, string>, pageSize: number, scope?: RegistryScope) {
  const pages: RegistryPage[] = [];
  let after: string | undefined;
  do {
    const page = await search({ ...params, ...(after ? { after } : {}) }, { pageSize, scope });
    pages.push(page);
    after = page.nextAfter ?? undefined;
  } while (after && pages.length < 50);
  return pages;
}

const byId = (a: Made, b: Made) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("keyset pagination", () => {
  it("walks the desil order (nulls last, then id) page by page without gaps or repeats", async () => {
    const expected = [
      ...made.filter((h) => h.desil !== null).sort((a, b) => a.desil! - b.desil! || byId(a, b)),
      ...made.filter((h) => h.desil === null).sort(byId),
    ].map((h) => h.id);
    const pages = await walk({}, 5);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
    expect(pages[0]!.prevBefore).toBeNull();
    expect(pages.at(-1)!.nextAfter).toBeNull();

    // And backwards from the last page, through the previous-page cursors.
    const back: string[][] = [];
    let before = pages.at(-1)!.prevBefore;
    while (before) {
      const page = await search({ before }, { pageSize: 5 });
      back.unshift(page.rows.map((r) => r.id));
      before = page.prevBefore;
    }
    expect([...back.flat(), ...pages.at(-1)!.rows.map((r) => r.id)]).toEqual(expected);
  });

  it("walks desil descending with unknown desil still last", async () => {
    const expected = [
      ...made.filter((h) => h.desil !== null).sort((a, b) => b.desil! - a.desil! || byId(b, a)),
      ...made.filter((h) => h.desil === null).sort((a, b) => byId(b, a)),
    ].map((h) => h.id);
    const pages = await walk({ sort: "desil-desc" }, 7);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
  });

  it("walks No. KK order both ways, and never puts a number in a cursor", async () => {
    const asc = [...made].sort((a, b) => (a.noKk < b.noKk ? -1 : 1)).map((h) => h.id);
    const up = await walk({ sort: "kk" }, 4);
    expect(up.flatMap((p) => p.rows.map((r) => r.id))).toEqual(asc);
    const down = await walk({ sort: "kk-desc" }, 4);
    expect(down.flatMap((p) => p.rows.map((r) => r.id))).toEqual([...asc].reverse());
    for (const page of up) expect(page.nextAfter ?? "").not.toMatch(/\d{16}/);
  });

  it("counts only up to the cap", async () => {
    expect((await search({}, { countCap: 10, pageSize: 5 })).total).toEqual({ count: 10, capped: true });
    expect((await search({}, { countCap: 100 })).total).toEqual({ count: made.length, capped: false });
  });

  it("starts again at page 1 when the cursor names no household it may see", async () => {
    const page = await search({ after: "cnotarealid000000000000000" }, { pageSize: 5 });
    expect(page.cursorLost).toBe(true);
    expect(page.rows).toHaveLength(5);
  });
});

describe("filters", () => {
  it("filters by kecamatan, kelurahan, desil, extreme poverty and status", async () => {
    const ids = async (params: Record<string, string>) => (await search(params)).rows.map((r) => r.id).sort();
    expect(await ids({ kelurahan: second.kelurahanId })).toEqual(
      made
        .filter((h) => h.kelurahanId === second.kelurahanId)
        .map((h) => h.id)
        .sort(),
    );
    expect(await ids({ kecamatan: second.kecamatanId })).toEqual(await ids({ kelurahan: second.kelurahanId }));
    expect(await ids({ desil: "2" })).toEqual(
      made
        .filter((h) => h.desil === 2)
        .map((h) => h.id)
        .sort(),
    );
    expect(await ids({ extreme: "1" })).toEqual(
      made
        .filter((h) => h.desil === 1)
        .map((h) => h.id)
        .sort(),
    );
    expect(await ids({ status: "GRADUATED" })).toEqual([made[7]!.id]);
    expect(await ids({ status: "MOVED", desil: "2" })).toEqual([made[11]!.id].filter(() => made[11]!.desil === 2));
  });

  it("ignores malformed parameters instead of failing", async () => {
    const page = await search({ desil: "11", status: "HILANG", sort: "nama", extreme: "mungkin" });
    expect(page.rows).toHaveLength(made.length);
  });
});

describe("name search", () => {
  const names = async (params: Record<string, string>) =>
    (await search(params)).rows
      .map((r) => r.match?.name ?? r.headName)
      .filter((name) => !/\d/.test(name ?? ""))
      .sort();

  it("finds names that start with the query, in any case", async () => {
    expect(await names({ q: "budi" })).toEqual(["BUDI HARTONO", "Budi Santoso", "Budiman"].sort());
    expect(await names({ q: "BUDI SAN" })).toEqual(["Budi Santoso"]);
  });

  it("finds names that contain the query", async () => {
    expect(await names({ q: "budi", match: "contains" })).toEqual(["Abdul Budi", "BUDI HARTONO", "Budi Santoso", "Budiman", "I Wayan Budiarta"].sort());
  });

  it("marks the member found when it is not the head", async () => {
    const page = await search({ q: "i wayan" });
    expect(page.rows[0]).toMatchObject({ headName: "Ni Made Sari", match: { name: "I Wayan Budiarta" } });
    expect(page.rows[0]!.match!.nikMasked).toMatch(/^•{12}\d{4}$/);
  });

  it("treats % and _ as letters", async () => {
    const page = await search({ q: "Ketut 50% D" });
    expect(page.rows.map((r) => r.headName)).toEqual(["Ketut 50% Diskon_"]);
    expect((await search({ q: "Ketut 5_%" })).rows).toHaveLength(0);
  });

  it("finds the same households, in the same order, when the fragment is common enough to walk households instead", async () => {
    // Five members contain "budi": a limit of two makes it "common" for this small city.
    const rare = await search({ q: "budi", match: "contains" }, { pageSize: 3 });
    const common = await search({ q: "budi", match: "contains" }, { pageSize: 3, nameHitsLimit: 2 });
    expect(common.rows.map((r) => r.id)).toEqual(rare.rows.map((r) => r.id));
    expect(common.rows.map((r) => r.match?.name)).toEqual(rare.rows.map((r) => r.match?.name));
    expect(common.total).toEqual({ count: 5, capped: false });
    expect(common.nextAfter).toBe(rare.nextAfter);
    const second = await search({ q: "budi", match: "contains", after: common.nextAfter! }, { pageSize: 3, nameHitsLimit: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(
      (await search({ q: "budi", match: "contains", after: rare.nextAfter! }, { pageSize: 3 })).rows.map((r) => r.id),
    );
    expect((await search({ q: "rahasia", match: "contains" }, { nameHitsLimit: 0 })).rows).toEqual([]);
  });

  it("finds the same households when a name's beginning is common enough to walk households instead", async () => {
    const rare = await search({ q: "budi" }, { pageSize: 2 });
    expect(rare.total.count).toBeGreaterThan(2);
    const common = await search({ q: "budi" }, { pageSize: 2, nameHitsLimit: 1 });
    expect(common.rows.map((r) => [r.id, r.match?.name])).toEqual(rare.rows.map((r) => [r.id, r.match?.name]));
    expect(common.total).toEqual(rare.total);
    const second = await search({ q: "budi", after: common.nextAfter! }, { pageSize: 2, nameHitsLimit: 1 });
    expect(second.rows.map((r) => r.id)).toEqual((await search({ q: "budi", after: rare.nextAfter! }, { pageSize: 2 })).rows.map((r) => r.id));
    expect((await search({ q: "budi rahasia" }, { nameHitsLimit: 0 })).rows).toEqual([]);
  });

  it("walks households for a common name whatever the planner thinks of the name's members", async () => {
    // A join from the members' side gathered every "Wati…" of a city before its first page.
    const plan = await t.withTenant(
      city.id,
      (tx) =>
        tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT h."id" FROM "Household" h
         WHERE h."tenantId" = ${city.id} AND ${checkedByOwnMembers(Prisma.sql`m."name" >= ${"Budi"} AND m."name" < ${"Budj"}`)}
         ORDER BY h."desil", h."id" LIMIT 51`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("SubPlan");
    expect(text).not.toMatch(/Semi Join|Hash Join|Merge Join/);
  });

  it("never reaches another city's people", async () => {
    expect(await names({ q: "budi rahasia" })).toEqual([]);
    expect(await names({ q: "rahasia", match: "contains" })).toEqual([]);
    expect((await search({ q: "budi" }, { tenant: other })).rows.map((r) => r.headName)).toEqual(["Budi Rahasia"]);
    expect((await search({ q: "rahasia", match: "contains" }, { tenant: other })).rows.map((r) => r.headName)).toEqual(["Budi Rahasia"]);
  });
});

describe("the name function behind a contains search", () => {
  /** The function asked, in `tenant`'s scope (null: outside any), for the households of `asked` (default: the scope's own city). */
  const named = (tenant: TestTenant | null, pattern: string, maxRows = 100, asked: string | null = tenant?.id ?? null) => {
    const query = (tx: Parameters<Parameters<TestDb["withPlatform"]>[0]>[0]) =>
      tx.$queryRaw<{ id: string }[]>`SELECT entas_member_households_named(${asked}, ${pattern}, ${maxRows}::int) AS id`;
    return (tenant ? t.withTenant(tenant.id, query) : t.withPlatform(query)).then((rows) => rows.map((row) => row.id).sort());
  };

  it("stops at the rows asked for: the search reads a common fragment's first rows only", async () => {
    expect(await named(city, "%budi%", 2)).toHaveLength(2);
  });

  it("answers for the scope's own city only, though it runs without row-level security", async () => {
    const own = await named(city, "%budi%");
    expect(own).toEqual(
      made
        .slice(0, 5)
        .map((m) => m.id)
        .sort(),
    );
    const theirs = await named(other, "%budi%");
    expect(theirs).toHaveLength(1);
    expect(own).not.toContain(theirs[0]);
    expect(await named(null, "%budi%")).toEqual([]);
  });

  it("answers nothing when asked for another city than the scope's, or for a city outside any scope", async () => {
    expect(await named(other, "%budi%")).toHaveLength(1);
    expect(await named(city, "%budi%", 100, other.id)).toEqual([]);
    expect(await named(null, "%budi%", 100, other.id)).toEqual([]);
  });

  it("is a SECURITY DEFINER function, and pg_trgm's index answers its ILIKE where the extension is installed", async () => {
    const owner = await openTestOwnerDb();
    try {
      const [fn] = await owner.db.$queryRaw<{ definer: boolean }[]>`
        SELECT prosecdef AS definer FROM pg_proc WHERE proname = 'entas_member_households_named'`;
      expect(fn?.definer).toBe(true);
      const [trgm] = await owner.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`;
      // Both test databases (PostgreSQL with contrib, PGlite through lib/db/pglite.ts) have it.
      expect(trgm?.n).toBe(1);
      // Which index a tiny shared test table is read by is the planner's guess of the moment;
      // what must hold is that the name has a trigram index, and that its operator class
      // answers ILIKE.
      const [index] = await owner.db.$queryRaw<{ method: string; opclass: string; column: string; answersIlike: boolean }[]>`
        SELECT am.amname AS method, oc.opcname AS opclass, a.attname AS column,
               EXISTS (SELECT 1 FROM pg_amop ao WHERE ao.amopfamily = oc.opcfamily AND ao.amopopr = '~~*(text,text)'::regoperator) AS "answersIlike"
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_am am ON am.oid = c.relam
          JOIN pg_opclass oc ON oc.oid = i.indclass[0]
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
         WHERE c.relname = 'Member_name_trgm_idx'`;
      expect(index).toEqual({ method: "gin", opclass: "gin_trgm_ops", column: "name", answersIlike: true });
    } finally {
      await owner.close();
    }
  });
});

describe("numbers", () => {
  it("searches no whole NIK or No. KK from the URL, however typed: numbers are looked up by POST", async () => {
    const target = made[4]!;
    for (const q of [target.niks[1]!, target.noKk, target.noKk.replace(/(\d{4})/g, "$1 ").trim()]) {
      expect(parseRegistrySearchParams({ q }).text.kind).toBe("numberNotHere");
      expect((await search({ q })).rows).toEqual([]);
    }
  });

  it("refuses part of a number, so NIKs cannot be listed by their beginning", async () => {
    const nik = made[0]!.niks[0]!;
    for (const q of [nik.slice(0, 12), nik.slice(0, 6), nik.slice(4), `${nik.slice(0, 10)}`]) {
      const page = await search({ q });
      expect(page.rows).toEqual([]);
    }
    expect(parseRegistrySearchParams({ q: nik.slice(0, 12) }).text.kind).toBe("badNumber");
  });

  it("does not find another city's people", async () => {
    expect((await search({ q: "Budi Rahasia" })).rows).toEqual([]);
  });
});

describe("kelurahan scope", () => {
  it("shows a kelurahan officer only its own kelurahan, whatever the filters say", async () => {
    const scope = registryScope({ id: "u", role: "KELURAHAN", kelurahanId: city.kelurahanId });
    const pages = await walk({ kelurahan: second.kelurahanId }, 50, scope);
    expect(pages[0]!.rows).toEqual([]);
    const own = await walk({}, 4, scope);
    expect(own.flatMap((p) => p.rows.map((r) => r.id)).sort()).toEqual(
      made
        .filter((h) => h.kelurahanId === city.kelurahanId)
        .map((h) => h.id)
        .sort(),
    );
    const foreignNik = made.find((h) => h.kelurahanId === second.kelurahanId)!.niks[0]!;
    expect((await search({ q: foreignNik }, { scope })).rows).toEqual([]);
  });

  it("shows nothing to a kelurahan account without a kelurahan", async () => {
    const scope = registryScope({ id: "u", role: "KELURAHAN", kelurahanId: null });
    expect((await search({}, { scope })).rows).toEqual([]);
  });
});

describe("time budget of a contains search", () => {
  it("gives up on a statement that runs too long and leaves the transaction usable", async () => {
    const setting = async (tx: Tx) => (await tx.$queryRaw<{ value: string }[]>`SELECT current_setting('statement_timeout') AS value`)[0]?.value;
    const result = await t.withTenant(city.id, async (tx) => {
      const before = await setting(tx);
      const slow = await withinTime(tx, 50, () => tx.$executeRaw`SELECT pg_sleep(0.5)`);
      const quick = await withinTime(tx, 2000, () => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
      const after = await tx.household.count();
      return { slow, quick, after, before, timeout: await setting(tx) };
    });
    // PGlite runs in one thread and cannot interrupt a statement; PostgreSQL does.
    if (inject("testDatabaseUrl")) expect(result.slow).toBeNull();
    expect(result.quick).toEqual([{ one: 1 }]);
    expect(result.after).toBe(made.length);
    // The connection's own limit (lib/db/adapter.ts) is back.
    expect(result.timeout).toBe(result.before);
  });
});
