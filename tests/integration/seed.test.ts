import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRegencyAreas } from "@/features/areas";
import type { Db } from "@/lib/db";
import { nikMatchesBirthDate, nikRegionCode } from "@/lib/identity/nik";
import { kupang, mataram, seedDemo, type CitySpec } from "@/prisma/demo";
import { daysNeededToPass, trainingDayCount } from "@/features/trainings/completion-rule";
import { addDays, utcDate } from "@/lib/calendar/days";
import { homeHeadlines, homeTasks } from "@/features/home/tasks/home-tasks";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { openTestDb, openTestOwnerDb, uniqueSuffix, type TestDb, type TestOwnerDb } from "../helpers/db";

// Small registries keep this fast; the full default (3,000 per city) is the CLI's job.
const HOUSEHOLDS = 40;
// The demo is dated from the day it is seeded: 20 August 2030 (10:00 WITA), years after the
// plans were written, with 2030 under way and 2029 closed.
const NOW = new Date("2030-08-20T02:00:00Z");
const TODAY = utcDate(2030, 8, 20);
const YEAR = 2030;

let testDb: TestOwnerDb;
let db: Db;
// The app's own scope, to read the homes as their users see them.
let app: TestDb;

beforeAll(async () => {
  [testDb, app] = await Promise.all([openTestOwnerDb(), openTestDb()]);
  db = testDb.db;
});

afterAll(async () => {
  await Promise.all([testDb?.close(), app?.close()]);
});

/** A demo account of the city (by its email's first part) as its session holds it. */
async function demoUser(city: CitySpec, who: string): Promise<TenantSessionUser> {
  const user = await db.user.findUniqueOrThrow({
    where: { email: `${who}.${city.slug}@entas.test` },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      tenantId: true,
      opdId: true,
      kelurahanId: true,
      opd: { select: { decidesRegistryChanges: true } },
    },
  });
  return { ...user, tenantId: user.tenantId!, tenantSlug: city.slug, opd: user.opd, mustChangePassword: false } as TenantSessionUser;
}

const asUser = <T>(user: TenantSessionUser, read: (tx: Parameters<Parameters<TestDb["withTenant"]>[1]>[0]) => Promise<T>) =>
  app.withTenant(user.tenantId, read);

/** The mayor's home on the demo's day: the households reached and the spending verified, and what the last seven days added. */
async function mayorsWeek(city: CitySpec) {
  const mayor = await demoUser(city, "walikota");
  const headlines = await asUser(mayor, (tx) => homeHeadlines(tx, mayor, NOW));
  const reached = headlines?.figures.find((figure) => figure.key === "householdsReached");
  const realised = headlines?.figures.find((figure) => figure.key === "realised");
  return { reached, realised };
}

