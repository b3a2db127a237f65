// Outcome follow-up 3 and 6 months after a training: two rows are made
// when a participant completes, due that long after the training's last day.
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { notFound, stale } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import type { TrainingOutcome } from "@/lib/generated/prisma/enums";
import { writerOpdId } from "@/lib/auth/scope";
import { cityToday } from "@/lib/calendar/city-today";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;

export const FOLLOW_UP_MONTHS = [3, 6] as const;

/** `months` after a date (UTC calendar); 31 August + 6 months is the last day of February. */
export function followUpDueDate(endDate: Date, months: number): Date {
  const year = endDate.getUTCFullYear();
  const month = endDate.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(endDate.getUTCDate(), lastDay)));
}

/** Makes the 3- and 6-month follow-ups of a participant who completed; existing ones stay. */
export async function createFollowUps(tx: Tx, tenantId: string, participantId: string, endDate: Date) {
  await tx.trainingFollowUp.createMany({
    data: FOLLOW_UP_MONTHS.map((monthsAfter) => ({ tenantId, participantId, monthsAfter, dueDate: followUpDueDate(endDate, monthsAfter) })),
    skipDuplicates: true,
  });
}

export async function recordFollowUp(
  { tx, tenantId, user }: Ctx,
  input: { followUpId: string; outcome: TrainingOutcome; note: string | null },
  clock: { now?: Date } = {},
) {
  const followUp = await tx.trainingFollowUp.findFirst({
    where: { id: input.followUpId, participant: { training: { opdId: writerOpdId(user) } } },
    select: { id: true, dueDate: true, participant: { select: { completion: true, trainingId: true } } },
  });
  if (!followUp) throw notFound("Tindak lanjut");
  if (followUp.participant.completion === "DROPPED") throw wordedError("CONFLICT", "Trainings.errors.participantWithdrawn");
  if (followUp.dueDate > (await cityToday(tx, tenantId, clock.now))) {
    throw wordedFieldError("INVALID", "outcome", "Trainings.errors.followUpNotDue");
  }
  // Answered once: the form lists only unanswered follow-ups, and a second answer from a list
  // loaded before the first would silently replace it.
  const { count } = await tx.trainingFollowUp.updateMany({
    where: { id: followUp.id, outcome: null },
    data: { outcome: input.outcome, note: input.note, recordedById: user.id, recordedAt: clock.now ?? new Date() },
  });
  if (count === 0) throw stale();
  return { followUpId: followUp.id, trainingId: followUp.participant.trainingId };
}
