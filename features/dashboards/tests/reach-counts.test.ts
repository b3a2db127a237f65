// The reach counts (prisma/sql/summaries/reach-counts.sql) against HouseholdReach itself:
// every dashboard figure they answer equals the distinct-household count over HouseholdReach
// (the dashboards' queries as they were before the reach counts, kept here as the
// reference), under every combination of kecamatan, OPD and programme filter, before and
// after writes that move reach around; the incremental tables equal a full rebuild; two
// transactions reaching one household at once both count.
//
// Programmes of 2024: P1 (owner A, tool aid: equips), P2 (owner B, food aid), P3 (owner C,
// capital aid: equips); P4 (owner A, capital aid) is of 2023. Entries are aid distributions,
// some delivered by an OPD other than the programme's owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeKind } from "@/lib/generated/prisma/enums";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { povertyDashboardQueries as q } from "@/features/dashboards/poverty/queries";
import { unreachedCount, unreachedPage, type UnreachedListFilter } from "@/features/dashboards/poverty/unreached";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import { reachWhere } from "@/lib/reach/reached";
import { openTestDb, openTestOwnerDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let k2 = "";
let l2 = "";
const opd: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };
const prog: Record<"P1" | "P2" | "P3" | "P4", string> = { P1: "", P2: "", P3: "", P4: "" };
const hh: string[] = [];
let serial = 0;

const YEAR = 2024;
const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
const read = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);

async function household(
  tx: Tx,
  kel: { kecamatanId: string; kelurahanId: string },
  desil: number | null,
  extreme: boolean,
  status: "ACTIVE" | "MOVED" = "ACTIVE",
) {
  serial += 1;
  const h = await tx.household.create({
    data: {
      tenantId: city.id,
      noKk: `5272${String(Date.now()).slice(-6)}${String(serial).padStart(6, "0")}`,
      address: `Jl. Hitung ${serial}`,
      ...kel,
      desil,
      isExtremePoor: extreme,
      status,
    },
  });
  return h.id;
}

function aid(tx: Tx, programmeId: string, opdId: string, householdId: string, reversesId?: string) {
  return tx.aidDistribution.create({
    data: {
      tenantId: city.id,
      programmeId,
      opdId,
      householdId,
      kind: "FOOD",
      items: "Sembako",
      value: reversesId ? -100_000n : 100_000n,
      distributedAt: new Date("2024-05-02"),
      status: "VERIFIED",
      reversesId,
    },
  });
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await read(async (tx) => {
    const kec2 = await tx.area.create({ data: { tenantId: city.id, code: `${city.id}.02`, name: "Kecamatan Dua", level: "KECAMATAN" } });
    const kel2 = await tx.area.create({ data: { tenantId: city.id, code: `${city.id}.02.1`, name: "Kelurahan Dua", level: "KELURAHAN", parentId: kec2.id } });
    k2 = kec2.id;
    l2 = kel2.id;
    for (const code of ["A", "B", "C"] as const) {
      opd[code] = (await tx.opd.create({ data: { tenantId: city.id, code, name: `OPD ${code}`, shortName: code } })).id;
    }
    const programme = async (owner: string, year: number, name: string, kind: ProgrammeKind, sipdCode: string | null = null) =>
      (await tx.programme.create({ data: { tenantId: city.id, opdId: owner, fiscalYear: year, name, kind, sipdCode } })).id;
    // P1 and P2 under two kegiatan of one SIPD programme, P3 under another: the SIPD filter's sets.
    prog.P1 = await programme(opd.A, YEAR, "P1", "EQUIPMENT_AID", "1.06.04.2.01.0001");
    prog.P2 = await programme(opd.B, YEAR, "P2", "FOOD_AID", "1.06.04.2.02.0001");
    prog.P3 = await programme(opd.C, YEAR, "P3", "CAPITAL_AID", "2.07.01.2.01.0001");
    prog.P4 = await programme(opd.A, YEAR - 1, "P4", "CAPITAL_AID", "1.06.04.2.01.0001");
    const L1 = { kecamatanId: city.kecamatanId, kelurahanId: city.kelurahanId };
    const L2 = { kecamatanId: k2, kelurahanId: l2 };
    const spec: [typeof L1, number | null, boolean, "ACTIVE" | "MOVED"][] = [
      [L1, 1, true, "ACTIVE"],
      [L1, 2, true, "ACTIVE"],
      [L1, 3, false, "ACTIVE"],
      [L1, null, false, "ACTIVE"],
      [L1, 8, false, "ACTIVE"],
      [L2, 1, true, "ACTIVE"],
      [L2, 4, false, "ACTIVE"],
      [L2, 6, true, "ACTIVE"],
      [L2, 1, true, "MOVED"],
      [L2, 9, false, "ACTIVE"],
    ];
    for (const [kel, desil, extreme, status] of spec) hh.push(await household(tx, kel, desil, extreme, status));
    // [programme, delivering OPD, household]: several OPDs per household, one programme through two OPDs.
    const entries: [keyof typeof prog, keyof typeof opd, number][] = [
      ["P1", "A", 0],
      ["P2", "B", 0],
      ["P3", "C", 0],
      ["P1", "A", 1],
      ["P1", "B", 1],
      ["P2", "B", 2],
      ["P2", "B", 2],
      ["P3", "C", 3],
      ["P1", "A", 3],
      ["P2", "B", 4],
      ["P1", "C", 5],
      ["P3", "C", 5],
      ["P2", "A", 6],
      ["P4", "A", 7],
      ["P1", "A", 7],
      ["P2", "B", 8],
      ["P3", "C", 8],
      ["P4", "A", 9],
    ];
    for (const [p, o, h] of entries) await aid(tx, prog[p], opd[o], hh[h]!);
    // Reversed: household 4's P3 aid from C never counts.
    const wrong = await aid(tx, prog.P3, opd.C, hh[4]!);
    await aid(tx, prog.P3, opd.C, hh[4]!, wrong.id);
    const event = (householdId: string, date: string) =>
      tx.householdStatusEvent.create({
        data: {
          tenantId: city.id,
          householdId,
          fromStatus: "ACTIVE",
          toStatus: "GRADUATED",
          fromExtremePoor: false,
          toExtremePoor: false,
          effectiveDate: new Date(date),
          reason: "Uji",
          source: "MANUAL",
        },
      });
    await event(hh[2]!, "2024-06-01");
    await event(hh[5]!, "2024-08-01");
    await event(hh[9]!, "2023-06-01");
  });
});

