import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { programmeScope } from "@/lib/auth/scope";
import {
  addParticipantDefinition,
  cancelTrainingDefinition,
  completeParticipantDefinition,
  createTrainingDefinition,
  deleteTrainingDefinition,
  recordAttendanceDefinition,
  recordFollowUpDefinition,
  removeParticipantDefinition,
  updateTrainingDefinition,
  verifyParticipantsDefinition,
  verifyTrainingsDefinition,
  withdrawParticipantDefinition,
} from "@/features/trainings/action-definitions";
import { findCandidates } from "@/features/trainings/candidates";
import { followUpDueDate } from "@/features/trainings/follow-ups";
import { trainingDayList } from "@/features/trainings/attendance";
import { followUpPage } from "@/features/trainings/follow-up-list";
import { dayToDate } from "@/lib/calendar/days";
import { programmeResults } from "@/features/trainings/programme-results";
import {
  getTraining,
  trainingFigures,
  trainingPage,
  trainingParticipants,
  trainingWhere,
  yearFigures,
  type TrainingFilter,
} from "@/features/trainings/queries";
import { getHouseholdTimeline } from "@/features/registry/household/timeline";
import { exportRoute } from "@/lib/spreadsheet/routes";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { participantExport } from "@/features/trainings/participant-export";
import { importParticipantsDefinition } from "@/features/trainings/participant-import";
import { generateNik } from "@/lib/identity/nik";
import { NUMBER_LOOKUP_POLICY } from "@/lib/privacy/number-lookup";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runTableImport } from "@/tests/helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let disnaker: string;
let dinsos: string;
let programme: string;
let dinsosProgramme: string;
let staff: SessionUser;
let head: SessionUser;
let dinsosStaff: SessionUser;
let dinsosHead: SessionUser;
let stranger: SessionUser;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, slug = city.slug) =>
  runAction(actionDeps(t, user), definition, slug, submitted(input));
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  [disnaker, dinsos] = await read(async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id,
  ]);
  [programme, dinsosProgramme] = await read(async (tx) => [
    (await tx.programme.create({ data: { tenantId: city.id, opdId: disnaker, fiscalYear: 2024, name: "Pelatihan Kerja", kind: "TRAINING" } })).id,
    (await tx.programme.create({ data: { tenantId: city.id, opdId: dinsos, fiscalYear: 2024, name: "Jaring Sosial", kind: "TRAINING" } })).id,
  ]);
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker });
  head = sessionUser(city, "OPD_HEAD", { id: "kepala-disnaker", opdId: disnaker });
  dinsosStaff = sessionUser(city, "OPD_STAFF", { id: "staf-dinsos", opdId: dinsos });
  dinsosHead = sessionUser(city, "OPD_HEAD", { id: "kepala-dinsos", opdId: dinsos });
  const otherOpd = await t.withTenant(otherCity.id, (tx) =>
    tx.opd.create({ data: { tenantId: otherCity.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }),
  );
  stranger = sessionUser(otherCity, "OPD_HEAD", { id: "kepala-lain", opdId: otherOpd.id });
});

afterAll(async () => {
  await t?.close();
});

let serial = 0;
/** A person in a new household of the city. */
async function newPerson(options: { desil?: number; extreme?: boolean; name?: string; birthDate?: string } = {}) {
  serial += 1;
  return read(async (tx) => {
    const household = await createTestHousehold(tx, city, { desil: options.desil ?? 3, isExtremePoor: options.extreme ?? false });
    const member = await tx.member.create({
      data: {
        tenantId: city.id,
        householdId: household.id,
        nik: `52710155${String(Date.now()).slice(-4)}${String(serial).padStart(4, "0")}`,
        name: options.name ?? `Peserta ${serial}`,
        sex: "FEMALE",
        birthDate: new Date(options.birthDate ?? "1990-05-01"),
        relation: "HEAD",
      },
    });
    return { memberId: member.id, householdId: household.id, nik: member.nik, noKk: household.noKk };
  });
}

const trainingInput = (overrides: Record<string, unknown> = {}) => ({
  programmeId: programme,
  skill: "Menjahit",
  startDate: "2024-03-04",
  endDate: "2024-03-06",
  place: "BLK Mataram",
  trainer: "Ibu Rahmi",
  capacity: "10",
  ...overrides,
});

