// The results dashboard by SIPD programme and kegiatan: persons trained and businesses opened per
// group, from the training summary the other groupings read, adding up to the dashboard's totals
// (each participant is of one training of one programme), with training spending per person.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import { resultsDashboardData, resultsTables } from "@/features/dashboards/results/tables";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// The tables' labels come from the catalogues; here the key stands for the label.
vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));

const M = 1_000_000n;
const YEAR = 2024;
const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
const only = (sipdCode: string): DashboardFilters => ({ ...all, sipdCode });

let t: TestDb;
let city: TestTenant;
let other: TestTenant;

/**
 * Training programmes, each with one verified training unless said otherwise; H1–H12 live in the
 * tenant's kecamatan, K1–K5 in a second one; every household has a head and a spouse:
 *
 *   A 1.06.04.2.01.0001 Disnaker 24 jt spent  heads of H1–H12 completed (12); H1–H10 opened a
 *                                          business (H1 reported it at 3 and at 6 months: once);
 *                                          spouse of H1 dropped out; spouse of H2 completed, draft,
 *                                          opened a business
 *   B 1.06.04.2.02.0001 Disnaker 10 jt spent  heads of H1–H10 completed again (10; a person trained
 *                                          twice counts twice); H1–H5 opened a business;
 *                                          a cancelled training: spouses of H3–H4 completed
 *   C 1.07.02.2.03.0001 Dinsos    6 jt spent  heads of K1–K5 completed (5), all opened a business;
 *                                          a draft training: spouses of K1–K2 completed
 *   D (no code)         Dinsos   12 jt spent  spouses of H5–H10 completed (6), none opened one
 *   E 1.07.03.2.01.0001 Dinsos    4 jt spent  spouses of K3–K4 completed (2), none opened one
 *   F 1.06.04.2.01.0001 (2023)              heads of H1–H4 completed, opened businesses: never in 2024
 *
 * By SIPD programme: 1.06.04 trained 12 + 10 = 22, businesses 10 + 5 = 15, (24 + 10) jt / 22;
 * 1.07.02: 5 and 5, 6 jt / 5; 1.07.03: 2 and 0, 4 jt / 2; no code: 6 and 0, 12 jt / 6.
 * All: 35 trained, 20 businesses.
 */