afterAll(async () => {
  await t?.close();
});

// ── The reference: distinct households over HouseholdReach, as the queries counted before ──

type Reference = Awaited<ReturnType<typeof reference>>;

async function reference(tx: Tx, filters: DashboardFilters) {
  const n = (rows: { n: number }[]) => rows[0]?.n ?? 0;
  const coverage = n(
    await tx.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT r."householdId")::int AS n FROM "HouseholdReach" r WHERE ${reachWhere(filters)} AND r."isExtremePoor" AND r.active`,
  );
  const byKelurahan = await tx.$queryRaw<{ kelurahanId: string; n: number }[]>`
    SELECT r."kelurahanId", count(DISTINCT r."householdId")::int AS n FROM "HouseholdReach" r
     WHERE ${reachWhere(filters)} AND r."isExtremePoor" AND r.active GROUP BY 1`;
  const overlap = await tx.$queryRaw<{ opdId: string; households: number; shared: number }[]>`
    WITH served AS (SELECT DISTINCT r."opdId", r."householdId" FROM "HouseholdReach" r WHERE ${reachWhere({ ...filters, opdId: null })}),
         many AS (SELECT "householdId" FROM served GROUP BY "householdId" HAVING count(*) > 1)
    SELECT s."opdId", count(*)::int AS households, count(m."householdId")::int AS shared
      FROM served s LEFT JOIN many m ON m."householdId" = s."householdId"
     ${filters.opdId ? Prisma.sql`WHERE s."opdId" = ${filters.opdId}` : Prisma.empty}
     GROUP BY 1 ORDER BY 1`;
  const depth = await tx.$queryRaw<{ opds: number; households: number }[]>`
    SELECT opds, count(*)::int AS households FROM (
      SELECT r."householdId", count(DISTINCT r."opdId")::int AS opds FROM "HouseholdReach" r
       WHERE ${reachWhere({ ...filters, opdId: null, programmeId: null })} GROUP BY 1) x GROUP BY 1 ORDER BY 1`;
  const split = Prisma.sql`count(*)::int AS beneficiaries,
           count(*) FILTER (WHERE extreme)::int AS "extremePoor",
           count(*) FILTER (WHERE NOT extreme AND desil BETWEEN 1 AND 4)::int AS "desil1to4",
           count(*) FILTER (WHERE NOT extreme AND (desil IS NULL OR desil > 4))::int AS outside`;
  const [targeting] = await tx.$queryRaw<Record<string, number>[]>`
    SELECT ${split}, count(*) FILTER (WHERE active AND (extreme OR desil BETWEEN 1 AND 4))::int AS "eligibleReached" FROM (
      SELECT r."householdId", bool_or(r."isExtremePoor") AS extreme, min(r.desil) AS desil, bool_or(r.active) AS active
        FROM "HouseholdReach" r WHERE ${reachWhere(filters)} GROUP BY 1) b`;
  const targetingByOpd = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT "opdId", ${split} FROM (
      SELECT r."opdId", r."householdId", bool_or(r."isExtremePoor") AS extreme, min(r.desil) AS desil
        FROM "HouseholdReach" r WHERE ${reachWhere(filters)} GROUP BY 1, 2) b GROUP BY 1 ORDER BY 1`;
  // Results: per programme, per owning OPD and for the filter; graduates among them, and those
  // reached by a capital or tool aid programme.
  const resultsBy = (key: Prisma.Sql) => tx.$queryRaw<Result[]>`
    SELECT ${key} AS key, count(DISTINCT r."householdId")::int AS reached,
           count(DISTINCT r."householdId") FILTER (WHERE EXISTS (
             SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = r."tenantId" AND e."householdId" = r."householdId"
                AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(${filters.year}, 1, 1)
                AND e."effectiveDate" < make_date(${filters.year} + 1, 1, 1)))::int AS graduates,
           count(DISTINCT r."householdId") FILTER (WHERE p.kind IN ('CAPITAL_AID', 'EQUIPMENT_AID'))::int AS equipped
      FROM "HouseholdReach" r JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
     WHERE ${reachWhere({ year: filters.year, kecamatanId: filters.kecamatanId })}
       ${filters.opdId ? Prisma.sql`AND p."opdId" = ${filters.opdId}` : Prisma.empty}
       ${filters.programmeId ? Prisma.sql`AND p.id = ${filters.programmeId}` : Prisma.empty}
       ${filters.sipdCode ? Prisma.sql`AND p."sipdCode" LIKE ${`${filters.sipdCode}.%`}` : Prisma.empty}
     GROUP BY 1 ORDER BY 1`;
  return {
    coverage,
    byKelurahan: Object.fromEntries(byKelurahan.map((row) => [row.kelurahanId, row.n])),
    overlap,
    depth,
    targeting,
    targetingByOpd,
    resultsCity: (await resultsBy(Prisma.sql`'city'::text`))[0] ?? { key: "city", reached: 0, graduates: 0, equipped: 0 },
    resultsOpd: await resultsBy(Prisma.sql`p."opdId"`),
    resultsProgramme: await resultsBy(Prisma.sql`p.id`),
  };
}

