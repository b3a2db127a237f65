// Every figure of the Bapeda dashboard against values worked out by hand on a small city.
//
// Kecamatan K1 / kelurahan L1 and K2 / L2. Programmes of 2024: PA (OPD A, training),
// PB (OPD B, aid); PC (OPD A, aid) is of 2023.
//   h1 L1 desil 1 extreme  — PA participant verified, PB aid verified      → reached by A and B
//   h2 L1 desil 1 extreme  — PB aid DRAFT only                             → not reached
//   h3 L1 desil 2 extreme  — PB aid verified, then a verified reversal     → not reached
//   h4 L2 desil 3          — PA participant verified                       → beneficiary, desil 1–4
//   h5 L2 desil 7          — PB aid verified                               → beneficiary outside (inclusion error)
//   h6 L2 desil 1 extreme  — PA participant verified but DROPPED; PC (2023) → not reached in 2024
//   h7 L2 desil 1 extreme, MOVED                                           → not active, not counted
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { figuresCsv } from "@/lib/spreadsheet/csv";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { povertyDashboardQueries as q } from "@/features/dashboards/poverty/queries";
import { unreachedTable } from "@/features/dashboards/poverty/tables";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
const ids: Record<string, string> = {};
let k2 = "";
let l2 = "";
let opdA = "";
let opdB = "";
let aidH2 = "";

const read = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);
const f = (over: Partial<DashboardFilters> = {}): DashboardFilters => ({ year: 2024, kecamatanId: null, opdId: null, programmeId: null, ...over });

