// TrainingTally, TrainingFollowUpTally and the follow-ups' OPD (prisma/sql/summaries/
// training-tallies.sql) against a recount from the participants, attendance, follow-ups,
// trainings and programmes, after random multi-row statements: the training commands of the
// dashboard's counts, plus attendance recorded and removed, certificates, follow-ups due in
// other months, and programmes moved to another OPD.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { runTrainingCommand, trainingCommand, type TrainingCommand } from "./training-commands";
import { attempt, inDiscardedWorld, index, indices, pick, picks, runs, type World } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const keptTrainings = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT "trainingId", enrolled, verified, pending, completed, certificates, attended FROM "TrainingTally" ORDER BY 1`;
const recountTrainings = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT p."trainingId",
           (count(*) FILTER (WHERE p.completion <> 'DROPPED'))::int AS enrolled,
           (count(*) FILTER (WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED'))::int AS verified,
           (count(*) FILTER (WHERE p.status = 'DRAFT' AND p.completion <> 'DROPPED'))::int AS pending,
           (count(*) FILTER (WHERE p.status = 'VERIFIED' AND p.completion = 'COMPLETED'))::int AS completed,
           (count(*) FILTER (WHERE p.status = 'VERIFIED' AND p.completion = 'COMPLETED' AND p."certificateNo" IS NOT NULL))::int AS certificates,
           (count(DISTINCT a."participantId"))::int AS attended
      FROM "TrainingParticipant" p
      LEFT JOIN (SELECT DISTINCT "tenantId", "participantId" FROM "TrainingAttendance") a ON a."tenantId" = p."tenantId" AND a."participantId" = p.id
     GROUP BY 1 ORDER BY 1`;

const keptFollowUps = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT "opdId", month, open, "businessOpened", employed, neither FROM "TrainingFollowUpTally" ORDER BY 1, 2`;
const recountFollowUps = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT pr."opdId", date_trunc('month', f."dueDate")::date AS month,
           (count(*) FILTER (WHERE f.outcome IS NULL AND p.completion = 'COMPLETED' AND tr."cancelledAt" IS NULL))::int AS open,
           (count(*) FILTER (WHERE f.outcome = 'BUSINESS_OPENED'))::int AS "businessOpened",
           (count(*) FILTER (WHERE f.outcome = 'EMPLOYED'))::int AS employed,
           (count(*) FILTER (WHERE f.outcome = 'NEITHER'))::int AS neither
      FROM "TrainingFollowUp" f
      JOIN "TrainingParticipant" p ON p."tenantId" = f."tenantId" AND p.id = f."participantId"
      JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
      JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr.id = tr."programmeId"
     GROUP BY 1, 2
    HAVING count(*) FILTER (WHERE f.outcome IS NOT NULL OR (p.completion = 'COMPLETED' AND tr."cancelledAt" IS NULL)) > 0
     ORDER BY 1, 2`;
/** Follow-ups whose carried OPD is not their programme's. */
const opdOff = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT f.id FROM "TrainingFollowUp" f
      JOIN "TrainingParticipant" p ON p."tenantId" = f."tenantId" AND p.id = f."participantId"
      JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
      JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr.id = tr."programmeId"
     WHERE f."opdId" IS DISTINCT FROM pr."opdId"`;

async function expectEqualToRecount(tx: Tx) {
  expect(await keptTrainings(tx)).toEqual(await recountTrainings(tx));
  expect(await keptFollowUps(tx)).toEqual(await recountFollowUps(tx));
  expect(await opdOff(tx)).toEqual([]);
}

const participantIds = (tx: Tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TrainingParticipant" ORDER BY id`.then((r) => r.map((x) => x.id));
const day = fc.constantFrom("2024-03-01", "2024-03-02", "2024-03-03");
const due = fc.constantFrom("2024-06-15", "2024-06-30", "2024-07-01", "2024-09-20", "2025-01-31");

type TallyCommand =
  | { kind: "attend"; participants: number[]; day: string }
  | { kind: "unattend"; participants: number[]; day: string }
  | { kind: "certify"; participants: number[]; certified: boolean }
  | { kind: "followUpsDue"; participants: number[]; months: number; due: string }
  | { kind: "moveDue"; participants: number[]; due: string }
  | { kind: "moveProgrammes"; programmes: number[]; opd: number };

const tallyCommand: fc.Arbitrary<TallyCommand> = fc.oneof(
  fc.record({ kind: fc.constant("attend" as const), participants: indices, day }),
  fc.record({ kind: fc.constant("unattend" as const), participants: indices, day }),
  fc.record({ kind: fc.constant("certify" as const), participants: indices, certified: fc.boolean() }),
  fc.record({ kind: fc.constant("followUpsDue" as const), participants: indices, months: fc.constantFrom(3, 6, 12), due }),
  fc.record({ kind: fc.constant("moveDue" as const), participants: indices, due }),
  fc.record({ kind: fc.constant("moveProgrammes" as const), programmes: indices, opd: index }),
);