function everyFilter(): DashboardFilters[] {
  const out: DashboardFilters[] = [];
  for (const kecamatanId of [null, city.kecamatanId, k2]) {
    for (const opdId of [null, opd.A, opd.B, opd.C]) {
      for (const programmeId of [null, prog.P1, prog.P2, prog.P3]) out.push({ year: YEAR, kecamatanId, opdId, programmeId });
    }
  }
  out.push({ year: YEAR - 1, kecamatanId: null, opdId: null, programmeId: null });
  return out;
}

type Result = { key: string; reached: number; graduates: number; equipped: number };

const byKey = (rows: Result[]) => rows.filter((row) => row.reached > 0 || row.graduates > 0).sort((a, b) => a.key.localeCompare(b.key));

async function expectFiguresMatch() {
  for (const filters of everyFilter()) {
    await read(async (tx) => {
      const ref: Reference = await reference(tx, filters);
      const label = JSON.stringify(filters);
      expect((await q.coverage(tx, filters)).reached, label).toBe(ref.coverage);
      for (const row of await q.coverageByKelurahan(tx, filters)) expect(row.reached, label).toBe(ref.byKelurahan[row.kelurahanId] ?? 0);
      const overlap = (await q.overlapByOpd(tx, filters)).map(({ opdId, households, shared }) => ({ opdId, households, shared }));
      expect(
        overlap.sort((a, b) => a.opdId.localeCompare(b.opdId)),
        label,
      ).toEqual(ref.overlap);
      expect(await q.overlapDepth(tx, filters), label).toEqual(ref.depth);
      const targeting = await q.targeting(tx, filters);
      expect(targeting, label).toMatchObject(ref.targeting ?? {});
      const byOpd = (await q.targetingByOpd(tx, filters)).map(({ name: _name, ...row }) => row);
      expect(
        byOpd.sort((a, b) => a.opdId.localeCompare(b.opdId)),
        label,
      ).toEqual(ref.targetingByOpd);
      const total = await results.totals(tx, filters);
      const { reached, graduates, equipped } = ref.resultsCity;
      expect({ reached: total.reached, graduates: total.graduates, equipped: total.equipped }, label).toEqual({ reached, graduates, equipped });
      const figures = ({ reached, graduates, equipped }: Omit<Result, "key">) => ({ reached, graduates, equipped });
      const opds = byKey((await results.byOpd(tx, filters)).map((row) => ({ key: row.opdId, ...figures(row) })));
      expect(opds, label).toEqual(byKey(ref.resultsOpd));
      const programmes = byKey((await results.byProgramme(tx, filters)).map((row) => ({ key: row.programmeId, ...figures(row) })));
      expect(programmes, label).toEqual(byKey(ref.resultsProgramme));
    });
  }
  await expectSipdResultsMatch();
}