let serial = 0;
async function household(
  tx: Tx,
  tenant: TestTenant,
  kel: { kecamatanId: string; kelurahanId: string },
  desil: number | null,
  extreme: boolean,
  status: "ACTIVE" | "MOVED" = "ACTIVE",
) {
  serial += 1;
  const h = await tx.household.create({
    data: {
      tenantId: tenant.id,
      noKk: `5271${String(Date.now()).slice(-6)}${String(serial).padStart(6, "0")}`,
      address: `Jl. Uji ${serial}`,
      ...kel,
      desil,
      isExtremePoor: extreme,
      status,
    },
  });
  const member = await tx.member.create({
    data: {
      tenantId: tenant.id,
      householdId: h.id,
      nik: `52710${String(serial).padStart(11, "0")}`,
      name: `Kepala ${serial}`,
      sex: "MALE",
      birthDate: new Date(Date.UTC(1980, 0, 1)),
      relation: "HEAD",
    },
  });
  return { id: h.id, memberId: member.id };
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  await read(async (tx) => {
    const kec2 = await tx.area.create({ data: { tenantId: city.id, code: `${city.id}.02`, name: "Kecamatan Dua", level: "KECAMATAN" } });
    const kel2 = await tx.area.create({ data: { tenantId: city.id, code: `${city.id}.02.1`, name: "Kelurahan Dua", level: "KELURAHAN", parentId: kec2.id } });
    k2 = kec2.id;
    l2 = kel2.id;
    opdA = (await tx.opd.create({ data: { tenantId: city.id, code: "A", name: "OPD A", shortName: "A" } })).id;
    opdB = (await tx.opd.create({ data: { tenantId: city.id, code: "B", name: "OPD B", shortName: "B" } })).id;
    const pa = await tx.programme.create({ data: { tenantId: city.id, opdId: opdA, fiscalYear: 2024, name: "PA", kind: "TRAINING" } });
    const pb = await tx.programme.create({ data: { tenantId: city.id, opdId: opdB, fiscalYear: 2024, name: "PB", kind: "FOOD_AID" } });
    const pc = await tx.programme.create({ data: { tenantId: city.id, opdId: opdA, fiscalYear: 2023, name: "PC", kind: "FOOD_AID" } });
    ids.pa = pa.id;
    const L1 = { kecamatanId: city.kecamatanId, kelurahanId: city.kelurahanId };
    const L2 = { kecamatanId: k2, kelurahanId: l2 };
    const h1 = await household(tx, city, L1, 1, true);
    const h2 = await household(tx, city, L1, 1, true);
    const h3 = await household(tx, city, L1, 2, true);
    const h4 = await household(tx, city, L2, 3, false);
    const h5 = await household(tx, city, L2, 7, false);
    const h6 = await household(tx, city, L2, 1, true);
    const h7 = await household(tx, city, L2, 1, true, "MOVED");
    Object.assign(ids, { h1: h1.id, h2: h2.id, h3: h3.id, h4: h4.id, h5: h5.id, h6: h6.id, h7: h7.id });

    // Participants are verified in a verified training only (lib/trainings), and only they count (lib/reach).
    const training = await tx.training.create({
      data: {
        tenantId: city.id,
        programmeId: pa.id,
        opdId: opdA,
        skill: "Menjahit",
        startDate: new Date("2024-03-01"),
        endDate: new Date("2024-03-10"),
        place: "BLK",
        capacity: 20,
        status: "VERIFIED",
      },
    });
    await tx.trainingParticipant.createMany({
      data: [
        { tenantId: city.id, trainingId: training.id, householdId: h1.id, memberId: h1.memberId, status: "VERIFIED", completion: "COMPLETED" },
        { tenantId: city.id, trainingId: training.id, householdId: h4.id, memberId: h4.memberId, status: "VERIFIED" },
        { tenantId: city.id, trainingId: training.id, householdId: h6.id, memberId: h6.memberId, status: "VERIFIED", completion: "DROPPED" },
      ],
    });
    const aid = (programmeId: string, opdId: string, householdId: string, status: "DRAFT" | "VERIFIED", extra: { reversesId?: string; value?: bigint } = {}) =>
      tx.aidDistribution.create({
        data: {
          tenantId: city.id,
          programmeId,
          opdId,
          householdId,
          kind: "FOOD",
          items: "Sembako",
          value: extra.value ?? 300_000n,
          distributedAt: new Date("2024-05-02"),
          status,
          reversesId: extra.reversesId,
        },
      });
    await aid(pb.id, opdB, h1.id, "VERIFIED");
    aidH2 = (await aid(pb.id, opdB, h2.id, "DRAFT")).id;
    const wrong = await aid(pb.id, opdB, h3.id, "VERIFIED");
    await aid(pb.id, opdB, h3.id, "VERIFIED", { reversesId: wrong.id, value: -300_000n });
    await aid(pb.id, opdB, h5.id, "VERIFIED");
    await aid(pc.id, opdA, h6.id, "VERIFIED");

    const event = (householdId: string, date: string, from: boolean, to: boolean, toStatus: "ACTIVE" | "GRADUATED" = "ACTIVE") =>
      tx.householdStatusEvent.create({
        data: {
          tenantId: city.id,
          householdId,
          fromStatus: "ACTIVE",
          toStatus,
          fromExtremePoor: from,
          toExtremePoor: to,
          effectiveDate: new Date(date),
          reason: "Uji",
          source: "MANUAL",
        },
      });
    await event(h4.id, "2024-03-10", true, false);
    await event(h5.id, "2024-03-20", true, false);
    await event(h5.id, "2024-07-05", false, false, "GRADUATED");
    await event(h5.id, "2023-12-31", true, false);
    await tx.target.create({ data: { tenantId: city.id, indicator: "EXTREME_POOR_HOUSEHOLDS", year: 2026, value: 0 } });
  });
  // Another city's households never count here.
  await t.withTenant(other.id, (tx) => household(tx, other, { kecamatanId: other.kecamatanId, kelurahanId: other.kelurahanId }, 1, true));
});

afterAll(async () => {
  await t?.close();
});

describe("registry figures", () => {
  it("counts active households, extreme-poor and desil 1–4 per kecamatan and kelurahan", async () => {
    const byKecamatan = await read((tx) => q.registryByKecamatan(tx, f()));
    expect(byKecamatan.map(({ households, extremePoor, desil1to4 }) => ({ households, extremePoor, desil1to4 }))).toEqual([
      { households: 3, extremePoor: 3, desil1to4: 3 },
      { households: 3, extremePoor: 1, desil1to4: 2 },
    ]);
    const byKelurahan = await read((tx) => q.registryByKelurahan(tx, f({ kecamatanId: k2 })));
    expect(byKelurahan).toEqual([expect.objectContaining({ areaId: l2, households: 3, extremePoor: 1, desil1to4: 2 })]);
  });

  it("gives the desil distribution of active households", async () => {
    expect(await read((tx) => q.desilDistribution(tx, f()))).toEqual([
      { desil: 1, households: 3, extremePoor: 3 },
      { desil: 2, households: 1, extremePoor: 1 },
      { desil: 3, households: 1, extremePoor: 0 },
      { desil: 7, households: 1, extremePoor: 0 },
    ]);
  });
});

