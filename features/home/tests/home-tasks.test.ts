// Each role's "waiting for you" cards count exactly the rows of the list each card links to,
// within the user's own OPD or kelurahan as the session gives it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAidFilter } from "@/features/aid/filters";
import { distributionTotals, listDistributions } from "@/features/aid/queries";
import { isNearPagu } from "@/features/budget/absorption";
import { budgetOverview, parseReturnedFilter, pendingEntries } from "@/features/budget/queries";
import { NEAR_PAGU_ONLY } from "@/features/budget/routes";
import { homeHeadlines, homeTasks } from "@/features/home/tasks/home-tasks";
import { programmesBehind } from "@/features/programmes/behind";
import { listProgrammes } from "@/features/programmes/queries";
import { BEHIND_ONLY } from "@/features/programmes/routes";
import type { HomeTask, TaskKey } from "@/features/home/tasks/task";
import { listChangeRequests } from "@/features/registry/change-requests/queries";
import { listDuplicates } from "@/features/registry/duplicates/queries";
import { listRegistryImports } from "@/features/registry/import/queries";
import { WAITING_IMPORTS } from "@/features/registry/routes";
import { budgetDashboardQueries } from "@/features/dashboards/budget/queries";
import { povertyDashboardQueries } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries } from "@/features/dashboards/results/queries";
import { revolvingFundsDashboardQueries } from "@/features/dashboards/revolving-funds/queries";
import { fundLoanPage, parseLoanFilter } from "@/features/revolving-funds/queries";
import { followUpFilterOf, followUpPage } from "@/features/trainings/follow-up-list";
import { trainingPage, type TrainingStatusFilter } from "@/features/trainings/queries";
import { listOpds } from "@/features/opds/queries";
import { WITHOUT_HEAD_ONLY } from "@/features/opds/routes";
import { listUsers } from "@/features/users/queries";
import { LOCKED_ONLY, NEVER_SIGNED_IN } from "@/features/users/routes";
import { programmeScope, registryScope } from "@/lib/auth/scope";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { personView } from "@/lib/privacy/person-view";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// Mid-June 2025 in Mataram (WITA): the fiscal year is 2025, this month June.
const NOW = new Date("2025-06-15T03:00:00Z");
const YEAR = 2025;

let t: TestDb;
let city: TestTenant;
let opdA: string;
let opdB: string;
let kelurahanB: string;

const inCity = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);
let serial = 0;

async function household(tx: Tx, kelurahanId: string) {
  serial += 1;
  const noKk = `5271${String(Date.now()).slice(-8)}${String(serial).padStart(4, "0")}`;
  const h = await tx.household.create({
    data: { tenantId: city.id, noKk, address: `Jl. Tugas ${serial}`, kecamatanId: city.kecamatanId, kelurahanId, desil: 1, isExtremePoor: true },
  });
  const head = await tx.member.create({
    data: {
      tenantId: city.id,
      householdId: h.id,
      nik: `5271${noKk.slice(4, 16)}`,
      name: `Warga ${serial}`,
      sex: "FEMALE",
      birthDate: new Date("1980-05-01"),
      relation: "HEAD",
    },
  });
  return { id: h.id, headId: head.id };
}

