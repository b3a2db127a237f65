import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRegencyAreas } from "@/features/areas";
import type { Db } from "@/lib/db";
import { nikMatchesBirthDate, nikRegionCode } from "@/lib/identity/nik";
import { kupang, mataram, seedDemo, type CitySpec } from "@/prisma/demo";
import { daysNeededToPass, trainingDayCount } from "@/features/trainings/completion-rule";
import { openTestOwnerDb, uniqueSuffix, type TestOwnerDb } from "../helpers/db";

// Small registries keep this fast; the full default (3,000 per city) is the CLI's job.
const HOUSEHOLDS = 40;

let testDb: TestOwnerDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestOwnerDb();
  db = testDb.db;
});

afterAll(async () => {
  await testDb?.close();
});

/** Rows of every table the seed writes, for one tenant. */
async function rowCounts(tenantId: string) {
  const where = { tenantId };
  const entries = await Promise.all(
    Object.entries({
      area: db.area.count({ where }),
      opd: db.opd.count({ where }),
      household: db.household.count({ where }),
      member: db.member.count({ where }),
      statusEvent: db.householdStatusEvent.count({ where }),
      desilChange: db.householdDesilChange.count({ where }),
      programme: db.programme.count({ where }),
      budgetLine: db.budgetLine.count({ where }),
      realisation: db.budgetRealisation.count({ where }),
      training: db.training.count({ where }),
      participant: db.trainingParticipant.count({ where }),
      attendance: db.trainingAttendance.count({ where }),
      followUp: db.trainingFollowUp.count({ where }),
      aid: db.aidDistribution.count({ where }),
      fund: db.revolvingFund.count({ where }),
      capital: db.revolvingFundCapital.count({ where }),
      loan: db.loan.count({ where }),
      installment: db.loanInstallment.count({ where }),
      repayment: db.repayment.count({ where }),
      statistic: db.povertyStatistic.count({ where }),
      target: db.target.count({ where }),
    }).map(async ([table, count]) => [table, await count] as const),
  );
  return Object.fromEntries(entries);
}

async function tenantOf(city: CitySpec) {
  return db.tenant.findUniqueOrThrow({ where: { slug: city.slug } });
}