describe("coverage", () => {
  it("counts extreme-poor households reached by a verified entry of the year", async () => {
    expect(await read((tx) => q.coverage(tx, f()))).toEqual({ extremePoor: 4, reached: 1, unreached: 3 });
    expect(await read((tx) => q.coverage(tx, f({ year: 2023 })))).toEqual({ extremePoor: 4, reached: 1, unreached: 3 });
    expect(await read((tx) => q.coverage(tx, f({ kecamatanId: k2 })))).toEqual({ extremePoor: 1, reached: 0, unreached: 1 });
    expect(await read((tx) => q.coverage(tx, f({ opdId: opdB })))).toEqual({ extremePoor: 4, reached: 1, unreached: 3 });
    expect(await read((tx) => q.coverage(tx, f({ programmeId: ids.pa })))).toEqual({ extremePoor: 4, reached: 1, unreached: 3 });
  });

  it("ranks kelurahan by extreme-poor households nobody reached", async () => {
    const rows = await read((tx) => q.coverageByKelurahan(tx, f()));
    expect(rows.map(({ kelurahanId, extremePoor, reached, unreached }) => ({ kelurahanId, extremePoor, reached, unreached }))).toEqual([
      { kelurahanId: city.kelurahanId, extremePoor: 3, reached: 1, unreached: 2 },
      { kelurahanId: l2, extremePoor: 1, reached: 0, unreached: 1 },
    ]);
  });

  it("lists the unreached extreme-poor households, poorest first, by kelurahan if asked", async () => {
    const { rows: all } = await read((tx) => q.unreachedHouseholds(tx, f()));
    expect(new Set(all.map((row) => row.householdId))).toEqual(new Set([ids.h2, ids.h3, ids.h6]));
    expect(all.at(-1)?.householdId).toBe(ids.h3);
    expect(all[0]?.headName).toMatch(/^Kepala /);
    const { rows: inL2 } = await read((tx) => q.unreachedHouseholds(tx, f(), { kelurahanId: l2 }));
    expect(inL2.map((row) => row.householdId)).toEqual([ids.h6]);
    const first = await read((tx) => q.unreachedHouseholds(tx, f(), { limit: 2 }));
    expect(first.prevBefore).toBeNull();
    const second = await read((tx) => q.unreachedHouseholds(tx, f(), { limit: 2, after: first.nextAfter }));
    expect(second.rows.map((row) => row.householdId)).toEqual([all[2]!.householdId]);
    expect(second.nextAfter).toBeNull();
    const back = await read((tx) => q.unreachedHouseholds(tx, f(), { limit: 2, before: second.prevBefore }));
    expect(back.rows.map((row) => row.householdId)).toEqual(first.rows.map((row) => row.householdId));
    expect(back.prevBefore).toBeNull();
  });
});

describe("overlap and targeting", () => {
  it("counts households served by several OPDs", async () => {
    const byOpd = await read((tx) => q.overlapByOpd(tx, f()));
    expect(byOpd.map(({ opdId, households, shared }) => ({ opdId, households, shared })).sort((a, b) => a.opdId.localeCompare(b.opdId))).toEqual(
      [
        { opdId: opdA, households: 2, shared: 1 },
        { opdId: opdB, households: 2, shared: 1 },
      ].sort((a, b) => a.opdId.localeCompare(b.opdId)),
    );
    expect(await read((tx) => q.overlapDepth(tx, f()))).toEqual([
      { opds: 1, households: 2 },
      { opds: 2, households: 1 },
    ]);
  });

  it("splits beneficiaries into extreme-poor, desil 1–4 and outside, and counts the eligible not reached", async () => {
    expect(await read((tx) => q.targeting(tx, f()))).toEqual({
      beneficiaries: 3,
      extremePoor: 1,
      desil1to4: 1,
      outside: 1,
      eligible: 5,
      eligibleReached: 2,
      eligibleUnreached: 3,
    });
    const byOpd = await read((tx) => q.targetingByOpd(tx, f()));
    expect(byOpd.find((row) => row.opdId === opdA)).toMatchObject({ beneficiaries: 2, extremePoor: 1, desil1to4: 1, outside: 0 });
    expect(byOpd.find((row) => row.opdId === opdB)).toMatchObject({ beneficiaries: 2, extremePoor: 1, desil1to4: 0, outside: 1 });
  });
});