/** Each command is one SQL statement, so the triggers see every row of it at once. */
async function runTallyCommand(tx: Tx, w: World, c: TallyCommand) {
  await attempt(tx, async () => {
    const participants = picks(await participantIds(tx), c.kind === "moveProgrammes" ? [] : c.participants);
    switch (c.kind) {
      case "attend":
        return tx.$executeRawUnsafe(
          `INSERT INTO "TrainingAttendance" ("tenantId", id, "participantId", date, present)
             SELECT $1, gen_random_uuid()::text, p, $2::date, true FROM unnest($3::text[]) AS x(p) ON CONFLICT DO NOTHING`,
          w.tenantId,
          c.day,
          participants,
        );
      case "unattend":
        return tx.$executeRawUnsafe(
          `DELETE FROM "TrainingAttendance" WHERE "tenantId" = $1 AND date = $2::date AND "participantId" = ANY($3::text[])`,
          w.tenantId,
          c.day,
          participants,
        );
      case "certify":
        return tx.$executeRawUnsafe(
          `UPDATE "TrainingParticipant" SET "certificateNo" = CASE WHEN $2 THEN 'SERT-' || id END WHERE "tenantId" = $1 AND id = ANY($3::text[])`,
          w.tenantId,
          c.certified,
          participants,
        );
      case "followUpsDue":
        return tx.$executeRawUnsafe(
          `INSERT INTO "TrainingFollowUp" ("tenantId", id, "participantId", "monthsAfter", "dueDate")
             SELECT $1, gen_random_uuid()::text, p, $2, $3::date FROM unnest($4::text[]) AS x(p) ON CONFLICT DO NOTHING`,
          w.tenantId,
          c.months,
          c.due,
          participants,
        );
      case "moveDue":
        return tx.$executeRawUnsafe(
          `UPDATE "TrainingFollowUp" SET "dueDate" = $2::date WHERE "tenantId" = $1 AND "participantId" = ANY($3::text[])`,
          w.tenantId,
          c.due,
          participants,
        );
      case "moveProgrammes":
        return tx.$executeRawUnsafe(
          `UPDATE "Programme" SET "opdId" = $2 WHERE "tenantId" = $1 AND id = ANY($3::text[])`,
          w.tenantId,
          pick(w.opds, c.opd),
          picks(w.programmes, c.programmes),
        );
    }
  });
}

const command = fc.oneof(
  { arbitrary: trainingCommand.map((c) => ({ training: c })), weight: 3 },
  { arbitrary: tallyCommand.map((c) => ({ tally: c })), weight: 2 },
) as fc.Arbitrary<{ training: TrainingCommand } | { tally: TallyCommand }>;

describe("the training list's tallies", () => {
  it("follow a participant's attendance, certificate and graduation, and a follow-up's answer", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await inDiscardedWorld(t, city, 2, async (tx, w) => {
      const training = w.trainings[0] as string;
      const [a, b] = w.members as [World["members"][number], World["members"][number]];
      const enrol = (m: World["members"][number]) =>
        tx.trainingParticipant.create({ data: { tenantId: w.tenantId, trainingId: training, householdId: m.householdId, memberId: m.id } });
      const [pa] = [await enrol(a), await enrol(b)];
      const tally = () => tx.trainingTally.findFirst({ where: { trainingId: training } });
      expect(await tally()).toMatchObject({ enrolled: 2, pending: 2, verified: 0, attended: 0 });
      await tx.trainingAttendance.create({ data: { tenantId: w.tenantId, participantId: pa.id, date: new Date("2024-03-01"), present: true } });
      await tx.trainingParticipant.update({
        where: { tenantId_id: { tenantId: w.tenantId, id: pa.id } },
        data: { status: "VERIFIED", completion: "COMPLETED", certificateNo: "SERT-1" },
      });
      expect(await tally()).toMatchObject({ enrolled: 2, pending: 1, verified: 1, completed: 1, certificates: 1, attended: 1 });
      const followUp = await tx.trainingFollowUp.create({
        data: { tenantId: w.tenantId, participantId: pa.id, monthsAfter: 3, dueDate: new Date("2024-06-20") },
      });
      expect(followUp.opdId).toBe(w.opds[0]);
      const month = () => tx.trainingFollowUpTally.findFirst({ where: { opdId: w.opds[0], month: new Date("2024-06-01") } });
      expect(await month()).toMatchObject({ open: 1, businessOpened: 0 });
      await tx.trainingFollowUp.update({ where: { tenantId_id: { tenantId: w.tenantId, id: followUp.id } }, data: { outcome: "BUSINESS_OPENED" } });
      expect(await month()).toMatchObject({ open: 0, businessOpened: 1 });
      await expectEqualToRecount(tx);
    });
  });

  it("stay equal to a recount after random multi-row statements", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 16 }), (commands) =>
        inDiscardedWorld(t, city, 4, async (tx, w) => {
          for (const c of commands) {
            if ("training" in c) await runTrainingCommand(tx, w, c.training);
            else await runTallyCommand(tx, w, c.tally);
          }
          await expectEqualToRecount(tx);
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it("are rebuilt whole equal to what the triggers kept", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 12 }), (commands) =>
        inDiscardedWorld(t, city, 4, async (tx, w) => {
          for (const c of commands) {
            if ("training" in c) await runTrainingCommand(tx, w, c.training);
            else await runTallyCommand(tx, w, c.tally);
          }
          const [trainings, followUps] = [await keptTrainings(tx), await keptFollowUps(tx)];
          await tx.$executeRawUnsafe(`SELECT entas_training_tallies_rebuild($1)`, w.tenantId);
          expect(await keptTrainings(tx)).toEqual(trainings);
          expect(await keptFollowUps(tx)).toEqual(followUps);
        }),
      ),
      { numRuns: Math.max(5, Math.floor(runs / 3)) },
    );
  }, 240_000);
});