/** The results under a SIPD code (counted over the code's programmes' reach, no summary row holds them) equal the distinct count. */
async function expectSipdResultsMatch() {
  for (const sipdCode of ["1.06.04", "1.06.04.2.01", "1.06.04.2.02", "2.07.01", "9.99.99"]) {
    for (const kecamatanId of [null, city.kecamatanId, k2]) {
      for (const opdId of [null, opd.A, opd.B]) {
        const filters: DashboardFilters = { year: YEAR, kecamatanId, opdId, programmeId: null, sipdCode };
        await read(async (tx) => {
          const ref = await reference(tx, filters);
          const label = JSON.stringify(filters);
          const total = await results.totals(tx, filters);
          const { reached, graduates, equipped } = ref.resultsCity;
          expect({ reached: total.reached, graduates: total.graduates, equipped: total.equipped }, label).toEqual({ reached, graduates, equipped });
          const figures = ({ reached, graduates, equipped }: Omit<Result, "key">) => ({ reached, graduates, equipped });
          const opds = byKey((await results.byOpd(tx, filters)).map((row) => ({ key: row.opdId, ...figures(row) })));
          expect(opds, label).toEqual(byKey(ref.resultsOpd));
        });
      }
    }
  }
}

// The unreached list as it was read before the summaries: an anti-join of the active
// extreme-poor households against every reach row of the filters.
async function expectUnreachedMatch() {
  const lists: Partial<UnreachedListFilter>[] = [
    {},
    { kelurahanId: city.kelurahanId },
    { kelurahanId: l2 },
    { desil: 1 },
    { desil: 0 },
    { kelurahanId: l2, desil: 6 },
  ];
  for (const filters of everyFilter()) {
    for (const list of lists) {
      await read(async (tx) => {
        const ids = await tx.$queryRaw<{ id: string }[]>`
          SELECT h.id FROM "Household" h
           WHERE h."tenantId" = entas_current_tenant() AND h."isExtremePoor" AND h.status = 'ACTIVE'
             ${filters.kecamatanId ? Prisma.sql`AND h."kecamatanId" = ${filters.kecamatanId}` : Prisma.empty}
             ${list.kelurahanId ? Prisma.sql`AND h."kelurahanId" = ${list.kelurahanId}` : Prisma.empty}
             ${list.desil === 0 ? Prisma.sql`AND h.desil IS NULL` : list.desil ? Prisma.sql`AND h.desil = ${list.desil}` : Prisma.empty}
             AND NOT EXISTS (SELECT 1 FROM "HouseholdReach" r WHERE ${reachWhere({ ...filters, kecamatanId: null })} AND r."householdId" = h.id)
           ORDER BY h.desil NULLS LAST, h.id`;
        const label = JSON.stringify({ filters, list });
        expect(await unreachedCount(tx, filters, list), label).toBe(ids.length);
        const page = await unreachedPage(tx, filters, { ...list, limit: 200 });
        expect(
          page.rows.map((row) => row.householdId),
          label,
        ).toEqual(ids.map((row) => row.id));
      });
    }
  }
}