async function ok<T = Record<string, string>>(user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) {
  const result = await run(user, definition, input);
  if (!result.ok) throw new Error(`${definition.name}: ${result.code} ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return result.data as T;
}

const newTraining = async (overrides: Record<string, unknown> = {}, user = staff) =>
  (await ok<{ trainingId: string }>(user, createTrainingDefinition, trainingInput(overrides))).trainingId;
const addPerson = async (trainingId: string, person?: { memberId: string }) =>
  (await ok<{ participantId: string }>(staff, addParticipantDefinition, { trainingId, memberId: (person ?? (await newPerson())).memberId })).participantId;
const training = (id: string) => read((tx) => tx.training.findFirst({ where: { id } }));
/** Every day of the participant's training attended, as a saved grid records it; gives back the id. */
async function attendAll(participantId: string) {
  await read(async (tx) => {
    const { training } = await tx.trainingParticipant.findFirstOrThrow({ where: { id: participantId }, select: { training: true } });
    const data = trainingDayList(training.startDate, training.endDate).map((day) => ({
      tenantId: city.id,
      participantId,
      date: dayToDate(day),
      present: true,
    }));
    await tx.trainingAttendance.createMany({ data, skipDuplicates: true });
  });
  return participantId;
}
const participant = (id: string) => read((tx) => tx.trainingParticipant.findFirst({ where: { id } }));

/**
 * Every action, each refused for another OPD, another city (both ways), and roles without
 * its permission, with nothing written; the allowed and invalid cases are below.
 */
describe("every action keeps to its own OPD, city and roles", () => {
  type Case = { definition: AnyActionDefinition; input: () => Promise<Record<string, unknown>>; writers: "entry:write" | "entry:verify" };
  const draftTraining = async () => ({ trainingId: await newTraining() });
  const draftParticipant = async () => ({ participantId: await addPerson(await newTraining()) });
  const attendedParticipant = async () => ({ participantId: await attendAll(await addPerson(await newTraining())) });
  const cases: Case[] = [
    { definition: createTrainingDefinition, input: async () => trainingInput(), writers: "entry:write" },
    {
      definition: updateTrainingDefinition,
      input: async () => ({ ...trainingInput({ skill: "Tata Boga" }), ...(await draftTraining()), version: 1 }),
      writers: "entry:write",
    },
    { definition: deleteTrainingDefinition, input: draftTraining, writers: "entry:write" },
    {
      definition: cancelTrainingDefinition,
      input: async () => {
        const id = await newTraining();
        await ok(head, verifyTrainingsDefinition, { ids: id });
        return { trainingId: id, reason: "Salah tanggal pelaksanaan" };
      },
      writers: "entry:write",
    },
    { definition: verifyTrainingsDefinition, input: async () => ({ ids: (await draftTraining()).trainingId }), writers: "entry:verify" },
    {
      definition: addParticipantDefinition,
      input: async () => ({ ...(await draftTraining()), memberId: (await newPerson()).memberId }),
      writers: "entry:write",
    },
    { definition: removeParticipantDefinition, input: draftParticipant, writers: "entry:write" },
    {
      definition: completeParticipantDefinition,
      input: async () => ({ ...(await attendedParticipant()), certificateNo: "SRT-1" }),
      writers: "entry:write",
    },
    {
      definition: withdrawParticipantDefinition,
      input: async () => ({ ...(await draftParticipant()), reason: "Pindah ke luar kota" }),
      writers: "entry:write",
    },
    {
      definition: verifyParticipantsDefinition,
      input: async () => {
        const id = await newTraining();
        await ok(head, verifyTrainingsDefinition, { ids: id });
        return { ids: await addPerson(id) };
      },
      writers: "entry:verify",
    },
    {
      definition: recordAttendanceDefinition,
      input: async () => {
        const id = await newTraining();
        const p = await addPerson(id);
        return { trainingId: id, version: 1, present: [`${p}|2024-03-04`] };
      },
      writers: "entry:write",
    },
    {
      definition: recordFollowUpDefinition,
      input: async () => {
        const { participantId } = await attendedParticipant();
        await ok(staff, completeParticipantDefinition, { participantId });
        const followUp = await read((tx) => tx.trainingFollowUp.findFirstOrThrow({ where: { participantId, monthsAfter: 3 } }));
        return { followUpId: followUp.id, outcome: "EMPLOYED" };
      },
      writers: "entry:write",
    },
  ];

  for (const { definition, input, writers } of cases) {
    it(`${definition.name}: allowed for its OPD, refused elsewhere`, async () => {
      const given = await input();
      const before = await read((tx) => tx.auditLog.count());
      const otherOpd = writers === "entry:verify" ? dinsosHead : dinsosStaff;
      // Creating names a programme: another OPD's programme is "not found" as well.
      expect(await run(otherOpd, definition, given), "another OPD").toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await run(head, definition, given, otherCity.slug), "another city's URL").toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await run(stranger, definition, given, otherCity.slug), "another city's user").toMatchObject({ ok: false });
      for (const role of ["BAPEDA", "AUDITOR", "MAYOR_OFFICE", "KELURAHAN", "CITY_ADMIN"] as const) {
        expect(await run(sessionUser(city, role), definition, given), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
      if (writers === "entry:verify") expect(await run(staff, definition, given), "staff").toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await run(sessionUser(city, "OPD_STAFF"), definition, given), "no OPD").toMatchObject({ ok: false });
      expect(await read((tx) => tx.auditLog.count()), "nothing written").toBe(before);

      expect(await run(writers === "entry:verify" ? head : staff, definition, given)).toMatchObject({ ok: true });
      expect(await read((tx) => tx.auditLog.count())).toBeGreaterThan(before);
    });
  }
});

describe("trainings", () => {
  it("a clerk's training is a draft with who entered it; bad input is refused in Indonesian", async () => {
    const id = await newTraining();
    expect(await training(id)).toMatchObject({
      opdId: disnaker,
      programmeId: programme,
      skill: "Menjahit",
      capacity: 10,
      status: "DRAFT",
      createdById: staff.id,
    });

    const bad = await run(staff, createTrainingDefinition, trainingInput({ skill: "", startDate: "2024-13-01", capacity: "0", place: "" }));
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    expect([fieldErrors(bad).skill?.[0], fieldErrors(bad).place?.[0], fieldErrors(bad).capacity?.[0]]).toEqual([
      "Isi keterampilan.",
      "Isi tempat.",
      "Kapasitas minimal 1 peserta.",
    ]);
    expect(fieldErrors(bad).startDate?.[0]).toBe("Isi tanggal dengan benar.");
    expect(fieldErrors(await run(staff, createTrainingDefinition, trainingInput({ endDate: "2024-03-01" }))).endDate).toEqual([
      "Tanggal selesai tidak boleh sebelum tanggal mulai.",
    ]);
    expect(fieldErrors(await run(staff, createTrainingDefinition, trainingInput({ startDate: "2025-01-02", endDate: "2025-01-03" }))).startDate).toEqual([
      "Tanggal mulai harus di tahun anggaran program (2024).",
    ]);
    expect(await run(staff, createTrainingDefinition, trainingInput({ programmeId: dinsosProgramme }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("a draft is edited and deleted; a verified training only cancelled with a reason, and then it stops counting", async () => {
    const id = await newTraining();
    await ok(staff, updateTrainingDefinition, { ...trainingInput({ skill: "Tata Rias", capacity: "12" }), trainingId: id, version: 1 });
    expect(await training(id)).toMatchObject({ skill: "Tata Rias", capacity: 12 });
    await ok(head, verifyTrainingsDefinition, { ids: id });
    expect(await run(staff, updateTrainingDefinition, { ...trainingInput(), trainingId: id, version: 3 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await run(staff, deleteTrainingDefinition, { trainingId: id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(fieldErrors(await run(staff, cancelTrainingDefinition, { trainingId: id, reason: "x" })).reason?.[0]).toMatch(/alasan/);

    const before = await read((tx) => programmeResults(tx, city.id, programme));
    await ok(staff, cancelTrainingDefinition, { trainingId: id, reason: "Dobel input dengan pelatihan lain" });
    expect(await training(id)).toMatchObject({ cancelReason: "Dobel input dengan pelatihan lain", status: "VERIFIED" });
    expect((await training(id))?.cancelledAt).toBeInstanceOf(Date);
    expect((await read((tx) => programmeResults(tx, city.id, programme))).training.trainings).toBe(before.training.trainings - 1);
    expect(await run(staff, cancelTrainingDefinition, { trainingId: id, reason: "Sekali lagi dibatalkan" })).toMatchObject({ code: "CONFLICT" });
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: (await newPerson()).memberId })).toMatchObject({ code: "CONFLICT" });

    const draft = await newTraining();
    await addPerson(draft);
    expect(await run(staff, deleteTrainingDefinition, { trainingId: draft })).toMatchObject({ code: "CONFLICT" });
    expect(await run(staff, cancelTrainingDefinition, { trainingId: draft, reason: "Tidak jadi dilaksanakan" })).toMatchObject({ code: "CONFLICT" });
  });

  it("the head verifies one or many of the OPD's own trainings; one foreign id and nothing changes", async () => {
    const ids = [await newTraining(), await newTraining(), await newTraining()];
    const foreign = await newTraining({ programmeId: dinsosProgramme }, dinsosStaff);
    expect(await run(head, verifyTrainingsDefinition, { ids: [...ids, foreign] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await read((tx) => tx.training.findMany({ where: { id: { in: ids } } }))).every((row) => row.status === "DRAFT")).toBe(true);
    expect(await run(head, verifyTrainingsDefinition, { ids: [] })).toMatchObject({ ok: false, code: "INVALID" });

    expect(await run(head, verifyTrainingsDefinition, { ids })).toMatchObject({ ok: true, data: { verified: 3, alreadyVerified: 0 } });
    expect(await training(ids[0]!)).toMatchObject({ status: "VERIFIED", verifiedById: head.id });
    expect(await run(head, verifyTrainingsDefinition, { ids: ids[0] })).toMatchObject({ ok: true, data: { verified: 0, alreadyVerified: 1 } });
    expect((await training(foreign))?.status).toBe("DRAFT");
  });

  it("lists trainings by scope: the OPD sees its own, Bapeda sees all; filters by programme and status", async () => {
    const own = await newTraining({ skill: "Sablon" });
    const foreign = await newTraining({ programmeId: dinsosProgramme, skill: "Kerajinan" }, dinsosStaff);
    const mine = await read(async (tx) => (await trainingPage(tx, { scope: programmeScope(staff), year: 2024 })).rows);
    expect(mine.map((row) => row.id)).toContain(own);
    expect(mine.map((row) => row.id)).not.toContain(foreign);
    const all = await read(async (tx) => (await trainingPage(tx, { scope: programmeScope(sessionUser(city, "BAPEDA")), year: 2024 })).rows);
    expect(all.map((row) => row.id)).toEqual(expect.arrayContaining([own, foreign]));
    const drafts = await read(async (tx) => (await trainingPage(tx, { scope: programmeScope(staff), year: 2024, status: "verified" })).rows);
    expect(drafts.map((row) => row.id)).not.toContain(own);
    expect(await read((tx) => getTraining(tx, programmeScope(staff), foreign))).toBeNull();
    expect(await read((tx) => getTraining(tx, programmeScope(sessionUser(city, "AUDITOR")), foreign))).not.toBeNull();
  });

  it("pages the list by key: every training once, forwards and back, with the total the filter finds and not only a page", async () => {
    // Four trainings starting the same day and more on others: the id breaks the ties.
    for (const startDate of ["2024-05-01", "2024-05-01", "2024-05-01", "2024-05-01", "2024-04-01", "2024-06-01"])
      await newTraining({ skill: "Halaman", startDate, endDate: startDate });
    const filter = { scope: programmeScope(staff), year: 2024 };
    const all = await read(async (tx) => (await trainingPage(tx, filter, {}, 1000)).rows.map((row) => row.id));
    const pages: string[][] = [];
    let page = await read((tx) => trainingPage(tx, filter, {}, 3));
    expect(page.total).toBe(all.length);
    expect(page.prevBefore).toBeNull();
    pages.push(page.rows.map((row) => row.id));
    while (page.nextAfter) {
      const after = page.nextAfter;
      page = await read((tx) => trainingPage(tx, filter, { after }, 3));
      expect(page.total).toBe(all.length);
      pages.push(page.rows.map((row) => row.id));
    }
    expect(pages.flat()).toEqual(all);
    expect(pages.length).toBe(Math.ceil(all.length / 3));
    // Back from the last page, page by page, to the first.
    const back: string[][] = [pages.at(-1)!];
    while (page.prevBefore) {
      const before = page.prevBefore;
      page = await read((tx) => trainingPage(tx, filter, { before }, 3));
      back.unshift(page.rows.map((row) => row.id));
    }
    expect(back.flat()).toEqual(all);
    // A cursor the filter does not find: the first page, said so.
    const lost = await read((tx) => trainingPage(tx, { ...filter, status: "cancelled" }, { after: all[0] }, 3));
    expect(lost.cursorLost).toBe(true);
  });
});

describe("participants", () => {
  it("adds people from the registry as drafts, within capacity, once each, of working age and active households", async () => {
    const id = await newTraining({ capacity: "2" });
    const person = await newPerson();
    const participantId = await addPerson(id, person);
    expect(await participant(participantId)).toMatchObject({
      memberId: person.memberId,
      householdId: person.householdId,
      status: "DRAFT",
      completion: "ENROLLED",
    });
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: person.memberId })).toMatchObject({ code: "CONFLICT" });
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: "" })).toMatchObject({ code: "INVALID" });
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: "nobody" })).toMatchObject({ code: "NOT_FOUND" });
    const child = await newPerson({ birthDate: "2015-01-01" });
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: child.memberId })).toMatchObject({ code: "INVALID" });
    const moved = await newPerson();
    await read((tx) => tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: moved.householdId } }, data: { status: "MOVED" } }));
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: moved.memberId })).toMatchObject({ code: "INVALID" });
    const died = await newPerson();
    await read((tx) =>
      tx.member.update({ where: { tenantId_id: { tenantId: city.id, id: died.memberId } }, data: { departure: "DIED", departedAt: new Date("2026-01-01") } }),
    );
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: died.memberId })).toMatchObject({ code: "INVALID" });
    await addPerson(id);
    const full = await run(staff, addParticipantDefinition, { trainingId: id, memberId: (await newPerson()).memberId });
    expect(full).toMatchObject({ ok: false, code: "CONFLICT", message: "Kapasitas pelatihan (2 peserta) sudah penuh." });
    // Another city's person is "not found" in this one.
    const foreignMember = await t.withTenant(otherCity.id, async (tx) => {
      const household = await createTestHousehold(tx, otherCity);
      return tx.member.create({
        data: {
          tenantId: otherCity.id,
          householdId: household.id,
          nik: "5271014101900999",
          name: "Orang Lain",
          sex: "MALE",
          birthDate: new Date("1980-01-01"),
          relation: "HEAD",
        },
      });
    });
    await ok(staff, removeParticipantDefinition, { participantId });
    expect(await run(staff, addParticipantDefinition, { trainingId: id, memberId: foreignMember.id })).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists masked numbers only", async () => {
    const id = await newTraining();
    const person = await newPerson();
    await addPerson(id, person);
    const [row] = await read((tx) => trainingParticipants(tx, id));
    expect(row?.nikMasked).toBe(`••••••••••••${person.nik.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(person.nik);
    expect(JSON.stringify(row)).not.toContain(person.noKk);
  });

  it("participants are verified after their training; a verified one is withdrawn with a reason, never deleted", async () => {
    const id = await newTraining();
    const [a, b] = [await addPerson(id), await addPerson(id)];
    expect(await run(head, verifyParticipantsDefinition, { ids: [a, b] })).toMatchObject({ ok: false, code: "CONFLICT" });
    await ok(head, verifyTrainingsDefinition, { ids: id });
    expect(await run(dinsosHead, verifyParticipantsDefinition, { ids: [a, b] })).toMatchObject({ code: "NOT_FOUND" });
    expect(await run(head, verifyParticipantsDefinition, { ids: [a, b] })).toMatchObject({ ok: true, data: { verified: 2, alreadyVerified: 0 } });
    expect(await participant(a)).toMatchObject({ status: "VERIFIED", verifiedById: head.id });

    expect(await run(staff, removeParticipantDefinition, { participantId: a })).toMatchObject({ code: "CONFLICT" });
    expect(fieldErrors(await run(staff, withdrawParticipantDefinition, { participantId: a, reason: "" })).reason?.[0]).toMatch(/alasan/);
    await ok(staff, withdrawParticipantDefinition, { participantId: a, reason: "Sakit, tidak dapat melanjutkan" });
    expect(await participant(a)).toMatchObject({ completion: "DROPPED", dropReason: "Sakit, tidak dapat melanjutkan", status: "VERIFIED" });
    expect(await run(staff, withdrawParticipantDefinition, { participantId: a, reason: "Sekali lagi keluar" })).toMatchObject({ code: "CONFLICT" });
    expect(await run(staff, completeParticipantDefinition, { participantId: a })).toMatchObject({ code: "CONFLICT" });
  });

  it("completion gives a certificate and the 3- and 6-month follow-ups, due from the training's last day", async () => {
    const id = await newTraining({ startDate: "2024-08-26", endDate: "2024-08-31" });
    const [a, b] = [await attendAll(await addPerson(id)), await attendAll(await addPerson(id))];
    await ok(staff, completeParticipantDefinition, { participantId: a, certificateNo: "DISNAKER/2024/001" });
    expect(await participant(a)).toMatchObject({ completion: "COMPLETED", certificateNo: "DISNAKER/2024/001" });
    const followUps = await read((tx) => tx.trainingFollowUp.findMany({ where: { participantId: a }, orderBy: { monthsAfter: "asc" } }));
    expect(followUps.map((f) => [f.monthsAfter, f.dueDate.toISOString().slice(0, 10)])).toEqual([
      [3, "2024-11-30"],
      [6, "2025-02-28"],
    ]);
    const clash = await run(staff, completeParticipantDefinition, { participantId: b, certificateNo: "DISNAKER/2024/001" });
    expect(fieldErrors(clash).certificateNo?.[0]).toMatch(/sudah dipakai/);
    expect(await run(staff, completeParticipantDefinition, { participantId: a })).toMatchObject({ code: "CONFLICT" });

    const future = await newTraining({
      programmeId: await futureProgramme(),
      startDate: `${new Date().getFullYear() + 1}-06-01`,
      endDate: `${new Date().getFullYear() + 1}-06-03`,
    });
    const early = await addPerson(future);
    expect(await run(staff, completeParticipantDefinition, { participantId: early })).toMatchObject({ code: "INVALID" });

    // Withdrawing takes the unanswered follow-ups away.
    await ok(staff, withdrawParticipantDefinition, { participantId: a, reason: "Data ganda dengan pelatihan lain" });
    expect(await read((tx) => tx.trainingFollowUp.count({ where: { participantId: a } }))).toBe(0);
  });
});