/** One OPD's year: `returned` drafts sent back, a draft without proof, a verified hand-over, and follow-ups due before, in and after June. */
async function opdWorld(tx: Tx, opdId: string, kelurahanId: string, returned: number) {
  const tenantId = city.id;
  const programme = await tx.programme.create({ data: { tenantId, opdId, fiscalYear: YEAR, name: `Program ${opdId}`, kind: "EQUIPMENT_AID" } });
  const recipient = await household(tx, kelurahanId);
  const aid = {
    tenantId,
    programmeId: programme.id,
    opdId,
    householdId: recipient.id,
    memberId: recipient.headId,
    kind: "EQUIPMENT" as const,
    items: "Mesin jahit",
    value: 1_500_000n,
    distributedAt: new Date(`${YEAR}-05-10`),
  };
  for (let i = 0; i < returned; i += 1) {
    await tx.aidDistribution.create({
      data: { ...aid, proofRef: `KW-R${i}`, returnNote: "Nilai salah", returnedAt: new Date(`${YEAR}-06-01`), createdAt: new Date(`${YEAR}-05-20T02:00:00Z`) },
    });
  }
  await tx.aidDistribution.create({ data: { ...aid, createdAt: new Date(`${YEAR}-06-03T02:00:00Z`) } });
  await tx.aidDistribution.create({ data: { ...aid, proofRef: "KW-V", status: "VERIFIED", verifiedAt: new Date() } });
  // Another year's draft counts in neither year's cards of this one.
  const lastYear = await tx.programme.create({ data: { tenantId, opdId, fiscalYear: YEAR - 1, name: `Program lalu ${opdId}`, kind: "EQUIPMENT_AID" } });
  await tx.aidDistribution.create({ data: { ...aid, programmeId: lastYear.id, distributedAt: new Date(`${YEAR - 1}-05-10`) } });

  const training = await tx.training.create({
    data: {
      tenantId,
      programmeId: programme.id,
      opdId,
      skill: "Menjahit",
      startDate: new Date(`${YEAR}-01-06`),
      endDate: new Date(`${YEAR}-01-10`),
      place: "Balai",
      capacity: 20,
      status: "VERIFIED",
    },
  });
  const trainee = await household(tx, kelurahanId);
  const participant = await tx.trainingParticipant.create({
    data: { tenantId, trainingId: training.id, householdId: trainee.id, memberId: trainee.headId, completion: "COMPLETED", status: "VERIFIED" },
  });
  // A participant the head sent back: the verified training waits for the clerk, not the head.
  const late = await household(tx, kelurahanId);
  await tx.trainingParticipant.create({
    data: { tenantId, trainingId: training.id, householdId: late.id, memberId: late.headId, returnNote: "NIK salah", returnedAt: new Date(`${YEAR}-06-02`) },
  });
  for (const [monthsAfter, due] of [
    [3, "05-10"],
    [5, "06-10"],
    [6, "07-10"],
  ] as const) {
    await tx.trainingFollowUp.create({ data: { tenantId, participantId: participant.id, monthsAfter, dueDate: new Date(`${YEAR}-${due}`) } });
  }
  // Begun with attendance, and not begun yet: neither waits for attendance.
  for (const [start, present] of [
    ["06-02", true],
    ["06-20", false],
  ] as const) {
    const other = await tx.training.create({
      data: {
        tenantId,
        programmeId: programme.id,
        opdId,
        skill: "Tata boga",
        startDate: new Date(`${YEAR}-${start}`),
        endDate: new Date(`${YEAR}-${start}`),
        place: "Balai",
        capacity: 20,
      },
    });
    const seat = await tx.trainingParticipant.create({ data: { tenantId, trainingId: other.id, householdId: trainee.id, memberId: trainee.headId } });
    if (present) await tx.trainingAttendance.create({ data: { tenantId, participantId: seat.id, date: new Date(`${YEAR}-${start}`), present: true } });
  }
  return programme.id;
}

/** OPD A's budget: one line at 95 % of its pagu; another programme at 10 % by June, behind the calendar (a draft does not count). */
async function budgetOfOpdA(tx: Tx, programmeId: string) {
  const tenantId = city.id;
  const line = (programme: string, description: string) =>
    tx.budgetLine.create({ data: { tenantId, programmeId: programme, fundingSource: "APBD", description, pagu: 100_000_000n } });
  const spend = (budgetLineId: string, amount: bigint, verifiedOn?: string) =>
    tx.budgetRealisation.create({
      data: {
        tenantId,
        budgetLineId,
        month: 3,
        amount,
        ...(verifiedOn ? { status: "VERIFIED", verifiedAt: new Date(`${YEAR}-${verifiedOn}T02:00:00Z`) } : {}),
      },
    });
  // Verified three days before NOW: the week's change.
  await spend((await line(programmeId, "Mesin jahit")).id, 95_000_000n, "06-12");
  const late = await tx.programme.create({ data: { tenantId, opdId: opdA, fiscalYear: YEAR, name: "Pelatihan terlambat", kind: "TRAINING" } });
  const lateLine = await line(late.id, "Honor pelatih");
  await spend(lateLine.id, 10_000_000n, "05-01");
  // Waiting for the head since 5 June; and one the head sent back to the clerk.
  const waiting = await spend(lateLine.id, 80_000_000n);
  await tx.budgetRealisation.update({ where: { tenantId_id: { tenantId, id: waiting.id } }, data: { createdAt: new Date(`${YEAR}-06-05T02:00:00Z`) } });
  await tx.budgetRealisation.create({
    data: { tenantId, budgetLineId: lateLine.id, month: 4, amount: 1_000_000n, returnNote: "Bukti kurang", returnedAt: new Date(`${YEAR}-06-10`) },
  });
}