/** The change requests each demo account's home counts: the kelurahan's own, and those waiting for Dinas Sosial. */
async function changeRequestCards(city: CitySpec) {
  const [kelurahan, dinsos] = await Promise.all([demoUser(city, "kelurahan"), demoUser(city, "kepala.dinsos")]);
  const card = async (user: TenantSessionUser, key: string) => (await asUser(user, (tx) => homeTasks(tx, user, NOW))).find((task) => task.key === key)?.count;
  const states = await db.changeRequest.groupBy({
    by: ["status"],
    where: { tenantId: kelurahan.tenantId, proposedById: kelurahan.id },
    _count: { _all: true },
  });
  return {
    own: await card(kelurahan, "ownChangeRequests"),
    toDecide: await card(dinsos, "changeRequestsToDecide"),
    states: states.map((row) => row.status).sort(),
  };
}

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
    firstSummary = await seedDemo(db, { cities: [city], households: HOUSEHOLDS, now: NOW });
    firstCounts = await rowCounts((await tenantOf(city)).id);
  });

  it("leaves planner statistics that know the rows it wrote", async () => {
    const tenantId = (await tenantOf(city)).id;
    const [sums] = await db.$queryRaw<{ rows: number; known: number }[]>`
      SELECT (SELECT count(*)::int FROM "BudgetLineSum" WHERE "tenantId" = ${tenantId}) AS rows,
             (SELECT reltuples::int FROM pg_class WHERE oid = '"BudgetLineSum"'::regclass) AS known`;
    expect(sums!.rows).toBeGreaterThan(0);
    expect(sums!.known).toBeGreaterThanOrEqual(sums!.rows);
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

  it("budgets Rp 10,4 miliar for the current year and the last: Rp 5,9 miliar fiscal incentive and Rp 4,5 miliar APBD", async () => {
    const tenant = await tenantOf(city);
    for (const fiscalYear of [YEAR, YEAR - 1]) {
      const bySource = await db.budgetLine.groupBy({
        by: ["fundingSource"],
        where: { tenantId: tenant.id, programme: { fiscalYear } },
        _sum: { pagu: true },
      });
      expect(Object.fromEntries(bySource.map((row) => [row.fundingSource, row._sum.pagu]))).toEqual({
        FISCAL_INCENTIVE: 5_900_000_000n,
        APBD: 4_500_000_000n,
      });
    }
    expect(await db.programme.count({ where: { tenantId: tenant.id, fiscalYear: { notIn: [YEAR, YEAR - 1] } } })).toBe(0);
  });

  it("realises this year's budget up to last month, with drafts waiting, and last year's in full, all verified", async () => {
    const tenant = await tenantOf(city);
    const monthsOf = async (fiscalYear: number) =>
      (
        await db.budgetRealisation.findMany({
          where: { tenantId: tenant.id, budgetLine: { programme: { fiscalYear } } },
          distinct: ["month"],
          select: { month: true },
        })
      )
        .map((row) => row.month)
        .sort((a, b) => a - b);
    // August so far: a few lines' spending of this month, verified in the last week.
    expect(await monthsOf(YEAR)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await monthsOf(YEAR - 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const draftsBy = (fiscalYear: number) =>
      db.budgetRealisation.count({ where: { tenantId: tenant.id, status: "DRAFT", budgetLine: { programme: { fiscalYear } } } });
    expect(await draftsBy(YEAR)).toBeGreaterThan(0);
    expect(await draftsBy(YEAR - 1)).toBe(0);
  });

  it("closes last year: its trainings, participants and hand-overs are all verified", async () => {
    const tenant = await tenantOf(city);
    const lastYear = { programme: { fiscalYear: YEAR - 1 } };
    expect(await db.training.count({ where: { tenantId: tenant.id, ...lastYear } })).toBeGreaterThan(0);
    expect(await db.training.count({ where: { tenantId: tenant.id, status: "DRAFT", ...lastYear } })).toBe(0);
    expect(await db.trainingParticipant.count({ where: { tenantId: tenant.id, status: "DRAFT", training: lastYear } })).toBe(0);
    expect(await db.aidDistribution.count({ where: { tenantId: tenant.id, ...lastYear } })).toBeGreaterThan(0);
    expect(await db.aidDistribution.count({ where: { tenantId: tenant.id, status: "DRAFT", ...lastYear } })).toBe(0);
  });

  it("has this year's trainings done, under way and about to start, and nothing dated after today but the planned batches", async () => {
    const tenant = await tenantOf(city);
    const trainings = await db.training.findMany({
      where: { tenantId: tenant.id, programme: { fiscalYear: YEAR } },
      select: { startDate: true, endDate: true, status: true },
    });
    expect(trainings.filter((t) => t.endDate < TODAY && t.status === "VERIFIED").length).toBeGreaterThan(0);
    expect(trainings.filter((t) => t.startDate <= TODAY && t.endDate >= TODAY && t.status === "DRAFT").length).toBeGreaterThan(0);
    expect(trainings.filter((t) => t.startDate > TODAY && t.status === "DRAFT").length).toBeGreaterThan(0);
    expect(trainings.every((t) => t.startDate <= addDays(TODAY, 60))).toBe(true);
    const [aid, attendance] = await Promise.all([
      db.aidDistribution.count({ where: { tenantId: tenant.id, distributedAt: { gt: TODAY } } }),
      db.trainingAttendance.count({ where: { tenantId: tenant.id, date: { gte: TODAY } } }),
    ]);
    expect({ aid, attendance }).toEqual({ aid: 0, attendance: 0 });
  });

  it("leaves some follow-ups that fell due lately for the clerk to record, and records none ahead of its day", async () => {
    const tenant = await tenantOf(city);
    const [waiting, early] = await Promise.all([
      db.trainingFollowUp.count({ where: { tenantId: tenant.id, outcome: null, dueDate: { lte: TODAY, gt: addDays(TODAY, -42) } } }),
      db.trainingFollowUp.count({ where: { tenantId: tenant.id, outcome: { not: null }, dueDate: { gt: TODAY } } }),
    ]);
    expect(waiting).toBeGreaterThan(0);
    expect(early).toBe(0);
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

  it("keeps the BPJS cover page's summaries as a rebuild from the entries would (the seed writes with the triggers on)", async () => {
    const tenant = await tenantOf(city);
    const kept = () =>
      Promise.all([
        db.bpjsDoubleCover.findMany({ where: { tenantId: tenant.id }, orderBy: { memberId: "asc" } }),
        db.bpjsCoverEnd.findMany({ where: { tenantId: tenant.id }, orderBy: { distributionId: "asc" } }),
      ]);
    const before = await kept();
    expect(before[1].length).toBeGreaterThan(0);
    await db.$executeRaw`SELECT entas_bpjs_cover_rebuild(${tenant.id})`;
    expect(await kept()).toEqual(before);
  });

  it("dates each reached household by its first verified entry, not the seed's run, so the last week's newly reached are a part", async () => {
    const tenant = await tenantOf(city);
    const rows = await db.householdYearReach.findMany({ where: { tenantId: tenant.id, fiscalYear: YEAR }, select: { firstReachedAt: true } });
    expect(rows.length).toBeGreaterThan(0);
    const outside = rows.filter((r) => r.firstReachedAt < utcDate(YEAR, 1, 1) || r.firstReachedAt > NOW);
    expect(outside).toEqual([]);
    const lastWeek = rows.filter((r) => r.firstReachedAt >= addDays(NOW, -7)).length;
    expect(lastWeek).toBeLessThan(rows.length / 2);
    // The earliest verified hand-over of a household in the year is when it was reached, at the latest.
    const aid = await db.aidDistribution.findMany({
      where: { tenantId: tenant.id, status: "VERIFIED", reversesId: null, programme: { fiscalYear: YEAR } },
      select: { householdId: true, verifiedAt: true, distributedAt: true },
    });
    const reached = new Map(
      (await db.householdYearReach.findMany({ where: { tenantId: tenant.id, fiscalYear: YEAR }, select: { householdId: true, firstReachedAt: true } })).map(
        (r) => [r.householdId, r.firstReachedAt.getTime()],
      ),
    );
    expect(aid.length).toBeGreaterThan(0);
    const later = aid.filter((a) => (reached.get(a.householdId) ?? Number.POSITIVE_INFINITY) > (a.verifiedAt ?? a.distributedAt).getTime());
    expect(later).toEqual([]);
  });

  it("shows the mayor spending verified in the last seven days, a part of the year's", async () => {
    // This small registry's poorest are all reached already; Kupang's larger one has some left to reach.
    const { realised } = await mayorsWeek(city);
    expect(realised?.key === "realised" && realised.lastWeek).toBeGreaterThan(0n);
    expect(realised?.key === "realised" && realised.lastWeek < realised.amount).toBe(true);
  });

  it("leaves change requests of the demo kelurahan waiting for Dinas Sosial, and some already decided", async () => {
    const { own, toDecide, states } = await changeRequestCards(city);
    expect(own).toBeGreaterThan(0);
    expect(toDecide).toBe(own);
    expect(states).toEqual(["APPROVED", "PENDING", "REJECTED"]);
  });

  it("leaves a suspected duplicate household or two for Bapeda to decide", async () => {
    const bapeda = await demoUser(city, "bapeda");
    const tasks = await asUser(bapeda, (tx) => homeTasks(tx, bapeda, NOW));
    expect(tasks.find((task) => task.key === "duplicatesOpen")?.count).toBeGreaterThan(0);
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
    const secondSummary = await seedDemo(db, { cities: [city], households: HOUSEHOLDS, now: NOW });
    expect(secondSummary).toEqual(firstSummary);
    expect(await rowCounts((await tenantOf(city)).id)).toEqual(firstCounts);
  });

  it("adds households, and nothing else, when the registry grows", async () => {
    const [summary] = await seedDemo(db, { cities: [city], households: HOUSEHOLDS + 10, now: NOW });
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
    // Enough households that some of the poorest are left for the last week's hand-overs to reach first.
    await seedDemo(db, { cities: [city], households: 300, now: NOW });
  });

  it("shows the mayor households newly reached in the last seven days and leaves change requests waiting for Dinas Sosial", async () => {
    const { reached } = await mayorsWeek(city);
    expect(reached?.key === "householdsReached" && reached.lastWeek).toBeGreaterThan(0);
    expect(reached?.key === "householdsReached" && reached.lastWeek! < reached.count).toBe(true);
    const { toDecide, states } = await changeRequestCards(city);
    expect(toDecide).toBeGreaterThan(0);
    expect(states.length).toBeGreaterThan(1);
  });

  it("rolled Dana PEM out in Naikoten Satu two years ago: about Rp 200 juta to about 30 borrowers", async () => {
    const tenant = await tenantOf(city);
    const fund = await db.revolvingFund.findFirstOrThrow({
      where: { tenantId: tenant.id, year: YEAR - 2, kelurahan: { name: "Naikoten Satu" } },
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

  it("has closed the earlier years' funds: every instalment due is paid, but for a few loans written off", async () => {
    const tenant = await tenantOf(city);
    const loans = await db.loan.findMany({
      where: { tenantId: tenant.id, fund: { year: { lt: YEAR } } },
      select: {
        status: true,
        writtenOffAt: true,
        writeOffReason: true,
        installments: { select: { dueDate: true, principalDue: true } },
        principalRepaid: true,
      },
    });
    expect(new Set((await db.revolvingFund.findMany({ where: { tenantId: tenant.id }, select: { year: true } })).map((fund) => fund.year))).toEqual(
      new Set([YEAR - 2, YEAR - 1, YEAR]),
    );
    const written = loans.filter((loan) => loan.status === "WRITTEN_OFF");
    expect(written.length).toBeLessThanOrEqual(loans.length * 0.1);
    for (const loan of written) {
      expect(loan.writtenOffAt! <= TODAY && loan.writeOffReason).toBeTruthy();
    }
    for (const loan of loans.filter((loan) => loan.status !== "WRITTEN_OFF")) {
      const due = loan.installments.filter((line) => line.dueDate <= TODAY).reduce((sum, line) => sum + line.principalDue, 0n);
      expect(loan.principalRepaid).toBe(due);
    }
  });

  it("keeps the poverty series and the zero-poverty target for 2026", async () => {
    const tenant = await tenantOf(city);
    const latest = await db.povertyStatistic.findFirstOrThrow({ where: { tenantId: tenant.id, year: 2024 } });
    expect(latest.povertyRatePct?.toString()).toBe("8.61");
    expect(latest.povertyLineRupiah).toBe(kupang.statistics.find((row) => row.year === 2024)!.povertyLineRupiah);
    expect(await db.target.count({ where: { tenantId: tenant.id, indicator: "POVERTY_RATE", year: 2026 } })).toBe(1);
  });

  it("gives the poverty line to its own years seeded before the line was recorded, and leaves the rest of them as they are", async () => {
    const tenant = await tenantOf(city);
    const where = { tenantId: tenant.id, areaId: null, year: { in: [2019, 2023] } };
    await db.povertyStatistic.updateMany({ where, data: { povertyLineRupiah: null, source: "Diubah Bapeda" } });
    await seedDemo(db, { cities: [city], households: 300, now: NOW });
    const rows = await db.povertyStatistic.findMany({ where, orderBy: { year: "asc" } });
    expect(rows.map((row) => [row.year, row.povertyLineRupiah, row.source])).toEqual(
      [2019, 2023].map((year) => [year, kupang.statistics.find((row) => row.year === year)!.povertyLineRupiah, "Diubah Bapeda"]),
    );
  });
});