async function futureProgramme() {
  const year = new Date().getFullYear() + 1;
  return read(async (tx) => {
    const existing = await tx.programme.findFirst({ where: { opdId: disnaker, fiscalYear: year } });
    return (existing ?? (await tx.programme.create({ data: { tenantId: city.id, opdId: disnaker, fiscalYear: year, name: "Tahun Depan", kind: "TRAINING" } })))
      .id;
  });
}

describe("follow-up dates", () => {
  it("adds months on the calendar, keeping the day or the month's last day", () => {
    const due = (day: string, months: number) =>
      followUpDueDate(new Date(`${day}T00:00:00Z`), months)
        .toISOString()
        .slice(0, 10);
    expect(due("2024-03-06", 3)).toBe("2024-06-06");
    expect(due("2024-03-06", 6)).toBe("2024-09-06");
    expect(due("2024-11-30", 3)).toBe("2025-02-28");
    expect(due("2023-11-30", 3)).toBe("2024-02-29");
    expect(due("2024-10-15", 6)).toBe("2025-04-15");
  });

  it("lists due, unanswered follow-ups of the OPD; the outcome is recorded once due", async () => {
    const id = await newTraining();
    const p = await attendAll(await addPerson(id));
    await ok(staff, completeParticipantDefinition, { participantId: p });
    const dueFollowUps = async (scope: ReturnType<typeof programmeScope>, today: string) =>
      (await read((tx) => followUpPage(tx, { scope, today, filter: { state: "open" }, pageSize: 500 }))).rows;
    const due = await dueFollowUps(programmeScope(staff), "2024-06-10");
    expect(due.filter((f) => f.participant.id === p).map((f) => f.monthsAfter)).toEqual([3]);
    expect(await dueFollowUps(programmeScope(dinsosStaff), "2030-01-01")).toEqual([]);
    const [three, six] = await read((tx) => tx.trainingFollowUp.findMany({ where: { participantId: p }, orderBy: { monthsAfter: "asc" } }));

    expect(fieldErrors(await run(staff, recordFollowUpDefinition, { followUpId: three!.id, outcome: "RICH" })).outcome?.[0]).toBe("Pilih hasil tindak lanjut.");
    await ok(staff, recordFollowUpDefinition, { followUpId: three!.id, outcome: "BUSINESS_OPENED", note: "Warung jahit di rumah" });
    // A colleague answering the same follow-up from a list loaded before does not overwrite it.
    expect(await run(head, recordFollowUpDefinition, { followUpId: three!.id, outcome: "NEITHER" })).toMatchObject({ ok: false, code: "STALE" });
    expect(await read((tx) => tx.trainingFollowUp.findFirst({ where: { id: three!.id } }))).toMatchObject({
      outcome: "BUSINESS_OPENED",
      recordedById: staff.id,
    });
    const after = await dueFollowUps(programmeScope(staff), "2030-01-01");
    expect(after.filter((f) => f.participant.id === p).map((f) => f.monthsAfter)).toEqual([6]);
    const counted = await read((tx) => followUpPage(tx, { scope: programmeScope(staff), today: "2030-01-01", filter: { state: "open" } }));
    expect(counted.total).toBe(after.length);

    const future = await newTraining({
      programmeId: await futureProgramme(),
      startDate: `${new Date().getFullYear() + 1}-01-05`,
      endDate: `${new Date().getFullYear() + 1}-01-06`,
    });
    const q = await addPerson(future);
    await read((tx) => tx.trainingParticipant.update({ where: { tenantId_id: { tenantId: city.id, id: q } }, data: { completion: "COMPLETED" } }));
    await read((tx) =>
      tx.trainingFollowUp.create({ data: { tenantId: city.id, participantId: q, monthsAfter: 3, dueDate: new Date(`${new Date().getFullYear() + 1}-04-06`) } }),
    );
    const notYet = await read((tx) => tx.trainingFollowUp.findFirstOrThrow({ where: { participantId: q } }));
    expect(fieldErrors(await run(staff, recordFollowUpDefinition, { followUpId: notYet.id, outcome: "EMPLOYED" })).outcome?.[0]).toBe(
      "Tindak lanjut ini belum jatuh tempo.",
    );
    expect(six).toBeTruthy();
  });
});

