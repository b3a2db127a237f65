// DashboardTrainingCount (prisma/sql/summaries/training-counts.sql) against a recount from the
// participants, follow-ups, trainings and households, after random multi-row statements.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { trainingCommand, runTrainingCommand } from "./training-commands";
import { buildWorld, inDiscardedWorld, runs } from "./world";

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