describe("graduations and target", () => {
  it("counts exits from extreme poverty and graduations per month of the year", async () => {
    const months = await read((tx) => q.graduationsByMonth(tx, f()));
    expect(months).toHaveLength(12);
    expect(months.filter((m) => m.exitedExtreme || m.graduated)).toEqual([
      { month: 3, exitedExtreme: 2, graduated: 0, graduatedReached: 0 },
      // H5 graduated, and a programme of the year reached it: the mayor's figure too.
      { month: 7, exitedExtreme: 0, graduated: 1, graduatedReached: 1 },
    ]);
    const inK1 = await read((tx) => q.graduationsByMonth(tx, f({ kecamatanId: city.kecamatanId })));
    expect(inK1.every((m) => m.exitedExtreme === 0 && m.graduated === 0 && m.graduatedReached === 0)).toBe(true);
    const inK2 = await read((tx) => q.graduationsByMonth(tx, f({ kecamatanId: k2 })));
    expect(inK2.filter((m) => m.graduated || m.graduatedReached)).toEqual([{ month: 7, exitedExtreme: 0, graduated: 1, graduatedReached: 1 }]);
  });

  it("measures the registry against the nearest target", async () => {
    expect(await read((tx) => q.targetProgress(tx, f()))).toEqual({ target: { year: 2026, value: 0, note: null }, current: 4 });
  });
});

describe("exports", () => {
  it("hide kelurahan cells of fewer than five households", async () => {
    const table = unreachedTable(await read((tx) => q.coverageByKelurahan(tx, f())), ((key: string) => key) as never);
    const csv = figuresCsv([table], { heading: ["uji"], suppressionNote: "disembunyikan" });
    expect(csv).toContain("Kelurahan Uji;Kecamatan Uji;<5;<5;<5;*");
    expect(csv).toContain("Kelurahan Dua;Kecamatan Dua;<5;0;<5;*");
    expect(csv).toContain("disembunyikan");
  });
});

describe("summaries follow every write", () => {
  it("counts a distribution once verified, and follows a household's flag", async () => {
    await read((tx) => tx.aidDistribution.update({ where: { tenantId_id: { tenantId: city.id, id: aidH2 } }, data: { status: "VERIFIED" } }));
    expect(await read((tx) => q.coverage(tx, f()))).toEqual({ extremePoor: 4, reached: 2, unreached: 2 });
    await read((tx) => tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: ids.h1! } }, data: { isExtremePoor: false } }));
    expect(await read((tx) => q.coverage(tx, f()))).toEqual({ extremePoor: 3, reached: 1, unreached: 2 });
    expect((await read((tx) => q.targeting(tx, f()))).extremePoor).toBe(1);
  });

  it("sees nothing of another city", async () => {
    expect(await t.withTenant(other.id, (tx) => q.coverage(tx, f()))).toEqual({ extremePoor: 1, reached: 0, unreached: 1 });
    expect(await t.withTenant(other.id, (tx) => q.overlapByOpd(tx, f()))).toEqual([]);
  });

  it("keeps the household counts equal to a recount from the registry (entas_poverty_rebuild)", async () => {
    // A status, a desil and an area changed in one statement, and a household added.
    await read(async (tx) => {
      await tx.household.updateMany({ where: { id: { in: [ids.h2!, ids.h4!] } }, data: { status: "MOVED", desil: 2, kecamatanId: k2, kelurahanId: l2 } });
      await household(tx, city, { kecamatanId: k2, kelurahanId: l2 }, null, false);
    });
    await read(async (tx) => {
      // Rows whose count fell to 0 stay (only ever subtracted); the recount has none.
      const counts = () =>
        tx.$queryRaw`SELECT "kecamatanId", "kelurahanId", desil, "isExtremePoor", status::text, households FROM "HouseholdAreaCount" WHERE households <> 0 ORDER BY 1, 2, 3, 4, 5`;
      const kept = await counts();
      await tx.$executeRaw`SELECT entas_poverty_rebuild(${city.id})`;
      expect(kept).toEqual(await counts());
    });
  });
});
