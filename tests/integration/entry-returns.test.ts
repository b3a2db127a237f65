// "Kembalikan dengan catatan": the OPD head sends a draft back with a note, the clerk sees
// it and fixes the draft, the head verifies, and the history keeps both steps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributionReturnDefinitions, verifyDistributionsDefinition } from "@/features/aid/action-definitions";
import {
  createRealisationDefinition,
  realisationReturnDefinitions,
  updateRealisationDefinition,
  verifyRealisationsDefinition,
} from "@/features/budget/action-definitions";
import { lineEntries } from "@/features/budget/queries";
import {
  participantReturnDefinitions,
  trainingReturnDefinitions,
  verifyParticipantsDefinition,
  verifyTrainingsDefinition,
} from "@/features/trainings/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { entryHistory } from "@/lib/entries/history";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let staff: SessionUser;
let head: SessionUser;
let otherHead: SessionUser;
let line: string;
let programme: string;
let opd: string;
let household: string;
let members: string[];

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) =>
  runAction(actionDeps(t, user), definition, city.slug, submitted(input));
const year = new Date().getFullYear() - 1;
const digits = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`.padEnd(16, "7").slice(-16);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const tag = uniqueSuffix();
  let otherOpd = "";
  await read(async (tx) => {
    opd = (await tx.opd.create({ data: { tenantId: city.id, code: `2.${tag}`, name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
    otherOpd = (await tx.opd.create({ data: { tenantId: city.id, code: `1.${tag}`, name: "Dinas Sosial", shortName: "Dinsos" } })).id;
    programme = (await tx.programme.create({ data: { tenantId: city.id, opdId: opd, fiscalYear: year, name: `Pelatihan ${tag}`, kind: "TRAINING" } })).id;
    line = (
      await tx.budgetLine.create({ data: { tenantId: city.id, programmeId: programme, fundingSource: "APBD", description: "Belanja", pagu: 50_000_000n } })
    ).id;
    household = (
      await tx.household.create({
        data: { tenantId: city.id, noKk: digits(), address: `Jl. Uji ${tag}`, kecamatanId: city.kecamatanId, kelurahanId: city.kelurahanId, desil: 1 },
      })
    ).id;
    members = [];
    for (const relation of ["HEAD", "SPOUSE"] as const) {
      const member = await tx.member.create({
        data: {
          tenantId: city.id,
          householdId: household,
          nik: digits(),
          name: `Warga ${relation} ${tag}`,
          sex: "FEMALE",
          birthDate: new Date("1985-05-01"),
          relation,
        },
      });
      members.push(member.id);
    }
  });
  const person = (role: "OPD_STAFF" | "OPD_HEAD", name: string, opdId: string) =>
    read(async (tx) => {
      const user = await tx.user.create({ data: { tenantId: city.id, name, email: `${uniqueSuffix()}@kembali.test`, passwordHash: "x", role, opdId } });
      return sessionUser(city, role, { id: user.id, name, opdId });
    });
  staff = await person("OPD_STAFF", "Sari Pengisi", opd);
  head = await person("OPD_HEAD", "Budi Kepala", opd);
  otherHead = await person("OPD_HEAD", "Citra Kepala Lain", otherOpd);
});

afterAll(async () => {
  await t?.close();
});

const NOTE = "Nominal tidak sesuai kuitansi; periksa lagi SPJ bulan Maret.";

describe("returning a realisation draft with a note", () => {
  it("the clerk sees the note, fixes the draft, the head verifies, and the history shows both steps", async () => {
    const created = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "3", amount: "2000000", referenceNo: "SP2D/RETURN/1" });
    expect(created).toMatchObject({ ok: true });
    const realisationId = (created as { data: { realisationId: string } }).data.realisationId;

    const returned = await run(head, realisationReturnDefinitions.return, { realisationId, note: NOTE });
    expect(returned).toMatchObject({ ok: true });

    const [seen] = await read((tx) => lineEntries(tx, line));
    expect(seen).toMatchObject({ id: realisationId, status: "DRAFT", returnNote: NOTE, returnedByName: head.name });

    const fixed = await run(staff, updateRealisationDefinition, {
      realisationId,
      version: String(seen!.version),
      month: "3",
      amount: "1500000",
      referenceNo: "SP2D/RETURN/FIXED",
    });
    expect(fixed).toMatchObject({ ok: true });
    const [after] = await read((tx) => lineEntries(tx, line));
    expect(after).toMatchObject({ amount: 1_500_000n, returnNote: null, returnedAt: null });

    expect(await run(head, verifyRealisationsDefinition, { ids: [realisationId] })).toMatchObject({ ok: true, data: { verified: 1 } });

    const history = await read((tx) => entryHistory(tx, "BudgetRealisation", realisationId));
    expect(history.map((event) => event.kind)).toEqual(["created", "returned", "resubmitted", "verified"]);
    expect(history[1]).toMatchObject({ note: NOTE, userName: head.name });
    expect(history[2]).toMatchObject({ userName: staff.name });
  });

  it("a clerk's form opened before the return is refused as stale, so the note is not missed", async () => {
    const created = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "4", amount: "1000000", referenceNo: "SP2D/RETURN/2" });
    const realisationId = (created as { data: { realisationId: string } }).data.realisationId;
    await run(head, realisationReturnDefinitions.return, { realisationId, note: NOTE });
    const save = await run(staff, updateRealisationDefinition, { realisationId, version: "1", month: "4", amount: "900000", referenceNo: "SP2D/RETURN/2" });
    expect(save).toMatchObject({ ok: false, code: "STALE" });
  });

  it("requires a note of reasonable length, and only the head may return", async () => {
    const created = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "5", amount: "1000000", referenceNo: "SP2D/RETURN/3" });
    const realisationId = (created as { data: { realisationId: string } }).data.realisationId;
    for (const note of ["", "  ok ", "x".repeat(501)]) {
      const result = await run(head, realisationReturnDefinitions.return, { realisationId, note });
      expect(result, note).toMatchObject({ ok: false, code: "INVALID" });
      expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.note?.[0]).toBeTruthy();
    }
    expect(await run(staff, realisationReturnDefinitions.return, { realisationId, note: NOTE })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("another OPD's head cannot return it: not found, and nothing changes", async () => {
    const created = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "6", amount: "1000000", referenceNo: "SP2D/RETURN/4" });
    const realisationId = (created as { data: { realisationId: string } }).data.realisationId;
    expect(await run(otherHead, realisationReturnDefinitions.return, { realisationId, note: NOTE })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await read((tx) => tx.budgetRealisation.findFirst({ where: { id: realisationId } }))).toMatchObject({ returnNote: null });
  });

  it("a verified entry cannot be returned", async () => {
    const created = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "7", amount: "1000000", referenceNo: "SP2D/RETURN/5" });
    const realisationId = (created as { data: { realisationId: string } }).data.realisationId;
    await run(head, verifyRealisationsDefinition, { ids: [realisationId] });
    expect(await run(head, realisationReturnDefinitions.return, { realisationId, note: NOTE })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("the same mechanism for aid, trainings and participants", () => {
  it("returns each kind with a note, the clerk resubmits, the head verifies, another OPD's head gets not found", async () => {
    const ids = await read(async (tx) => {
      const training = await tx.training.create({
        data: {
          tenantId: city.id,
          programmeId: programme,
          opdId: opd,
          skill: "Menjahit",
          startDate: new Date(`${year}-04-01`),
          endDate: new Date(`${year}-04-03`),
          place: "Balai",
          capacity: 10,
        },
      });
      const verifiedTraining = await tx.training.create({
        data: {
          tenantId: city.id,
          programmeId: programme,
          opdId: opd,
          skill: "Membatik",
          startDate: new Date(`${year}-05-01`),
          endDate: new Date(`${year}-05-03`),
          place: "Balai",
          capacity: 10,
          status: "VERIFIED",
        },
      });
      const participant = await tx.trainingParticipant.create({
        data: { tenantId: city.id, trainingId: verifiedTraining.id, householdId: household, memberId: members[0]! },
      });
      const distribution = await tx.aidDistribution.create({
        data: {
          tenantId: city.id,
          programmeId: programme,
          opdId: opd,
          householdId: household,
          kind: "EQUIPMENT",
          items: "1 mesin jahit",
          value: 0n,
          distributedAt: new Date(`${year}-03-10`),
        },
      });
      return { training: training.id, participant: participant.id, distribution: distribution.id };
    });
    const cases = [
      {
        entity: "AidDistribution",
        field: "distributionId",
        id: ids.distribution,
        actions: distributionReturnDefinitions,
        verify: verifyDistributionsDefinition,
      },
      { entity: "Training", field: "trainingId", id: ids.training, actions: trainingReturnDefinitions, verify: verifyTrainingsDefinition },
      {
        entity: "TrainingParticipant",
        field: "participantId",
        id: ids.participant,
        actions: participantReturnDefinitions,
        verify: verifyParticipantsDefinition,
      },
    ] as const;
    for (const { entity, field, id, actions, verify } of cases) {
      expect(await run(otherHead, actions.return, { [field]: id, note: NOTE }), entity).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await run(head, actions.return, { [field]: id, note: NOTE }), entity).toMatchObject({ ok: true });
      expect(await run(otherHead, actions.resubmit, { [field]: id }), entity).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await run(staff, actions.resubmit, { [field]: id }), entity).toMatchObject({ ok: true });
      expect(await run(staff, actions.resubmit, { [field]: id }), entity).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(await run(head, verify, { ids: [id] }), entity).toMatchObject({ ok: true });
      const history = await read((tx) => entryHistory(tx, entity, id));
      expect(
        history.map((event) => event.kind),
        entity,
      ).toEqual(["returned", "resubmitted", "verified"]);
      expect(history[0]!.note, entity).toBe(NOTE);
    }
  });
});