describe("attendance", () => {
  it("saves the whole grid: ticked present, unticked absent, days within the training only", async () => {
    const id = await newTraining();
    const [a, b] = [await addPerson(id), await addPerson(id)];
    await ok(staff, recordAttendanceDefinition, { trainingId: id, version: 1, present: [`${a}|2024-03-04`, `${a}|2024-03-05`, `${b}|2024-03-04`] });
    const grid = async () =>
      (await read((tx) => tx.trainingAttendance.findMany({ where: { participantId: { in: [a, b] } } })))
        .map((row) => `${row.participantId === a ? "a" : "b"} ${row.date.toISOString().slice(0, 10)} ${row.present}`)
        .sort();
    expect(await grid()).toEqual([
      "a 2024-03-04 true",
      "a 2024-03-05 true",
      "a 2024-03-06 false",
      "b 2024-03-04 true",
      "b 2024-03-05 false",
      "b 2024-03-06 false",
    ]);
    // A colleague's grid loaded before the first save would untick a|2024-03-05: it is refused.
    expect(await run(head, recordAttendanceDefinition, { trainingId: id, version: 1, present: [`${a}|2024-03-04`] })).toMatchObject({ code: "STALE" });
    expect(await grid()).toContain("a 2024-03-05 true");
    const changed = await ok<{ changed: number }>(staff, recordAttendanceDefinition, {
      trainingId: id,
      version: 2,
      present: [`${a}|2024-03-04`, `${b}|2024-03-06`],
    });
    expect(changed.changed).toBe(3);
    expect(await grid()).toContain("b 2024-03-06 true");
    expect(await grid()).toContain("a 2024-03-05 false");
    expect(await run(staff, recordAttendanceDefinition, { trainingId: id, version: 3, present: [`${a}|2024-03-09`] })).toMatchObject({ code: "INVALID" });
    expect(await run(staff, recordAttendanceDefinition, { trainingId: id, version: 3, present: ["rubbish"] })).toMatchObject({ code: "INVALID" });
    const foreign = await addPerson(await newTraining());
    expect(await run(staff, recordAttendanceDefinition, { trainingId: id, version: 3, present: [`${foreign}|2024-03-04`] })).toMatchObject({ code: "INVALID" });
  });
});

