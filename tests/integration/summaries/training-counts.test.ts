// DashboardTrainingCount (prisma/sql/summaries/training-counts.sql) against a recount from the
// participants, follow-ups, trainings and households, after random multi-row statements.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { trainingCommand, runTrainingCommand } from "./training-commands";
import { buildWorld, inDiscardedWorld, runs, type World } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const kept = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT "programmeId", "kecamatanId", trained, businesses FROM "DashboardTrainingCount"
                           WHERE trained <> 0 OR businesses <> 0 ORDER BY 1, 2`;

/** Trained: completed verified participants of verified trainings not cancelled; businesses: those with a follow-up BUSINESS_OPENED. */
const recount = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`
    SELECT t."programmeId", h."kecamatanId",
           count(*) FILTER (WHERE p.completion = 'COMPLETED')::int AS trained,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                                           WHERE f."tenantId" = p."tenantId" AND f."participantId" = p.id
                                             AND f.outcome = 'BUSINESS_OPENED'))::int AS businesses
      FROM "TrainingParticipant" p
      JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
      JOIN "Household" h ON h."tenantId" = p."tenantId" AND h.id = p."householdId"
     WHERE p.status = 'VERIFIED' AND t.status = 'VERIFIED' AND t."cancelledAt" IS NULL
     GROUP BY 1, 2
    HAVING count(*) FILTER (WHERE p.completion = 'COMPLETED') > 0
        OR count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                                           WHERE f."tenantId" = p."tenantId" AND f."participantId" = p.id
                                             AND f.outcome = 'BUSINESS_OPENED')) > 0
     ORDER BY 1, 2`;

async function expectEqualToRecount(tenantId: string) {
  await t.withTenant(tenantId, async (tx) => expect(await kept(tx)).toEqual(await recount(tx)));
}

describe("the training counts", () => {
  it("count a business opened once when both of a participant's follow-ups are written in one statement", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const w = await t.withTenant(city.id, (tx) => buildWorld(tx, city));
    await t.withTenant(city.id, async (tx) => {
      const participants = [];
      for (const m of w.members) {
        participants.push(
          await tx.trainingParticipant.create({
            data: {
              tenantId: city.id,
              trainingId: w.trainings[0] as string,
              householdId: m.householdId,
              memberId: m.id,
              completion: "COMPLETED",
              status: "VERIFIED",
            },
          }),
        );
      }
      // The 3- and 6-month follow-ups of every participant, saved together.
      await tx.trainingFollowUp.createMany({
        data: participants.flatMap((p) =>
          [3, 6].map((monthsAfter) => ({
            tenantId: city.id,
            participantId: p.id,
            monthsAfter,
            dueDate: new Date("2024-09-20"),
            outcome: "BUSINESS_OPENED" as const,
          })),
        ),
      });
    });
    const businesses = () => t.withTenant(city.id, (tx) => tx.dashboardTrainingCount.aggregate({ _sum: { businesses: true } }).then((s) => s._sum.businesses));
    expect(await businesses()).toBe(w.members.length);
    await expectEqualToRecount(city.id);

    // Both withdrawn in one statement: the businesses go, once each.
    await t.withTenant(city.id, (tx) => tx.trainingFollowUp.deleteMany({ where: { participant: { householdId: w.households[0] } } }));
    expect(await businesses()).toBe(w.members.length - 2);
    await expectEqualToRecount(city.id);
  });

  it("count both of two transactions writing one programme and kecamatan at once", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    const w = await t.withTenant(city.id, (tx) => buildWorld(tx, city, 4));
    // Households 0 and 2 live in the same kecamatan; their heads join the same training.
    const [a, b] = [w.members[0], w.members[4]] as [World["members"][number], World["members"][number]];
    const training = w.trainings[0] as string;
    const join = (tx: Tx, m: World["members"][number]) =>
      tx.trainingParticipant.create({
        data: { tenantId: city.id, trainingId: training, householdId: m.householdId, memberId: m.id, completion: "COMPLETED", status: "VERIFIED" },
      });
    const opened = (tx: Tx, participantId: string) =>
      tx.trainingFollowUp.create({ data: { tenantId: city.id, participantId, monthsAfter: 3, dueDate: new Date("2024-09-20"), outcome: "BUSINESS_OPENED" } });
    /** The second writer starts once the first has written and holds its transaction open a while. */
    async function together<T>(first: (tx: Tx) => Promise<T>, second: (tx: Tx) => Promise<T>): Promise<[T, T]> {
      let written!: () => void;
      const firstWritten = new Promise<void>((resolve) => (written = resolve));
      return Promise.all([
        t.withTenant(city.id, async (tx) => {
          const result = await first(tx);
          written();
          await new Promise((resolve) => setTimeout(resolve, 400));
          return result;
        }),
        firstWritten.then(() => t.withTenant(city.id, second)),
      ]);
    }
    // No count row yet: both writers create it.
    const [pa, pb] = await together(
      (tx) => join(tx, a),
      (tx) => join(tx, b),
    );
    // The row exists: both writers update it.
    await together(
      (tx) => opened(tx, pa.id),
      (tx) => opened(tx, pb.id),
    );
    await t.withTenant(city.id, async (tx) => {
      expect(await kept(tx)).toEqual([expect.objectContaining({ trained: 2, businesses: 2 })]);
    });
    await expectEqualToRecount(city.id);
  });

  it("stay equal to a recount after random multi-row statements", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(trainingCommand, { minLength: 4, maxLength: 14 }), (commands) =>
        inDiscardedWorld(t, city, 4, async (tx, w) => {
          for (const c of commands) await runTrainingCommand(tx, w, c);
          expect(await kept(tx)).toEqual(await recount(tx));
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);
});
