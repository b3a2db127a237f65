// Random multi-row statements on the entries of trainings: participants enrolled several at a
// time (several of one household), follow-ups saved together (several of one participant) or
// upserted, status and completion changes, moves to another training, deletions (their
// follow-ups go with them), trainings verified, cancelled or moved, households moved.
import fc from "fast-check";
import type { Tx } from "@/lib/db";
import { attempt, entryStatus, index, indices, pick, picks, type World } from "./world";

const participantIds = (tx: Tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TrainingParticipant" ORDER BY id`.then((r) => r.map((x) => x.id));
const outcome = fc.constantFrom("BUSINESS_OPENED", "BUSINESS_OPENED", "EMPLOYED", "NEITHER", null);

export type TrainingCommand =
  | { kind: "enrol"; rows: { member: number; training: number; status: string; completion: string }[] }
  | { kind: "followUps"; rows: { participant: number; months: number; outcome: string | null }[] }
  | { kind: "setOutcome"; participants: number[]; outcome: string | null }
  | { kind: "deleteFollowUps"; participants: number[] }
  | { kind: "setParticipants"; participants: number[]; status: string; completion: string }
  | { kind: "moveParticipants"; participants: number[]; training: number }
  | { kind: "deleteParticipants"; participants: number[] }
  | { kind: "setTrainings"; trainings: number[]; status: string; cancelled: boolean; programme: number; opd: number }
  | { kind: "moveHouseholds"; households: number[] };

const completion = fc.constantFrom("ENROLLED", "COMPLETED", "COMPLETED", "DROPPED");
export const trainingCommand: fc.Arbitrary<TrainingCommand> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("enrol" as const),
      rows: fc.array(fc.record({ member: index, training: index, status: entryStatus, completion }), { minLength: 1, maxLength: 8 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("followUps" as const),
      rows: fc.array(fc.record({ participant: index, months: fc.constantFrom(3, 6, 12), outcome }), { minLength: 1, maxLength: 8 }),
    }),
    weight: 4,
  },
  fc.record({ kind: fc.constant("setOutcome" as const), participants: indices, outcome }),
  fc.record({ kind: fc.constant("deleteFollowUps" as const), participants: indices }),
  fc.record({ kind: fc.constant("setParticipants" as const), participants: indices, status: entryStatus, completion }),
  fc.record({ kind: fc.constant("moveParticipants" as const), participants: indices, training: index }),
  fc.record({ kind: fc.constant("deleteParticipants" as const), participants: indices }),
  fc.record({ kind: fc.constant("setTrainings" as const), trainings: indices, status: entryStatus, cancelled: fc.boolean(), programme: index, opd: index }),
  fc.record({ kind: fc.constant("moveHouseholds" as const), households: indices }),
);

/** Each command is one SQL statement, so the triggers see every row of it at once. */
export async function runTrainingCommand(tx: Tx, w: World, c: TrainingCommand) {
  await attempt(tx, async () => {
    const participants = await participantIds(tx);
    switch (c.kind) {
      case "enrol": {
        const rows = c.rows.map((r) => {
          const member = w.members[r.member % w.members.length] as World["members"][number];
          return [member.id, member.householdId, pick(w.trainings, r.training), r.status, r.completion];
        });
        return tx.$executeRawUnsafe(
          `INSERT INTO "TrainingParticipant" ("tenantId", id, "memberId", "householdId", "trainingId", status, completion)
             SELECT $1, gen_random_uuid()::text, m, h, tr, s::"EntryStatus", c::"ParticipantCompletion"
               FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(m, h, tr, s, c)
             ON CONFLICT DO NOTHING`,
          w.tenantId,
          ...[0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i])),
        );
      }
      case "followUps": {
        const seen = new Map<string, [string, number, string | null]>();
        for (const r of c.rows) {
          const p = pick(participants, r.participant);
          if (p) seen.set(`${p}/${r.months}`, [p, r.months, r.outcome]);
        }
        const rows = [...seen.values()];
        if (!rows.length) return;
        return tx.$executeRawUnsafe(
          `INSERT INTO "TrainingFollowUp" ("tenantId", id, "participantId", "monthsAfter", "dueDate", outcome)
             SELECT $1, gen_random_uuid()::text, p, m, DATE '2024-09-20', o::"TrainingOutcome"
               FROM unnest($2::text[], $3::int[], $4::text[]) AS x(p, m, o)
             ON CONFLICT ("tenantId", "participantId", "monthsAfter") DO UPDATE SET outcome = EXCLUDED.outcome`,
          w.tenantId,
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
        );
      }
      case "setOutcome":
        return tx.$executeRawUnsafe(
          `UPDATE "TrainingFollowUp" SET outcome = $2::"TrainingOutcome" WHERE "tenantId" = $1 AND "participantId" = ANY($3::text[])`,
          w.tenantId,
          c.outcome,
          picks(participants, c.participants),
        );
      case "deleteFollowUps":
        return tx.$executeRawUnsafe(
          `DELETE FROM "TrainingFollowUp" WHERE "tenantId" = $1 AND "participantId" = ANY($2::text[])`,
          w.tenantId,
          picks(participants, c.participants),
        );
      case "setParticipants":
        return tx.$executeRawUnsafe(
          `UPDATE "TrainingParticipant" SET status = $2::"EntryStatus", completion = $3::"ParticipantCompletion"
              WHERE "tenantId" = $1 AND id = ANY($4::text[])`,
          w.tenantId,
          c.status,
          c.completion,
          picks(participants, c.participants),
        );
      case "moveParticipants":
        return tx.$executeRawUnsafe(
          `UPDATE "TrainingParticipant" SET "trainingId" = $2 WHERE "tenantId" = $1 AND id = ANY($3::text[])`,
          w.tenantId,
          pick(w.trainings, c.training),
          picks(participants, c.participants),
        );
      case "deleteParticipants":
        return tx.$executeRawUnsafe(
          `DELETE FROM "TrainingParticipant" WHERE "tenantId" = $1 AND id = ANY($2::text[])`,
          w.tenantId,
          picks(participants, c.participants),
        );
      case "setTrainings":
        return tx.$executeRawUnsafe(
          `UPDATE "Training" SET status = $2::"EntryStatus", "cancelledAt" = CASE WHEN $3 THEN now() END, "programmeId" = $4, "opdId" = $5
              WHERE "tenantId" = $1 AND id = ANY($6::text[])`,
          w.tenantId,
          c.status,
          c.cancelled,
          pick(w.programmes, c.programme),
          pick(w.opds, c.opd),
          picks(w.trainings, c.trainings),
        );
      case "moveHouseholds": {
        const [a, b] = w.areas as [World["areas"][number], World["areas"][number]];
        return tx.$executeRawUnsafe(
          `UPDATE "Household" SET "kecamatanId" = CASE WHEN "kecamatanId" = $2 THEN $4 ELSE $2 END,
                                    "kelurahanId" = CASE WHEN "kecamatanId" = $2 THEN $5 ELSE $3 END
              WHERE "tenantId" = $1 AND id = ANY($6::text[])`,
          w.tenantId,
          a.kecamatanId,
          a.kelurahanId,
          b.kecamatanId,
          b.kelurahanId,
          picks(w.households, c.households),
        );
      }
    }
  });
}