describe("the prioritised picker", () => {
  it("extreme-poor first, then by desil, then those not reached this year; finds by NIK, No. KK and name", async () => {
    const year = 2024;
    const id = await newTraining({ skill: `Urutan ${Date.now()}` });
    const tag = `Urut${serial}`;
    const d5 = await newPerson({ desil: 5, name: `${tag} Lima` });
    const d2 = await newPerson({ desil: 2, name: `${tag} Dua` });
    const extreme4 = await newPerson({ desil: 4, extreme: true, name: `${tag} Ekstrem` });
    const d2reached = await newPerson({ desil: 2, name: `${tag} Dua Terjangkau` });
    // A member who died is no one's candidate.
    const died = await newPerson({ desil: 1, extreme: true, name: `${tag} Almarhum` });
    await read((tx) =>
      tx.member.update({ where: { tenantId_id: { tenantId: city.id, id: died.memberId } }, data: { departure: "DIED", departedAt: new Date("2024-01-01") } }),
    );
    // Reached: a verified participation in a verified training of the year.
    const done = await newTraining();
    const p = await addPerson(done, d2reached);
    await ok(head, verifyTrainingsDefinition, { ids: done });
    await ok(head, verifyParticipantsDefinition, { ids: p });

    const search = await read((tx) =>
      findCandidates(tx, { tenantId: city.id, training: { id, startDate: new Date(`${year}-03-04`), programme: { targetUnit: "HOUSEHOLD" } }, q: tag }),
    );
    expect(search.kind).toBe("list");
    const rows = search.kind === "list" ? search.rows : [];
    expect(rows.map((row) => row.name)).toEqual([`${tag} Ekstrem`, `${tag} Dua`, `${tag} Dua Terjangkau`, `${tag} Lima`]);
    expect(rows.map((row) => row.reached)).toEqual([false, false, true, false]);
    expect(JSON.stringify(rows)).not.toContain(d5.nik);

    // Numbers are not searched from the picker's URL.
    const byNik = await read((tx) =>
      findCandidates(tx, { tenantId: city.id, training: { id, startDate: new Date(`${year}-03-04`), programme: { targetUnit: "HOUSEHOLD" } }, q: d5.nik }),
    );
    expect(byNik.kind).toBe("numberNotHere");
    const byKk = await read((tx) =>
      findCandidates(tx, { tenantId: city.id, training: { id, startDate: new Date(`${year}-03-04`), programme: { targetUnit: "HOUSEHOLD" } }, q: d2.noKk }),
    );
    expect(byKk.kind).toBe("numberNotHere");
    expect(
      (
        await read((tx) =>
          findCandidates(tx, { tenantId: city.id, training: { id, startDate: new Date(), programme: { targetUnit: "HOUSEHOLD" } }, q: "5271" }),
        )
      ).kind,
    ).toBe("badNumber");

    // A participant already in the training is left out; so is the same person another year? No: reached is per year.
    await addPerson(id, extreme4);
    const again = await read((tx) =>
      findCandidates(tx, { tenantId: city.id, training: { id, startDate: new Date(`${year}-03-04`), programme: { targetUnit: "HOUSEHOLD" } }, q: tag }),
    );
    expect(again.kind === "list" && again.rows.map((row) => row.name)).toEqual([`${tag} Dua`, `${tag} Dua Terjangkau`, `${tag} Lima`]);
    const nextYear = await read((tx) =>
      findCandidates(tx, {
        tenantId: city.id,
        training: { id: done, startDate: new Date(`${year + 1}-03-04`), programme: { targetUnit: "HOUSEHOLD" } },
        q: `${tag} Dua`,
      }),
    );
    expect(nextYear.kind === "list" && nextYear.rows.every((row) => !row.reached)).toBe(true);
  });
});

