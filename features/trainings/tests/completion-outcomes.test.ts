// Completion needs attendance; outcomes are shown where a training and a household are read;
// the follow-up list is filtered and paged; a draft participant is returned with a note.
// Each test builds its own city.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { programmeScope } from "@/lib/auth/scope";
import {
  addParticipantDefinition,
  completeParticipantDefinition,
  createTrainingDefinition,
  participantReturnDefinitions,
  recordAttendanceDefinition,
  recordFollowUpDefinition,
  verifyParticipantsDefinition,
  verifyTrainingsDefinition,
} from "@/features/trainings/action-definitions";
import { PASS_ATTENDANCE_PERCENT, daysNeededToPass } from "@/features/trainings/completion-rule";
import { FOLLOW_UP_PAGE_SIZE, followUpFilterOf, followUpPage, followUpQuery, followUpTrainings } from "@/features/trainings/follow-up-list";
import { outcomeSummary, trainingParticipants } from "@/features/trainings/queries";
import { getHouseholdTimeline } from "@/features/registry/household/timeline";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type City = {
  tenant: TestTenant;
  opd: string;
  otherOpd: string;
  programme: string;
  otherProgramme: string;
  staff: SessionUser;
  head: SessionUser;
  otherStaff: SessionUser;
  bapeda: SessionUser;
};

/** A city of its own with two OPDs, a 2024 training programme each, and their people. */
async function newCity(): Promise<City> {
  const tenant = await createTestTenant(t.db, t.withTenant);
  return t.withTenant(tenant.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: tenant.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    const otherOpd = await tx.opd.create({ data: { tenantId: tenant.id, code: "2.17", name: "Dinas Koperasi dan UMKM", shortName: "Diskop" } });
    const programme = await tx.programme.create({ data: { tenantId: tenant.id, opdId: opd.id, fiscalYear: 2024, name: "Pelatihan Kerja", kind: "TRAINING" } });
    const otherProgramme = await tx.programme.create({
      data: { tenantId: tenant.id, opdId: otherOpd.id, fiscalYear: 2024, name: "Kerajinan Cukli", kind: "TRAINING" },
    });
    // The head is a real account, so the note can say who returned a draft.
    await tx.user.create({
      data: {
        id: `kepala-${tenant.slug}`,
        tenantId: tenant.id,
        email: `kepala@${tenant.slug}.test`,
        name: "Kepala Disnaker",
        passwordHash: "-",
        role: "OPD_HEAD",
        opdId: opd.id,
      },
    });
    return {
      tenant,
      opd: opd.id,
      otherOpd: otherOpd.id,
      programme: programme.id,
      otherProgramme: otherProgramme.id,
      staff: sessionUser(tenant, "OPD_STAFF", { id: `staf-${tenant.slug}`, opdId: opd.id }),
      head: sessionUser(tenant, "OPD_HEAD", { id: `kepala-${tenant.slug}`, opdId: opd.id, name: "Kepala Disnaker" }),
      otherStaff: sessionUser(tenant, "OPD_STAFF", { id: `staf-diskop-${tenant.slug}`, opdId: otherOpd.id }),
      bapeda: sessionUser(tenant, "BAPEDA", { id: `bapeda-${tenant.slug}` }),
    };
  });
}