const counts = (tx: Tx) =>
  Promise.all([
    tx.$queryRaw`SELECT "fiscalYear", "householdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated,
                        "equippingProgrammeIds", "equippingOwnerOpdIds" FROM "HouseholdYearReach" ORDER BY 1, 2`,
    tx.$queryRaw`SELECT "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households FROM "ReachAreaCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    tx.$queryRaw`SELECT "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households FROM "ReachOpdCount" ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
    tx.$queryRaw`SELECT "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households FROM "ReachProgrammeCount" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    tx.$queryRaw`SELECT "fiscalYear", kind, key, "kecamatanId", reached, graduates, equipped FROM "ReachResultCount" ORDER BY 1, 2, 3, 4`,
  ]);

async function expectRebuildEqual() {
  await read(async (tx) => {
    const incremental = await counts(tx);
    const [minimum] = await tx.$queryRaw<{ n: number }[]>`
      SELECT least((SELECT min(households) FROM "ReachAreaCount"), (SELECT min(households) FROM "ReachOpdCount"),
                   (SELECT min(households) FROM "ReachProgrammeCount"), (SELECT min(reached) FROM "ReachResultCount"))::int AS n`;
    expect(minimum?.n).toBeGreaterThan(0);
    await tx.$executeRaw`SELECT entas_reach_rebuild(${city.id})`;
    expect(incremental).toEqual(await counts(tx));
  });
}

describe("reach counts", () => {
  it("answer every figure as HouseholdReach does, under every filter, and equal a rebuild", async () => {
    await read(async (tx) => {
      const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "HouseholdYearReach" WHERE "fiscalYear" = ${YEAR}`;
      expect(row?.n).toBe(9);
    });
    await expectFiguresMatch();
    await expectUnreachedMatch();
    await expectRebuildEqual();
    // Households 0, 1, 3, 5, 7 by P1 and 0, 3, 5, 8 by P3: six equipped of the nine reached.
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ reached: 9, equipped: 6 });
  });

  it("follow moves, desil and flag changes, reversals, a programme changing owner or year", async () => {
    await read(async (tx) => {
      await tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: hh[0]! } }, data: { kecamatanId: k2, kelurahanId: l2 } });
      await tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: hh[2]! } }, data: { desil: 7, isExtremePoor: true } });
      await tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: hh[5]! } }, data: { status: "MOVED" } });
      const first = await tx.aidDistribution.findFirstOrThrow({ where: { householdId: hh[6]!, reversesId: null } });
      await aid(tx, prog.P2, opd.A, hh[6]!, first.id);
      await tx.programme.update({ where: { tenantId_id: { tenantId: city.id, id: prog.P2 } }, data: { opdId: opd.C } });
    });
    await expectFiguresMatch();
    await expectUnreachedMatch();
    await expectRebuildEqual();
    await read((tx) => tx.programme.update({ where: { tenantId_id: { tenantId: city.id, id: prog.P3 } }, data: { fiscalYear: YEAR + 1 } }));
    await expectFiguresMatch();
    await expectUnreachedMatch();
    await expectRebuildEqual();
  });

  it("follow a programme's kind starting or ceasing to equip", async () => {
    // Left by the test above: of 2024 only P1 equips (households 0, 1, 3, 5, 7); P2 (now owned by
    // C) reaches 0, 2, 4, 8; P3 is of 2025.
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ equipped: 5 });
    const kinds = (rows: [keyof typeof prog, ProgrammeKind, string?][]) =>
      read(
        (tx) =>
          tx.$executeRaw`
          UPDATE "Programme" p SET kind = x.kind::"ProgrammeKind", "opdId" = coalesce(x.owner, p."opdId"), "fiscalYear" = ${YEAR}
            FROM unnest(${rows.map(([p]) => prog[p])}::text[], ${rows.map(([, kind]) => kind)}::text[], ${rows.map(([, , owner]) => owner ?? null)}::text[])
                 AS x(id, kind, owner)
           WHERE p."tenantId" = ${city.id} AND p.id = x.id`,
      );
    // One statement: P1 stops equipping, P2 starts and goes back to A.
    await kinds([
      ["P1", "TRAINING"],
      ["P2", "CAPITAL_AID", opd.A],
    ]);
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ equipped: 4 });
    await expectFiguresMatch();
    await expectRebuildEqual();
    // Between kinds that both equip or both do not: nothing changes. P3 comes back to 2024 as
    // food aid in the same statement.
    await kinds([
      ["P1", "FOOD_AID"],
      ["P2", "EQUIPMENT_AID"],
      ["P3", "FOOD_AID"],
    ]);
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ equipped: 4 });
    await expectFiguresMatch();
    await expectUnreachedMatch();
    await expectRebuildEqual();
    // Back as they were for the test below: P1 and P3 equip, P2 does not, P3 of 2025.
    await kinds([
      ["P1", "EQUIPMENT_AID"],
      ["P2", "FOOD_AID"],
      ["P3", "CAPITAL_AID"],
    ]);
    await read((tx) => tx.programme.update({ where: { tenantId_id: { tenantId: city.id, id: prog.P3 } }, data: { fiscalYear: YEAR + 1 } }));
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ equipped: 5 });
    await expectFiguresMatch();
    await expectRebuildEqual();
  });

  it("count both of two transactions that reach one household at once", async () => {
    // Already reached (P1 through C; P3 moved to the next year above), so both writers update one
    // existing household-year row.
    const target = await read(async (tx) => {
      const id = await household(tx, { kecamatanId: city.kecamatanId, kelurahanId: city.kelurahanId }, 1, true);
      await aid(tx, prog.P1, opd.C, id);
      return id;
    });
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    await Promise.all([
      read(async (tx) => {
        await aid(tx, prog.P1, opd.A, target);
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 400));
      }),
      firstInserted.then(() => read((tx) => aid(tx, prog.P2, opd.B, target))),
    ]);
    await read(async (tx) => {
      const [row] = await tx.$queryRaw<{ opdIds: string[] }[]>`
        SELECT "opdIds" FROM "HouseholdYearReach" WHERE "fiscalYear" = ${YEAR} AND "householdId" = ${target}`;
      expect(row?.opdIds).toEqual([opd.A, opd.B, opd.C].sort());
    });
    // One writer adds B while the other reverses C's aid (a deletion from HouseholdReach).
    const second = await read(async (tx) => {
      const id = await household(tx, { kecamatanId: k2, kelurahanId: l2 }, 2, false);
      return { id, aidId: (await aid(tx, prog.P1, opd.C, id)).id };
    });
    let added!: () => void;
    const firstAdded = new Promise<void>((resolve) => (added = resolve));
    await Promise.all([
      read(async (tx) => {
        await aid(tx, prog.P2, opd.B, second.id);
        added();
        await new Promise((resolve) => setTimeout(resolve, 400));
      }),
      firstAdded.then(() => read((tx) => aid(tx, prog.P1, opd.C, second.id, second.aidId))),
    ]);
    await read(async (tx) => {
      const [row] = await tx.$queryRaw<{ opdIds: string[] }[]>`
        SELECT "opdIds" FROM "HouseholdYearReach" WHERE "fiscalYear" = ${YEAR} AND "householdId" = ${second.id}`;
      expect(row?.opdIds).toEqual([opd.B]);
    });
    await expectFiguresMatch();
    await expectUnreachedMatch();
    await expectRebuildEqual();
  });

  it("go with a deleted city", async () => {
    const owner = await openTestOwnerDb();
    try {
      await owner.db.$executeRaw`DELETE FROM "Tenant" WHERE id = ${city.id}`;
      const [row] = await owner.db.$queryRaw<{ n: number }[]>`
        SELECT ((SELECT count(*) FROM "HouseholdYearReach" WHERE "tenantId" = ${city.id}) + (SELECT count(*) FROM "ReachAreaCount" WHERE "tenantId" = ${city.id})
              + (SELECT count(*) FROM "ReachOpdCount" WHERE "tenantId" = ${city.id}) + (SELECT count(*) FROM "ReachResultCount" WHERE "tenantId" = ${city.id}))::int AS n`;
      expect(row?.n).toBe(0);
    } finally {
      await owner.close();
    }
  });
});