describe("seedDemo for Kota Mataram", () => {
  const city: CitySpec = { ...mataram, slug: `mataram-${uniqueSuffix()}` };
  let firstSummary: Awaited<ReturnType<typeof seedDemo>>;
  let firstCounts: Awaited<ReturnType<typeof rowCounts>>;

  beforeAll(async () => {
    firstSummary = await seedDemo(db, { cities: [city], households: HOUSEHOLDS });
    firstCounts = await rowCounts((await tenantOf(city)).id);
  });

  it("creates the tenant from idn-area-data", async () => {
    expect(await tenantOf(city)).toMatchObject({ name: "Kota Mataram", kind: "KOTA", kemendagriCode: "52.71", provinceName: "Nusa Tenggara Barat" });
  });

  it("builds the real kecamatan → kelurahan tree: 6 and 50", async () => {
    const tenant = await tenantOf(city);
    const areas = await db.area.findMany({ where: { tenantId: tenant.id }, select: { id: true, code: true, name: true, level: true, parentId: true } });
    const byId = new Map(areas.map((area) => [area.id, area]));
    const stored = areas
      .filter((area) => area.level === "KECAMATAN")
      .map((kecamatan) => ({
        code: kecamatan.code,
        name: kecamatan.name,
        kelurahan: areas
          .filter((area) => area.level === "KELURAHAN" && byId.get(area.parentId!)?.code === kecamatan.code)
          .map(({ code, name }) => ({ code, name }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));

    expect(stored).toEqual(await listRegencyAreas("52.71"));
    expect(firstSummary[0]).toMatchObject({ kecamatan: 6, kelurahan: 50 });
  });

  it("fills the registry with households whose NIKs fit their members and kecamatan", async () => {
    const tenant = await tenantOf(city);
    const households = await db.household.findMany({
      where: { tenantId: tenant.id },
      include: { members: true, kecamatan: { select: { code: true } } },
    });
    expect(households).toHaveLength(HOUSEHOLDS);
    for (const household of households) {
      expect(household.noKk.slice(0, 6)).toBe(nikRegionCode(household.kecamatan.code));
      for (const member of household.members) {
        expect(member.nik.slice(0, 6)).toBe(nikRegionCode(household.kecamatan.code));
        expect(nikMatchesBirthDate(member.nik, member.birthDate, member.sex)).toBe(true);
      }
    }
  });

  it("budgets Rp 10,4 miliar for 2024: Rp 5,9 miliar fiscal incentive and Rp 4,5 miliar APBD", async () => {
    const tenant = await tenantOf(city);
    const bySource = await db.budgetLine.groupBy({
      by: ["fundingSource"],
      where: { tenantId: tenant.id, programme: { fiscalYear: 2024 } },
      _sum: { pagu: true },
    });
    expect(Object.fromEntries(bySource.map((row) => [row.fundingSource, row._sum.pagu]))).toEqual({
      FISCAL_INCENTIVE: 5_900_000_000n,
      APBD: 4_500_000_000n,
    });
    const months = await db.budgetRealisation.findMany({ where: { tenantId: tenant.id }, distinct: ["month"], select: { month: true } });
    expect(months.map((row) => row.month).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("links trainings and aid to seeded households, mostly verified", async () => {
    const tenant = await tenantOf(city);
    const [participants, aid, draftAid] = await Promise.all([
      db.trainingParticipant.count({ where: { tenantId: tenant.id } }),
      db.aidDistribution.count({ where: { tenantId: tenant.id } }),
      db.aidDistribution.count({ where: { tenantId: tenant.id, status: "DRAFT" } }),
    ]);
    expect(participants).toBeGreaterThan(0);
    expect(aid).toBeGreaterThan(0);
    expect(draftAid).toBeLessThan(aid / 2);
  });

  it("gives every graduate the attendance a pass needs", async () => {
    const tenant = await tenantOf(city);
    const graduates = await db.trainingParticipant.findMany({
      where: { tenantId: tenant.id, completion: "COMPLETED" },
      select: { training: { select: { startDate: true, endDate: true } }, _count: { select: { attendances: { where: { present: true } } } } },
    });
    expect(graduates.length).toBeGreaterThan(0);
    const short = graduates.filter((g) => g._count.attendances < daysNeededToPass(trainingDayCount(g.training.startDate, g.training.endDate)));
    expect(short).toEqual([]);
  });

  it("changes nothing when run again", async () => {
    const secondSummary = await seedDemo(db, { cities: [city], households: HOUSEHOLDS });
    expect(secondSummary).toEqual(firstSummary);
    expect(await rowCounts((await tenantOf(city)).id)).toEqual(firstCounts);
  });

  it("adds households, and nothing else, when the registry grows", async () => {
    const [summary] = await seedDemo(db, { cities: [city], households: HOUSEHOLDS + 10 });
    expect(summary!.households).toBe(HOUSEHOLDS + 10);
    expect({ ...summary, households: 0, members: 0, extremePoorHouseholds: 0 }).toEqual({
      ...firstSummary[0],
      households: 0,
      members: 0,
      extremePoorHouseholds: 0,
    });
  });
});

describe("seedDemo for Kota Kupang", () => {
  const city: CitySpec = { ...kupang, slug: `kupang-${uniqueSuffix()}` };

  beforeAll(async () => {
    await seedDemo(db, { cities: [city], households: HOUSEHOLDS });
  });

  it("rolls Dana PEM out in Naikoten Satu: about Rp 200 juta to about 30 borrowers in 2024", async () => {
    const tenant = await tenantOf(city);
    const fund = await db.revolvingFund.findFirstOrThrow({
      where: { tenantId: tenant.id, year: 2024, kelurahan: { name: "Naikoten Satu" } },
      include: { loans: { include: { installments: true, repayments: true } }, capitals: true, kelurahan: { include: { parent: true } } },
    });
    expect(fund.kelurahan.parent?.name).toBe("Kota Raja");
    expect(fund.loans).toHaveLength(30);
    expect(fund.loans.reduce((sum, loan) => sum + loan.principal, 0n)).toBe(200_000_000n);
    expect(fund.loans.filter((loan) => loan.isYouth).length).toBeGreaterThan(15);
    for (const loan of fund.loans) {
      expect(loan.installments.reduce((sum, line) => sum + line.principalDue, 0n)).toBe(loan.principal);
      const repaid = loan.repayments.reduce((sum, repayment) => sum + repayment.principalPart, 0n);
      expect(repaid === loan.principal).toBe(loan.status === "REPAID");
    }
  });

  it("keeps the poverty series and the zero-poverty target for 2026", async () => {
    const tenant = await tenantOf(city);
    const latest = await db.povertyStatistic.findFirstOrThrow({ where: { tenantId: tenant.id, year: 2024 } });
    expect(latest.povertyRatePct?.toString()).toBe("8.61");
    expect(await db.target.count({ where: { tenantId: tenant.id, indicator: "POVERTY_RATE", year: 2026 } })).toBe(1);
  });
});