async function ok<T = Record<string, string>>(city: City, user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) {
  const result = await runAction(actionDeps(t, user), definition, city.tenant.slug, submitted(input));
  if (!result.ok) throw new Error(`${definition.name}: ${result.code} ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return result.data as T;
}

let serial = 0;
async function newPerson(city: City, name?: string) {
  serial += 1;
  return t.withTenant(city.tenant.id, async (tx) => {
    const household = await createTestHousehold(tx, city.tenant);
    const member = await tx.member.create({
      data: {
        tenantId: city.tenant.id,
        householdId: household.id,
        nik: `52710166${String(Date.now()).slice(-4)}${String(serial).padStart(4, "0")}`,
        name: name ?? `Lulusan ${serial}`,
        sex: "FEMALE",
        birthDate: new Date("1992-02-02"),
        relation: "HEAD",
      },
    });
    return { memberId: member.id, householdId: household.id };
  });
}

/** A training of five days, 4–8 March 2024. */
const FIVE_DAYS = ["2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08"];

async function newTraining(city: City, overrides: Record<string, unknown> = {}) {
  const { trainingId } = await ok<{ trainingId: string }>(city, city.staff, createTrainingDefinition, {
    programmeId: city.programme,
    skill: "Menjahit",
    startDate: FIVE_DAYS[0],
    endDate: FIVE_DAYS[4],
    place: "BLK Mataram",
    capacity: "20",
    ...overrides,
  });
  return trainingId;
}

async function addPerson(city: City, trainingId: string, person?: { memberId: string }) {
  const { memberId } = person ?? (await newPerson(city));
  return (await ok<{ participantId: string }>(city, city.staff, addParticipantDefinition, { trainingId, memberId })).participantId;
}

/** Saves the whole grid: each participant present on the days given. */
async function attend(city: City, trainingId: string, days: Record<string, readonly string[]>) {
  const { version } = await t.withTenant(city.tenant.id, (tx) => tx.training.findFirstOrThrow({ where: { id: trainingId }, select: { version: true } }));
  const present = Object.entries(days).flatMap(([participantId, list]) => list.map((day) => `${participantId}|${day}`));
  return runAction(actionDeps(t, city.staff), recordAttendanceDefinition, city.tenant.slug, { trainingId, version, present });
}

describe("a participant passes (Lulus) only with enough attendance", () => {
  it("needs at least 75 % of the training's days: 2 of 5 is refused with the days attended and needed, 4 of 5 passes", async () => {
    expect(PASS_ATTENDANCE_PERCENT).toBe(75);
    expect([1, 2, 3, 4, 5, 8].map(daysNeededToPass)).toEqual([1, 2, 3, 3, 4, 6]);

    const city = await newCity();
    const trainingId = await newTraining(city);
    const [weak, strong] = [await addPerson(city, trainingId), await addPerson(city, trainingId)];
    expect(await attend(city, trainingId, { [weak]: FIVE_DAYS.slice(0, 2), [strong]: FIVE_DAYS.slice(0, 4) })).toMatchObject({ ok: true });

    const refused = await runAction(actionDeps(t, city.staff), completeParticipantDefinition, city.tenant.slug, { participantId: weak });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID",
      message: "Hadir 2 dari 5 hari pelatihan; untuk lulus perlu hadir paling sedikit 4 hari (75%).",
    });
    const english = await runAction(
      { ...actionDeps(t, city.staff), requestMeta: async () => ({ requestId: "req-test", locale: "en" }) },
      completeParticipantDefinition,
      city.tenant.slug,
      { participantId: weak },
    );
    expect(english).toMatchObject({ ok: false, message: "Attended 2 of 5 training days; passing needs at least 4 days (75%)." });
    expect(await t.withTenant(city.tenant.id, (tx) => tx.trainingParticipant.findFirst({ where: { id: weak } }))).toMatchObject({ completion: "ENROLLED" });
    expect(await t.withTenant(city.tenant.id, (tx) => tx.trainingFollowUp.count({ where: { participantId: weak } }))).toBe(0);

    await ok(city, city.staff, completeParticipantDefinition, { participantId: strong, certificateNo: "DISNAKER/2024/009" });
    expect(await t.withTenant(city.tenant.id, (tx) => tx.trainingParticipant.findFirst({ where: { id: strong } }))).toMatchObject({ completion: "COMPLETED" });
  });

  it("a grid that would leave a graduate below the threshold is refused, naming the days", async () => {
    const city = await newCity();
    const trainingId = await newTraining(city);
    const graduate = await addPerson(city, trainingId);
    await attend(city, trainingId, { [graduate]: FIVE_DAYS });
    await ok(city, city.staff, completeParticipantDefinition, { participantId: graduate });
    const untick = await attend(city, trainingId, { [graduate]: FIVE_DAYS.slice(0, 3) });
    expect(untick).toMatchObject({
      ok: false,
      code: "INVALID",
      message: "Hadir 3 dari 5 hari pelatihan; untuk lulus perlu hadir paling sedikit 4 hari (75%).",
    });
    const kept = await t.withTenant(city.tenant.id, (tx) => tx.trainingAttendance.count({ where: { participantId: graduate, present: true } }));
    expect(kept).toBe(5);
    expect(await attend(city, trainingId, { [graduate]: FIVE_DAYS.slice(1) })).toMatchObject({ ok: true });

    // A graduate recorded before the rule, with no days at all, does not hold up a grid that takes nothing from them.
    const early = await addPerson(city, trainingId);
    await t.withTenant(city.tenant.id, (tx) =>
      tx.trainingParticipant.update({ where: { tenantId_id: { tenantId: city.tenant.id, id: early } }, data: { completion: "COMPLETED" } }),
    );
    expect(await attend(city, trainingId, { [graduate]: FIVE_DAYS })).toMatchObject({ ok: true });
  });
});

/** A participant who passed, with follow-ups answered as given (3- then 6-month). */
async function graduate(city: City, trainingId: string, outcomes: readonly (string | null)[], person?: { memberId: string }) {
  const id = await addPerson(city, trainingId, person);
  await t.withTenant(city.tenant.id, (tx) =>
    tx.trainingAttendance.createMany({ data: FIVE_DAYS.map((day) => ({ tenantId: city.tenant.id, participantId: id, date: new Date(day), present: true })) }),
  );
  await ok(city, city.staff, completeParticipantDefinition, { participantId: id });
  const followUps = await t.withTenant(city.tenant.id, (tx) => tx.trainingFollowUp.findMany({ where: { participantId: id }, orderBy: { monthsAfter: "asc" } }));
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome) await ok(city, city.staff, recordFollowUpDefinition, { followUpId: followUps[i]!.id, outcome });
  }
  return id;
}

describe("outcomes are shown with the training and on the household timeline", () => {
  it("each participant row carries its latest outcome or the follow-up it waits for; the summary counts verified graduates", async () => {
    const city = await newCity();
    const trainingId = await newTraining(city);
    const opened = await graduate(city, trainingId, ["NEITHER", "BUSINESS_OPENED"]);
    const employed = await graduate(city, trainingId, ["EMPLOYED"]);
    const waiting = await graduate(city, trainingId, []);
    const enrolled = await addPerson(city, trainingId);
    const draftGraduate = await graduate(city, trainingId, ["EMPLOYED"]);
    await ok(city, city.head, verifyTrainingsDefinition, { ids: trainingId });
    await ok(city, city.head, verifyParticipantsDefinition, { ids: [opened, employed, waiting, enrolled] });

    const rows = await t.withTenant(city.tenant.id, (tx) => trainingParticipants(tx, trainingId));
    const state = (id: string) => rows.find((row) => row.id === id)!.followUp;
    expect(state(opened)).toEqual({ latest: { outcome: "BUSINESS_OPENED", monthsAfter: 6 }, next: null });
    expect(state(employed)).toEqual({ latest: { outcome: "EMPLOYED", monthsAfter: 3 }, next: { monthsAfter: 6, dueDate: new Date("2024-09-08") } });
    expect(state(waiting)).toEqual({ latest: null, next: { monthsAfter: 3, dueDate: new Date("2024-06-08") } });
    expect(state(enrolled)).toEqual({ latest: null, next: null });
    expect(state(draftGraduate).latest).toEqual({ outcome: "EMPLOYED", monthsAfter: 3 });

    expect(outcomeSummary(rows)).toEqual({ graduates: 3, BUSINESS_OPENED: 1, EMPLOYED: 1, NEITHER: 0, awaiting: 1 });
  });

  it("the household timeline shows each training with its completion and outcome", async () => {
    const city = await newCity();
    const person = await newPerson(city, "Baiq Sumarni");
    const sewing = await newTraining(city);
    await graduate(city, sewing, ["EMPLOYED", "BUSINESS_OPENED"], person);
    const barista = await newTraining(city, { skill: "Barista", startDate: "2024-05-06", endDate: "2024-05-10" });
    await addPerson(city, barista, person);

    const { entries } = await t.withTenant(city.tenant.id, (tx) => getHouseholdTimeline(tx, person.householdId));
    expect(entries).toEqual([
      expect.objectContaining({ kind: "training", skill: "Barista", completion: "ENROLLED", followUp: { latest: null, next: null } }),
      expect.objectContaining({
        kind: "training",
        skill: "Menjahit",
        completion: "COMPLETED",
        followUp: { latest: { outcome: "BUSINESS_OPENED", monthsAfter: 6 }, next: null },
      }),
    ]);
  });
});

describe("the follow-up list is filtered and paged", () => {
  /** `count` graduates of a training, each with a 3- and a 6-month follow-up, written directly. */
  async function graduates(city: City, trainingId: string, count: number, endDate: string) {
    return t.withTenant(city.tenant.id, async (tx) => {
      const household = await createTestHousehold(tx, city.tenant);
      const tag = `${Date.now()}${(serial += 1)}`;
      await tx.member.createMany({
        data: Array.from({ length: count }, (_, i) => ({
          tenantId: city.tenant.id,
          id: `m${tag}x${i}`,
          householdId: household.id,
          nik: `5271${tag.slice(-8)}${String(i).padStart(4, "0")}`,
          name: `Anggota ${i}`,
          sex: "MALE" as const,
          birthDate: new Date("1990-01-01"),
          relation: "CHILD" as const,
        })),
      });
      await tx.trainingParticipant.createMany({
        data: Array.from({ length: count }, (_, i) => ({
          tenantId: city.tenant.id,
          id: `p${tag}x${i}`,
          trainingId,
          householdId: household.id,
          memberId: `m${tag}x${i}`,
          completion: "COMPLETED" as const,
          status: "VERIFIED" as const,
        })),
      });
      const end = new Date(`${endDate}T00:00:00Z`);
      const plus = (months: number) => new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + months, end.getUTCDate()));
      await tx.trainingFollowUp.createMany({
        data: Array.from({ length: count }, (_, i) =>
          [3, 6].map((monthsAfter) => ({ tenantId: city.tenant.id, participantId: `p${tag}x${i}`, monthsAfter, dueDate: plus(monthsAfter) })),
        ).flat(),
      });
      return Array.from({ length: count }, (_, i) => `p${tag}x${i}`);
    });
  }

  it("pages through every unanswered follow-up with the total, and filters by training, due month and answered", async () => {
    const city = await newCity();
    const sewing = await newTraining(city);
    const barista = await newTraining(city, { skill: "Barista", startDate: "2024-04-01", endDate: "2024-04-05" });
    await graduates(city, sewing, 70, "2024-03-08");
    await graduates(city, barista, 30, "2024-04-05");
    const scope = programmeScope(city.staff);
    const today = "2025-01-31";
    const page = (filter: Parameters<typeof followUpPage>[1]["filter"]) => t.withTenant(city.tenant.id, (tx) => followUpPage(tx, { scope, today, filter }));

    // All 200 due and unanswered, page by page, none twice.
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const result = await page({ state: "open", after });
      expect(result.total).toBe(200);
      for (const row of result.rows) seen.add(row.id);
      pages += 1;
      if (!result.nextAfter) break;
      expect(result.rows).toHaveLength(FOLLOW_UP_PAGE_SIZE);
      after = result.nextAfter;
    }
    expect(seen.size).toBe(200);
    expect(pages).toBe(Math.ceil(200 / FOLLOW_UP_PAGE_SIZE));
    const second = await page({ state: "open", after: (await page({ state: "open" })).nextAfter! });
    const back = await page({ state: "open", before: second.prevBefore! });
    expect(back.rows.map((row) => row.id)).toEqual((await page({ state: "open" })).rows.map((row) => row.id));
    expect(back.prevBefore).toBeNull();

    expect((await page({ state: "open", trainingId: barista })).total).toBe(60);
    // Due in June 2024: the sewing class's 3-month follow-ups (8 June).
    const june = await page({ state: "open", month: "2024-06" });
    expect(june.total).toBe(70);
    expect(june.rows.every((row) => row.monthsAfter === 3 && row.participant.training.id === sewing)).toBe(true);

    const first = june.rows[0]!;
    await ok(city, city.staff, recordFollowUpDefinition, { followUpId: first.id, outcome: "EMPLOYED" });
    expect((await page({ state: "open", month: "2024-06" })).total).toBe(69);
    const answered = await page({ state: "answered" });
    expect(answered).toMatchObject({ total: 1, rows: [expect.objectContaining({ id: first.id, outcome: "EMPLOYED" })] });
  });

  it("an OPD user sees only their own OPD whatever the URL names; a city-wide reader filters by OPD", async () => {
    const city = await newCity();
    const own = await newTraining(city);
    const { trainingId: foreign } = await ok<{ trainingId: string }>(city, city.otherStaff, createTrainingDefinition, {
      programmeId: city.otherProgramme,
      skill: "Cukli",
      startDate: "2024-03-04",
      endDate: "2024-03-06",
      place: "Sayang-sayang",
      capacity: "10",
    });
    await graduates(city, own, 3, "2024-03-08");
    await graduates(city, foreign, 2, "2024-03-06");
    const today = "2025-01-31";
    const list = (user: SessionUser, filter: Parameters<typeof followUpPage>[1]["filter"]) =>
      t.withTenant(city.tenant.id, (tx) => followUpPage(tx, { scope: programmeScope(user), today, filter }));

    expect((await list(city.staff, { state: "open", opdId: city.otherOpd })).total).toBe(6);
    expect((await list(city.staff, { state: "open", trainingId: foreign })).total).toBe(0);
    expect((await list(city.bapeda, { state: "open" })).total).toBe(10);
    expect((await list(city.bapeda, { state: "open", opdId: city.otherOpd })).total).toBe(4);

    const choices = (user: SessionUser, opdId?: string) => t.withTenant(city.tenant.id, (tx) => followUpTrainings(tx, { scope: programmeScope(user), opdId }));
    expect((await choices(city.staff, city.otherOpd)).map((training) => training.id)).toEqual([own]);
    expect((await choices(city.bapeda)).map((training) => training.id).sort()).toEqual([own, foreign].sort());
  });
});

describe("the follow-up page's query", () => {
  it("holds ids, a month and a status only; an OPD user's OPD comes from the session, never from the URL", async () => {
    const city = await newCity();
    const query = { opd: city.otherOpd, pelatihan: "abc123", bulan: "2024-06", status: "sudah", setelah: "cur1" };
    expect(followUpFilterOf(query, programmeScope(city.bapeda))).toEqual({
      state: "answered",
      opdId: city.otherOpd,
      trainingId: "abc123",
      month: "2024-06",
      after: "cur1",
      before: undefined,
    });
    expect(followUpFilterOf(query, programmeScope(city.staff)).opdId).toBeUndefined();
    expect(followUpFilterOf({ bulan: "2024-13", status: "semua", pelatihan: "Baiq Sumarni" }, programmeScope(city.bapeda))).toEqual({
      state: "open",
      opdId: undefined,
      trainingId: undefined,
      month: undefined,
      after: undefined,
      before: undefined,
    });
    const filter = followUpFilterOf(query, programmeScope(city.bapeda));
    expect(followUpQuery(filter, { before: "cur0" })).toEqual({
      status: "sudah",
      opd: city.otherOpd,
      pelatihan: "abc123",
      bulan: "2024-06",
      setelah: undefined,
      sebelum: "cur0",
    });
  });
});

describe("a draft participant is returned with a note", () => {
  it("the head returns a draft participant; the clerk reads the note on the row until resubmitting", async () => {
    const city = await newCity();
    const trainingId = await newTraining(city);
    const draft = await addPerson(city, trainingId);
    await ok(city, city.head, participantReturnDefinitions.return, { participantId: draft, note: "NIK tidak cocok dengan KTP, periksa lagi" });

    const rows = await t.withTenant(city.tenant.id, (tx) => trainingParticipants(tx, trainingId));
    expect(rows[0]).toMatchObject({ id: draft, returnNote: "NIK tidak cocok dengan KTP, periksa lagi", returnedByName: "Kepala Disnaker" });
    expect(rows[0]!.returnedAt).toBeInstanceOf(Date);

    await ok(city, city.staff, participantReturnDefinitions.resubmit, { participantId: draft });
    expect((await t.withTenant(city.tenant.id, (tx) => trainingParticipants(tx, trainingId)))[0]).toMatchObject({ returnNote: null });
  });
});