describe("programme figures count only verified entries", () => {
  it("participants, completions, certificates and aid: drafts are pending, reversals and withdrawals subtract", async () => {
    const own = await read((tx) =>
      tx.programme.create({ data: { tenantId: city.id, opdId: disnaker, fiscalYear: 2024, name: `Angka ${Date.now()}`, kind: "TRAINING" } }),
    );
    const figures = () => read((tx) => programmeResults(tx, city.id, own.id));
    expect(await figures()).toEqual({
      training: { trainings: 0, participants: 0, completed: 0, certificates: 0, pendingTrainings: 0, pendingParticipants: 0 },
      aid: { distributions: 0, households: 0, value: 0n, pending: 0 },
    });
    const id = await newTraining({ programmeId: own.id });
    const [a, b, c] = [await attendAll(await addPerson(id)), await attendAll(await addPerson(id)), await addPerson(id)];
    await ok(staff, completeParticipantDefinition, { participantId: a, certificateNo: "C-1" });
    await ok(staff, completeParticipantDefinition, { participantId: b });
    expect(await figures()).toMatchObject({
      training: { trainings: 0, participants: 0, completed: 0, certificates: 0, pendingTrainings: 1, pendingParticipants: 3 },
    });

    await ok(head, verifyTrainingsDefinition, { ids: id });
    await ok(head, verifyParticipantsDefinition, { ids: [a, b] });
    expect(await figures()).toMatchObject({
      training: { trainings: 1, participants: 2, completed: 2, certificates: 1, pendingTrainings: 0, pendingParticipants: 1 },
    });
    await ok(head, verifyParticipantsDefinition, { ids: c });
    await ok(staff, withdrawParticipantDefinition, { participantId: b, reason: "Salah orang, data diperbaiki" });
    expect(await figures()).toMatchObject({ training: { participants: 2, completed: 1, certificates: 1, pendingParticipants: 0 } });

    const households = await Promise.all([newPerson(), newPerson()]);
    await read(async (tx) => {
      const base = {
        tenantId: city.id,
        programmeId: own.id,
        opdId: disnaker,
        kind: "EQUIPMENT" as const,
        items: "Mesin jahit",
        distributedAt: new Date("2024-04-01"),
      };
      const first = await tx.aidDistribution.create({ data: { ...base, householdId: households[0]!.householdId, value: 3_000_000n, status: "VERIFIED" } });
      await tx.aidDistribution.create({ data: { ...base, householdId: households[0]!.householdId, value: 1_000_000n, status: "VERIFIED" } });
      const reversed = await tx.aidDistribution.create({ data: { ...base, householdId: households[1]!.householdId, value: 2_000_000n, status: "VERIFIED" } });
      await tx.aidDistribution.create({
        data: { ...base, householdId: households[1]!.householdId, value: -2_000_000n, status: "VERIFIED", reversesId: reversed.id },
      });
      await tx.aidDistribution.create({ data: { ...base, householdId: households[1]!.householdId, value: 5_000_000n } });
      return first;
    });
    expect((await figures()).aid).toEqual({ distributions: 2, households: 1, value: 4_000_000n, pending: 1 });
  });

  it("the household timeline shows the training, with its status", async () => {
    const person = await newPerson();
    const id = await newTraining({ skill: "Barista" });
    await addPerson(id, person);
    const { entries } = await read((tx) => getHouseholdTimeline(tx, person.householdId));
    expect(entries).toEqual([expect.objectContaining({ kind: "training", skill: "Barista", completion: "ENROLLED", entryStatus: "DRAFT", cancelled: false })]);
    await ok(head, verifyTrainingsDefinition, { ids: id });
    await ok(staff, cancelTrainingDefinition, { trainingId: id, reason: "Tempat tidak tersedia" });
    const after = await read((tx) => getHouseholdTimeline(tx, person.householdId));
    expect(after.entries).toEqual([expect.objectContaining({ kind: "training", cancelled: true })]);
  });
});