/** A kelurahan's 2025 fund: `overdue` loans past due, one due later in June, one due in July, one proposed. */
async function fundOf(tx: Tx, kelurahanId: string, overdue: number) {
  const tenantId = city.id;
  const fund = await tx.revolvingFund.create({ data: { tenantId, kelurahanId, year: YEAR, maxLoan: 5_000_000n, maxTenorMonths: 12 } });
  const loan = (nextDueDate: string | null, status: "PROPOSED" | "DISBURSED" = "DISBURSED") => {
    serial += 1;
    return tx.loan.create({
      data: {
        tenantId,
        fundId: fund.id,
        borrowerNik: `5271${String(serial).padStart(12, "0")}`,
        borrowerName: `Peminjam ${serial}`,
        businessType: "Warung",
        purpose: "Modal",
        principal: 1_000_000n,
        tenorMonths: 10,
        status,
        ...(status === "DISBURSED" ? { disbursedAt: new Date(`${YEAR}-02-01`) } : {}),
        nextDueDate: nextDueDate ? new Date(`${YEAR}-${nextDueDate}`) : null,
      },
    });
  };
  for (let i = 0; i < overdue; i += 1) await loan("06-01");
  await loan("06-20");
  await loan("07-05");
  await loan(null, "PROPOSED");
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await inCity(async (tx) => {
    const tenantId = city.id;
    opdA = (await tx.opd.create({ data: { tenantId, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
    opdB = (await tx.opd.create({ data: { tenantId, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos", decidesRegistryChanges: true } })).id;
    kelurahanB = (
      await tx.area.create({ data: { tenantId, code: `${city.slug}.1002`, name: "Kelurahan Dua", level: "KELURAHAN", parentId: city.kecamatanId } })
    ).id;
    await budgetOfOpdA(tx, await opdWorld(tx, opdA, city.kelurahanId, 2));
    await opdWorld(tx, opdB, kelurahanB, 1);

    await fundOf(tx, city.kelurahanId, 1);
    await fundOf(tx, kelurahanB, 2);

    const change = (householdId: string) =>
      tx.changeRequest.create({ data: { tenantId, householdId, kind: "ADDRESS", payload: { address: "Jl. Baru 1" }, proposedById: "user-kelurahan" } });
    await change((await household(tx, city.kelurahanId)).id);
    const inB = await household(tx, kelurahanB);
    await change(inB.id);
    await change(inB.id);
    await tx.changeRequest.create({
      data: {
        tenantId,
        householdId: inB.id,
        kind: "ADDRESS",
        payload: { address: "Jl. Lama" },
        proposedById: "user-kelurahan",
        status: "APPROVED",
        decidedAt: NOW,
      },
    });

    // Two files checked and never saved, one saved, one failed: two wait.
    for (const status of ["DRY_RUN", "DRY_RUN", "COMMITTED", "FAILED"] as const) {
      await tx.importJob.create({
        data: { tenantId, kind: "REGISTRY", fileName: `dtks-${status}.xlsx`, status, createdAt: new Date(`${YEAR}-06-01T02:00:00Z`) },
      });
    }

    const people = await Promise.all([household(tx, city.kelurahanId), household(tx, kelurahanB)]);
    await tx.duplicateCandidate.create({ data: { tenantId, kind: "SIMILAR_PERSON", firstId: people[0].headId, secondId: people[1].headId } });
    await tx.duplicateCandidate.create({
      data: { tenantId, kind: "SAME_ADDRESS_AND_HEAD", firstId: people[0].id, secondId: people[1].id, status: "DISMISSED" },
    });

    const account = (name: string, extra: object) =>
      tx.user.create({ data: { tenantId, email: `${name}-${city.slug}@entas.test`, name, passwordHash: "x", role: "OPD_STAFF", opdId: opdA, ...extra } });
    await account("baru", {});
    await account("lama", { lastLoginAt: new Date(`${YEAR}-06-01`) });
    await account("nonaktif", { active: false });
    // Disnaker has a head; Dinas Sosial's head account is switched off.
    await account("kepala", { role: "OPD_HEAD", lastLoginAt: new Date(`${YEAR}-06-01`) });
    await account("kepala-dinsos", { role: "OPD_HEAD", opdId: opdB, active: false });
  });
});

afterAll(async () => {
  await t?.close();
});

const user = (role: Role, scope: { opdId?: string; kelurahanId?: string } = {}, decides = false) =>
  sessionUser(city, role, { ...scope, opd: scope.opdId ? { decidesRegistryChanges: decides } : null }) as TenantSessionUser;

const tasksOf = (viewer: TenantSessionUser) => inCity((tx) => homeTasks(tx, viewer, NOW));
const counts = (tasks: HomeTask[]) => Object.fromEntries(tasks.map((task) => [task.key, task.count]));

/** The rows the page a card links to lists, read with that page's own filter from the link. */
async function listedRows(viewer: TenantSessionUser, task: HomeTask): Promise<number> {
  const url = new URL(task.href, "http://entas.test");
  const query = Object.fromEntries(url.searchParams);
  const seen = { view: personView(viewer), today: NOW };
  return inCity(async (tx) => {
    const byKey: Record<TaskKey, () => Promise<number>> = {
      aidReturned: () => aidRows(tx, viewer, query),
      aidWithoutProof: () => aidRows(tx, viewer, query),
      aidToVerify: () => aidRows(tx, viewer, query),
      realisationsToVerify: () => realisationRows(tx, viewer, query),
      realisationsReturned: () => realisationRows(tx, viewer, query),
      trainingsToVerify: () => trainingDraftRows(tx, viewer, query),
      trainingsReturned: () => trainingDraftRows(tx, viewer, query),
      trainingsWithoutAttendance: async () =>
        (await trainingPage(tx, { scope: programmeScope(viewer), year: Number(query.tahun), status: query.status as TrainingStatusFilter, today: NOW })).total,
      followUpsDue: async () =>
        (await followUpPage(tx, { scope: programmeScope(viewer), today: "2025-06-15", filter: followUpFilterOf(query, programmeScope(viewer)) })).rows.length,
      loansInArrears: () => loanRows(tx, viewer, query),
      instalmentsDue: () => loanRows(tx, viewer, query),
      ownChangeRequests: async () => (await listChangeRequests(tx, { view: "pending" }, registryScope(viewer), seen, 1000)).rows.length,
      changeRequestsToDecide: async () => (await listChangeRequests(tx, { view: "pending" }, registryScope(viewer), seen, 1000)).rows.length,
      importsNotSaved: async () => (await listRegistryImports(tx, 1000, query.status === WAITING_IMPORTS.status)).length,
      duplicatesOpen: async () => (await listDuplicates(tx, { view: "open" }, seen, 1000)).rows.length,
      linesNearPagu: async () => {
        const lines = await budgetOverview(tx, { tenantId: city.id, scope: programmeScope(viewer), fiscalYear: Number(query.tahun) });
        return query.hampir === NEAR_PAGU_ONLY.hampir ? lines.filter((line) => isNearPagu(line.pagu, line.realised)).length : lines.length;
      },
      programmesBehind: async () => {
        const rows = await listProgrammes(tx, { tenantId: city.id, scope: programmeScope(viewer), fiscalYear: Number(query.tahun) });
        return query.tertinggal === BEHIND_ONLY.tertinggal ? programmesBehind(rows, YEAR, { year: YEAR, month: 6 }).length : rows.length;
      },
      opdsWithoutHead: async () => (await listOpds(tx, { withoutHead: query.tanpaKepala === WITHOUT_HEAD_ONLY.tanpaKepala })).length,
      usersLocked: async () => (await listUsers(tx, { lockedAt: query.terkunci === LOCKED_ONLY.terkunci ? NOW : null })).length,
      usersNeverSignedIn: async () => (await listUsers(tx, { neverSignedIn: query.masuk === NEVER_SIGNED_IN })).length,
    };
    return byKey[task.key]();
  });
}

async function realisationRows(tx: Tx, viewer: TenantSessionUser, query: Record<string, string>) {
  const filter = { tenantId: city.id, scope: programmeScope(viewer), fiscalYear: Number(query.tahun) };
  return (await pendingEntries(tx, filter, parseReturnedFilter(query.kembali))).length;
}

async function trainingDraftRows(tx: Tx, viewer: TenantSessionUser, query: Record<string, string>) {
  const kembali = parseReturnedFilter(query.kembali);
  expect(kembali).toBeDefined();
  return (await trainingPage(tx, { scope: programmeScope(viewer), year: Number(query.tahun), kembali, today: NOW })).total;
}

async function loanRows(tx: Tx, viewer: TenantSessionUser, query: Record<string, string>) {
  const fund = await tx.revolvingFund.findFirstOrThrow({ where: { kelurahanId: viewer.kelurahanId!, year: Number(query.tahun) } });
  return (await fundLoanPage(tx, fund.id, { filter: parseLoanFilter(query.pinjaman), today: new Date("2025-06-15") })).total;
}

async function aidRows(tx: Tx, viewer: TenantSessionUser, query: Record<string, string>) {
  const filter = parseAidFilter(query);
  const options = { scope: programmeScope(viewer), fiscalYear: Number(query.tahun), pageSize: 1000 };
  const [list, totals] = await Promise.all([listDistributions(tx, filter, options), distributionTotals(tx, filter, options)]);
  expect(totals.count).toBe(list.rows.length);
  return list.rows.length;
}

async function expectCountsListed(viewer: TenantSessionUser) {
  const tasks = await tasksOf(viewer);
  for (const task of tasks) expect(await listedRows(viewer, task), task.key).toBe(task.count);
  return tasks;
}

describe("the home page's waiting-for-you cards", () => {
  it("give an OPD clerk their own OPD's returned drafts, trainings without attendance, this month's follow-ups and hand-overs without proof, as their lists hold them", async () => {
    const tasks = await expectCountsListed(user("OPD_STAFF", { opdId: opdA }));
    expect(counts(tasks)).toEqual({
      aidReturned: 2,
      realisationsReturned: 1,
      trainingsReturned: 1,
      trainingsWithoutAttendance: 1,
      followUpsDue: 1,
      aidWithoutProof: 1,
    });
    // The other OPD's clerk counts only theirs (its budget has no lines).
    expect(counts(await expectCountsListed(user("OPD_STAFF", { opdId: opdB })))).toEqual({
      aidReturned: 1,
      realisationsReturned: 0,
      trainingsReturned: 1,
      trainingsWithoutAttendance: 1,
      followUpsDue: 1,
      aidWithoutProof: 1,
    });
  });

  it("give an OPD head their drafts to verify and how long the oldest has waited, lines near their pagu and programmes behind the calendar", async () => {
    const [aid, realisations, trainings, ...rest] = await expectCountsListed(user("OPD_HEAD", { opdId: opdA }));
    expect(aid).toMatchObject({ key: "aidToVerify", count: 1, oldestDays: 12 });
    // The late programme's 80 M draft, entered on 5 June (the returned one waits for the clerk).
    expect(realisations).toMatchObject({ key: "realisationsToVerify", count: 1, oldestDays: 10 });
    // The two draft trainings of June (the verified one's returned participant is the clerk's).
    expect(trainings).toMatchObject({ key: "trainingsToVerify", count: 2 });
    expect(counts(rest)).toEqual({ linesNearPagu: 1, programmesBehind: 1 });
  });

  it("give a kelurahan officer only their own kelurahan's loans in arrears, instalments due this month and pending change requests", async () => {
    expect(counts(await expectCountsListed(user("KELURAHAN", { kelurahanId: city.kelurahanId })))).toEqual({
      loansInArrears: 1,
      instalmentsDue: 1,
      ownChangeRequests: 1,
    });
    expect(counts(await expectCountsListed(user("KELURAHAN", { kelurahanId: kelurahanB })))).toEqual({
      loansInArrears: 2,
      instalmentsDue: 1,
      ownChangeRequests: 2,
    });
  });

  it("give the Dinas Sosial head the city's change requests to decide beside their OPD's drafts, and Bapeda the duplicates too", async () => {
    expect(counts(await expectCountsListed(user("OPD_HEAD", { opdId: opdB }, true)))).toEqual({
      aidToVerify: 1,
      realisationsToVerify: 0,
      trainingsToVerify: 2,
      linesNearPagu: 0,
      programmesBehind: 0,
      changeRequestsToDecide: 3,
    });
    expect(counts(await expectCountsListed(user("BAPEDA")))).toEqual({ changeRequestsToDecide: 3, duplicatesOpen: 1, importsNotSaved: 2 });
  });

  it("give the city admin the active accounts never signed in and the OPDs without a head, and the mayor's office and the auditor no cards", async () => {
    expect(counts(await expectCountsListed(user("CITY_ADMIN")))).toEqual({ usersLocked: 0, usersNeverSignedIn: 1, opdsWithoutHead: 1 });
    expect(await tasksOf(user("MAYOR_OFFICE"))).toEqual([]);
    expect(await inCity((tx) => homeHeadlines(tx, user("CITY_ADMIN"), NOW))).toBeNull();
    expect(await tasksOf(user("AUDITOR"))).toEqual([]);
  });

  it("give the mayor's office the headline of each of its dashboards, equal to the dashboard's own, with what the last seven days verified", async () => {
    // Of the four households reached, two were reached in May, one on 10 June (this week), and one
    // on 16 June, after the home's clock (15 June): its week ends at the clock.
    await inCity(async (tx) => {
      const reached = await tx.householdYearReach.findMany({ where: { fiscalYear: YEAR }, orderBy: { householdId: "asc" }, select: { householdId: true } });
      const when = ["2025-05-02T01:00:00Z", "2025-05-20T01:00:00Z", "2025-06-10T01:00:00Z", "2025-06-16T01:00:00Z"];
      for (const [i, at] of when.entries()) {
        await tx.$executeRaw`UPDATE "HouseholdYearReach" SET "firstReachedAt" = ${new Date(at)}
                              WHERE "tenantId" = ${city.id} AND "fiscalYear" = ${YEAR} AND "householdId" = ${reached[i]!.householdId}`;
      }
    });
    const headlines = await inCity((tx) => homeHeadlines(tx, user("MAYOR_OFFICE"), NOW));
    expect(headlines?.year).toBe(YEAR);
    const filters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
    const [results, funds] = await inCity((tx) =>
      Promise.all([resultsDashboardQueries.totals(tx, filters), revolvingFundsDashboardQueries.totals(tx, filters)]),
    );
    expect(headlines?.figures).toEqual([
      { key: "householdsReached", href: `/${city.slug}/dasbor/hasil?tahun=${YEAR}`, count: results.reached, lastWeek: 1 },
      { key: "realised", href: `/${city.slug}/dasbor/anggaran?tahun=${YEAR}`, amount: 105_000_000n, absorption: 52.5, lastWeek: 95_000_000n },
      { key: "loansOutstanding", href: `/${city.slug}/dasbor/dana-pem?tahun=${YEAR}`, amount: funds.outstanding, repaymentRate: expect.anything() },
    ]);
    expect(results.reached).toBe(4);
  });

  it("give Bapeda one card per dashboard, each figure the dashboard's own", async () => {
    const headlines = await inCity((tx) => homeHeadlines(tx, user("BAPEDA"), NOW));
    const filters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
    const [coverage, budget] = await inCity((tx) =>
      Promise.all([povertyDashboardQueries.coverage(tx, filters), budgetDashboardQueries.summary(tx, filters, { year: YEAR, month: 6 })]),
    );
    const byKey = Object.fromEntries((headlines?.figures ?? []).map((figure) => [figure.key, figure]));
    expect(Object.keys(byKey)).toEqual(["extremePoorUnreached", "householdsReached", "realised", "loansOutstanding", "extremePovertyRate"]);
    expect(byKey.extremePoorUnreached).toMatchObject({
      count: coverage.unreached,
      extremePoor: coverage.extremePoor,
      href: `/${city.slug}/dasbor/kemiskinan?tahun=${YEAR}`,
    });
    expect(byKey.realised).toMatchObject({ amount: budget.total.realised });
    // The city has no official series yet: the card says so rather than a zero.
    expect(byKey.extremePovertyRate).toMatchObject({ rate: null, year: null, href: `/${city.slug}/dasbor/statistik` });
  });
});