async function buildCity(tx: Tx, tenant: TestTenant) {
  const tenantId = tenant.id;
  const disnaker = (await tx.opd.create({ data: { tenantId, code: "1", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
  const dinsos = (await tx.opd.create({ data: { tenantId, code: "2", name: "Dinas Sosial", shortName: "Dinsos" } })).id;
  const programme = async (opdId: string, name: string, sipdCode: string | null, spent: bigint, fiscalYear = YEAR) => {
    const id = (await tx.programme.create({ data: { tenantId, opdId, fiscalYear, name, kind: "TRAINING", sipdCode } })).id;
    const budgetLineId = (await tx.budgetLine.create({ data: { tenantId, programmeId: id, fundingSource: "APBD", pagu: 100n * M, description: "Belanja" } }))
      .id;
    await tx.budgetRealisation.create({ data: { tenantId, budgetLineId, month: 3, amount: spent, status: "VERIFIED" } });
    return { id, opdId };
  };
  const a = await programme(disnaker, "Pelatihan Menjahit", "1.06.04.2.01.0001", 24n * M);
  const b = await programme(disnaker, "Pelatihan Tata Boga", "1.06.04.2.02.0001", 10n * M);
  const c = await programme(dinsos, "Pelatihan Nelayan", "1.07.02.2.03.0001", 6n * M);
  const d = await programme(dinsos, "Pelatihan Tanpa Kode", null, 12n * M);
  const e = await programme(dinsos, "Pelatihan Sablon", "1.07.03.2.01.0001", 4n * M);
  const f = await programme(disnaker, "Tahun Lalu", "1.06.04.2.01.0001", 999n * M, 2023);

  const second = await addKelurahan(tx, tenant);
  const house = async (where: { kecamatanId?: string; kelurahanId?: string } = {}) => {
    const made = await makeHousehold(tx, tenant, { ...where, members: [{ name: "Kepala" }, { name: "Istri" }] });
    return { head: made.members[0]!, spouse: made.members[1]! };
  };
  const h: Awaited<ReturnType<typeof house>>[] = [];
  for (let i = 0; i < 12; i += 1) h.push(await house());
  const k: Awaited<ReturnType<typeof house>>[] = [];
  for (let i = 0; i < 5; i += 1) k.push(await house(second));

  type Member = { id: string; householdId: string };
  const training = async (of: { id: string; opdId: string }, options: { status?: "DRAFT" | "VERIFIED"; cancelled?: boolean; year?: number } = {}) => {
    const year = options.year ?? YEAR;
    const id = (
      await tx.training.create({
        data: {
          tenantId,
          programmeId: of.id,
          opdId: of.opdId,
          skill: "Uji",
          place: "BLK",
          capacity: 30,
          status: options.status ?? "VERIFIED",
          startDate: new Date(`${year}-03-01`),
          endDate: new Date(`${year}-03-20`),
          cancelledAt: options.cancelled ? new Date(`${year}-03-02`) : null,
        },
      })
    ).id;
    const join = async (member: Member, business: boolean, completion: "COMPLETED" | "DROPPED" = "COMPLETED", status: "DRAFT" | "VERIFIED" = "VERIFIED") => {
      const participantId = (
        await tx.trainingParticipant.create({ data: { tenantId, trainingId: id, householdId: member.householdId, memberId: member.id, completion, status } })
      ).id;
      if (business) {
        await tx.trainingFollowUp.create({ data: { tenantId, participantId, monthsAfter: 3, dueDate: new Date(`${year}-06-20`), outcome: "BUSINESS_OPENED" } });
      }
      return participantId;
    };
    return join;
  };

  const inA = await training(a);
  for (const [i, one] of h.entries()) {
    const participantId = await inA(one.head, i < 10);
    if (i === 0) {
      await tx.trainingFollowUp.create({ data: { tenantId, participantId, monthsAfter: 6, dueDate: new Date("2024-09-20"), outcome: "BUSINESS_OPENED" } });
    }
  }
  await inA(h[0]!.spouse, false, "DROPPED");
  await inA(h[1]!.spouse, true, "COMPLETED", "DRAFT");
  const inB = await training(b);
  for (const [i, one] of h.slice(0, 10).entries()) await inB(one.head, i < 5);
  const cancelledB = await training(b, { cancelled: true });
  for (const one of h.slice(2, 4)) await cancelledB(one.spouse, true);
  const inC = await training(c);
  for (const one of k) await inC(one.head, true);
  const draftC = await training(c, { status: "DRAFT" });
  for (const one of k.slice(0, 2)) await draftC(one.spouse, true);
  const inD = await training(d);
  for (const one of h.slice(4, 10)) await inD(one.spouse, false);
  const inE = await training(e);
  for (const one of k.slice(2, 4)) await inE(one.spouse, false);
  const inF = await training(f, { year: 2023 });
  for (const one of h.slice(0, 4)) await inF(one.head, true);
  return { disnaker, dinsos, kecamatan2: second.kecamatanId };
}

let fx: Awaited<ReturnType<typeof buildCity>>;
const read = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  fx = await t.withTenant(city.id, (tx) => buildCity(tx, city));
  // Another city of the same shape: none of it may show up in the first city's groups.
  await t.withTenant(other.id, (tx) => buildCity(tx, other));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const figures = (rows: { code: string | null; trained: number; businesses: number; perTrained: bigint | null }[]) =>
  rows.map((r) => [r.code, r.trained, r.businesses, r.perTrained]);

describe("persons trained and businesses opened by SIPD code", () => {
  it("are counted per programme and kegiatan as computed by hand, with training spending per person", async () => {
    const [byProgramme, byKegiatan] = await read((tx) => Promise.all([results.bySipdProgramme(tx, all), results.bySipdKegiatan(tx, all)]));
    // 34 jt / 22 = 1.545.454,54… → 1.545.455.
    expect(figures(byProgramme)).toEqual([
      ["1.06.04", 22, 15, 1_545_455n],
      ["1.07.02", 5, 5, 1_200_000n],
      ["1.07.03", 2, 0, 2_000_000n],
      [null, 6, 0, 2_000_000n],
    ]);
    expect(figures(byKegiatan)).toEqual([
      ["1.06.04.2.01", 12, 10, 2_000_000n],
      ["1.06.04.2.02", 10, 5, 1_000_000n],
      ["1.07.02.2.03", 5, 5, 1_200_000n],
      ["1.07.03.2.01", 2, 0, 2_000_000n],
      [null, 6, 0, 2_000_000n],
    ]);
  });

  it("add up to the dashboard's totals, with and without filters", async () => {
    const filters = [all, only("1.06.04"), only("1.06.04.2.02"), { ...all, opdId: fx.dinsos }, { ...all, kecamatanId: fx.kecamatan2 }];
    for (const filter of filters) {
      const [totals, byProgramme, byKegiatan] = await read((tx) =>
        Promise.all([results.totals(tx, filter), results.bySipdProgramme(tx, filter), results.bySipdKegiatan(tx, filter)]),
      );
      for (const rows of [byProgramme, byKegiatan]) {
        expect(rows.reduce((s, r) => s + r.trained, 0)).toBe(totals.trained);
        expect(rows.reduce((s, r) => s + r.businesses, 0)).toBe(totals.businesses);
      }
    }
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ trained: 35, businesses: 20 });
  });

  it("follow the SIPD, OPD and kecamatan filters; no Rupiah per person under a kecamatan", async () => {
    expect(figures(await read((tx) => results.bySipdKegiatan(tx, only("1.06.04"))))).toEqual([
      ["1.06.04.2.01", 12, 10, 2_000_000n],
      ["1.06.04.2.02", 10, 5, 1_000_000n],
    ]);
    expect(figures(await read((tx) => results.bySipdProgramme(tx, { ...all, opdId: fx.dinsos })))).toEqual([
      ["1.07.02", 5, 5, 1_200_000n],
      ["1.07.03", 2, 0, 2_000_000n],
      [null, 6, 0, 2_000_000n],
    ]);
    // Only C's and E's participants live in the second kecamatan; the groups are the year's programmes still.
    expect(figures(await read((tx) => results.bySipdProgramme(tx, { ...all, kecamatanId: fx.kecamatan2 })))).toEqual([
      ["1.06.04", 0, 0, null],
      ["1.07.02", 5, 5, null],
      ["1.07.03", 2, 0, null],
      [null, 0, 0, null],
    ]);
  });

  it("are shown in the grouped tables, their total row the dashboard's totals", async () => {
    const tables = await resultsTables(await read((tx) => resultsDashboardData(tx, { ...all, opdId: fx.disnaker })));
    expect(tables.sipdKegiatan.rows.map((r) => [r.code, r.trained, r.perTrained, r.businesses])).toEqual([
      ["1.06.04.2.01", 12, 2_000_000, 10],
      ["1.06.04.2.02", 10, 1_000_000, 5],
    ]);
    expect(tables.sipdKegiatan.total).toMatchObject({ code: "total", programmes: 2, trained: 22, perTrained: 1_545_455, businesses: 15 });
  });

  it("hide a small count, and the count beside it that would give it back from the total", async () => {
    const tables = await resultsTables(await read((tx) => resultsDashboardData(tx, { ...all, kecamatanId: fx.kecamatan2 })));
    const row = (code: string) => tables.sipdProgrammes.rows.find((r) => r.code === code);
    // Second kecamatan: 1.07.02 trained 5, 1.07.03 trained 2, total 7: showing the 5 would give back the 2.
    expect(row("1.07.03")?.trained).toBe("<5");
    expect(row("1.07.02")?.trained).toBe("*");
    expect(tables.sipdProgrammes.total).toMatchObject({ trained: 7, businesses: 5 });
  });
});