describe("participant import and export", () => {
  const csv = (lines: string[]) => new File([lines.join("\r\n")], "peserta.csv", { type: "text/csv" });
  const upload = (user: SessionUser, file: File, mode: "dry-run" | "commit", slug = city.slug) => {
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    return runTableImport(t, actionDeps(t, user), importParticipantsDefinition, slug, form);
  };
  const report = async (user: SessionUser, file: File, mode: "dry-run" | "commit") => {
    const result = await upload(user, file, mode);
    if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
    return result.data as TableImportReport;
  };
  const reasons = (data: TableImportReport, row: number) => data.rejected.find((r) => r.rowNumber === row)?.reasons.join("; ") ?? "";

  it("a dry run writes nothing; a commit adds the valid rows as drafts and reports the rest by row", async () => {
    const id = await newTraining({ capacity: "3" });
    const foreign = await newTraining({ programmeId: dinsosProgramme }, dinsosStaff);
    const [a, b, c] = [await newPerson({ name: "Siti Aminah" }), await newPerson(), await newPerson()];
    const file = csv([
      "ID PELATIHAN,NIK,NAMA",
      `${id},${a.nik},siti  aminah`,
      `${id},${b.nik},`,
      `${id},${c.nik},Orang Lain`,
      `${id},5271,`,
      `${id},5271019999999999,`,
      `${foreign},${c.nik},`,
      `${id},${a.nik},`,
    ]);
    const dry = await report(staff, file, "dry-run");
    expect(dry).toMatchObject({ mode: "dry-run", total: 7, accepted: 2 });
    expect(await read((tx) => tx.trainingParticipant.count({ where: { trainingId: id } }))).toBe(0);

    const done = await report(staff, file, "commit");
    expect(done.accepted).toBe(2);
    expect(reasons(done, 4)).toMatch(/NAMA tidak sesuai/);
    expect(reasons(done, 5)).toMatch(/NIK harus 16 digit/);
    expect(reasons(done, 6)).toMatch(/tidak ditemukan/);
    expect(reasons(done, 7)).toMatch(/tidak ditemukan/);
    expect(reasons(done, 8)).toMatch(/sudah terdaftar/);
    const rows = await read((tx) => tx.trainingParticipant.findMany({ where: { trainingId: id } }));
    expect(rows.map((row) => row.memberId).sort()).toEqual([a.memberId, b.memberId].sort());
    expect(rows.every((row) => row.status === "DRAFT" && row.createdById === staff.id)).toBe(true);
  });

  it("cannot confirm a guessed NIK: a file of guesses is refused whole, dry run or not, and the uploader's number lookups are spent", async () => {
    const id = await newTraining({ skill: "Tebakan" });
    const target = await newPerson({ name: "Sasaran Tebakan" });
    const guesser = sessionUser(city, "OPD_STAFF", { id: `penebak-${city.slug}`, opdId: disnaker });
    const guesses = Array.from({ length: NUMBER_LOOKUP_POLICY.max + 5 }, (_, day) =>
      generateNik({ regionCode: "527101", birthDate: new Date(Date.UTC(1961, 0, 1 + day)), sex: "MALE", serial: Number(target.nik.slice(-4)) }),
    );
    const dry = await report(guesser, csv(["ID PELATIHAN,NIK", ...[...guesses, target.nik].map((nik) => `${id},${nik}`)]), "dry-run");
    expect(dry.accepted).toBe(0);
    expect(dry.rejected.every((row) => /Batas pencarian nomor/.test(row.reasons.join()))).toBe(true);
    expect(JSON.stringify(dry.rejected.map((row) => row.reasons))).not.toContain(target.nik.slice(0, 12));

    // The dry run counted: the true NIK alone is now refused too.
    const alone = await report(guesser, csv(["ID PELATIHAN,NIK,NAMA", `${id},${target.nik},Orang Lain`]), "commit");
    expect(alone).toMatchObject({ accepted: 0 });
    expect(reasons(alone, 2)).toMatch(/Batas pencarian nomor/);
    const audits = await read((tx) => tx.auditLog.findMany({ where: { userId: guesser.id, action: "registry.lookup" }, orderBy: { id: "asc" } }));
    expect(audits.map((a) => (a.after as { outcome: string }).outcome)).toEqual(["limited", "limited"]);
  });

  it("names no registry person in a rejected row: a NAMA that does not match is refused without the registry's name", async () => {
    const id = await newTraining({ skill: "Nama" });
    const person = await newPerson({ name: "Nama Rahasia" });
    const done = await report(staff, csv(["ID PELATIHAN,NIK,NAMA", `${id},${person.nik},Orang Lain`]), "dry-run");
    expect(reasons(done, 2)).toMatch(/NAMA tidak sesuai/);
    expect(reasons(done, 2)).not.toContain("Nama Rahasia");
  });

  it("refuses a file without its required columns, and roles or cities that may not write", async () => {
    const bad = await upload(staff, csv(["NAMA", "Siti"]), "commit");
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    expect(fieldErrors(bad).file?.[0]).toMatch(/ID PELATIHAN|NIK/);
    const file = csv(["ID PELATIHAN,NIK", `${await newTraining()},${(await newPerson()).nik}`]);
    expect(await upload(sessionUser(city, "BAPEDA"), file, "commit")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await upload(staff, file, "commit", otherCity.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await upload(sessionUser(city, "OPD_STAFF"), file, "commit")).toMatchObject({ ok: false });
  });

  it("exports the scope's participants with NIK and No. KK masked, and audits it", async () => {
    const id = await newTraining({ skill: "Ekspor" });
    const person = await newPerson({ name: "Nama Ekspor" });
    await addPerson(id, person);
    const foreign = await newTraining({ programmeId: dinsosProgramme }, dinsosStaff);
    const get = (user: SessionUser, query: string, slug = city.slug) =>
      callRoute(exportRoute(participantExport), routeDeps(t, user), `http://localhost/${slug}/pelatihan/ekspor?${query}`, { tenant: slug });

    const response = await get(staff, `format=csv&tahun=2024&pelatihan=${id}`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/ID PELATIHAN;OPD;PROGRAM;KETERAMPILAN/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Nama Ekspor");
    expect(lines[1]).not.toContain(person.nik);
    expect(lines[1]).not.toContain(person.noKk);
    expect(lines[1]).toContain(`••••••••••••${person.nik.slice(-4)}`);
    // Another OPD's training yields nothing for this clerk; Bapeda sees it.
    await addPerson(foreign, await newPerson()).catch(() => null);
    expect((await (await get(staff, `format=csv&pelatihan=${foreign}`)).text()).trim().split("\r\n")).toHaveLength(1);
    expect((await get(sessionUser(city, "AUDITOR"), "format=csv")).status).toBe(404);
    expect((await get(staff, "format=csv", otherCity.slug)).status).toBe(404);
    expect(await read((tx) => tx.auditLog.count({ where: { action: "export", entity: "TrainingParticipant", userId: staff.id } }))).toBe(2);
  });
});

describe("the list's year figures", () => {
  it("read in one statement what the figures of the year's trainings are, in every scope and filter", async () => {
    // Every test above left trainings of 2024 behind: drafts, verified, cancelled, returned, with participants.
    const returned = await newTraining({ skill: "Dikembalikan" });
    await read((tx) =>
      tx.training.update({ where: { tenantId_id: { tenantId: city.id, id: returned } }, data: { returnedAt: new Date(), returnNote: "Perbaiki" } }),
    );
    const bapeda = programmeScope(sessionUser(city, "BAPEDA"));
    const filters: TrainingFilter[] = [];
    for (const scope of [programmeScope(staff), programmeScope(dinsosStaff), bapeda, { kind: "opd" as const, opdId: null }]) {
      for (const kembali of [undefined, "0" as const, "1" as const]) filters.push({ scope, year: 2024, kembali });
    }
    filters.push({ scope: bapeda, year: 2024, opdId: disnaker }, { scope: bapeda, year: 2024, programmeId: programme }, { scope: bapeda, year: 2023 });
    let seen = 0;
    for (const filter of filters) {
      // The draft filter narrows the table, not the figures.
      const expected = await read((tx) => trainingFigures(tx, trainingWhere({ ...filter, kembali: undefined })));
      expect(await read((tx) => yearFigures(tx, filter)), JSON.stringify(filter)).toEqual(expected);
      seen += expected.trainings + expected.pendingTrainings;
    }
    expect(seen).toBeGreaterThan(0);
  });
});
