// Attendance per day. The grid is saved whole: a ticked cell is present,
// an unticked one absent, for every participant still in the training and every day of it
// up to today. Only cells that change are written, so the audit log shows the real edits.
import type { ActionContext } from "@/lib/actions/define";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { wordedError } from "@/lib/errors/worded";
import { writerOpdId } from "@/lib/auth/scope";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { assertAttendanceToPass } from "./completion-rule";
import { findOwnTraining } from "./trainings";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;

/** Every day of a training, "YYYY-MM-DD". */
export function trainingDayList(startDate: Date, endDate: Date): string[] {
  const days: string[] = [];
  for (let t = startDate.getTime(); t <= endDate.getTime(); t += 86_400_000) days.push(dateToDay(new Date(t)));
  return days;
}

export async function recordAttendance(
  { tx, tenantId, user }: Ctx,
  input: { trainingId: string; version: number; present: string[] },
  clock: { now?: Date } = {},
) {
  const training = await findOwnTraining(tx, writerOpdId(user), input.trainingId);
  if (training.cancelledAt) throw wordedError("CONFLICT", "Trainings.errors.cancelled");
  const today = dateToDay(await cityToday(tx, tenantId, clock.now));
  const allDays = trainingDayList(training.startDate, training.endDate);
  const days = allDays.filter((day) => day <= today);
  const participants = await tx.trainingParticipant.findMany({
    where: { trainingId: training.id, completion: { not: "DROPPED" } },
    select: { id: true, completion: true },
  });
  const ids = new Set(participants.map((p) => p.id));
  const ticked = new Set(input.present);
  for (const cell of ticked) {
    const [participantId, day] = cell.split("|") as [string, string];
    if (!ids.has(participantId) || !allDays.includes(day)) throw wordedError("INVALID", "Trainings.errors.attendanceMismatch");
    if (day > today) throw wordedError("INVALID", "Trainings.errors.attendanceFuture");
  }
  // The grid is the training's: saving it moves the training's version, and a grid loaded
  // before someone else's save is refused rather than unticking what they ticked.
  await updateAtVersion(tx, "training", { where: { id: training.id }, version: input.version, data: {} });
  if (days.length === 0 || ids.size === 0) return { trainingId: training.id, changed: 0 };

  const existing = await tx.trainingAttendance.findMany({
    where: { participantId: { in: [...ids] }, date: { in: days.map(dayToDate) } },
    select: { id: true, participantId: true, date: true, present: true },
  });
  const known = new Map(existing.map((row) => [`${row.participantId}|${dateToDay(row.date)}`, row]));
  const toCreate: { tenantId: string; participantId: string; date: Date; present: boolean }[] = [];
  const toPresent: string[] = [];
  const toAbsent: string[] = [];
  /** Participants with a day turned from present to absent (a day without a row was absent already). */
  const lostDays = new Set<string>();
  for (const participantId of ids) {
    for (const day of days) {
      const key = `${participantId}|${day}`;
      const present = ticked.has(key);
      const row = known.get(key);
      if (!row) toCreate.push({ tenantId, participantId, date: dayToDate(day), present });
      else if (row.present !== present) (present ? toPresent : toAbsent).push(row.id);
      if (!present && row?.present === true) lostDays.add(participantId);
    }
  }
  if (toCreate.length) await tx.trainingAttendance.createMany({ data: toCreate, skipDuplicates: true });
  if (toPresent.length) await tx.trainingAttendance.updateMany({ where: { id: { in: toPresent } }, data: { present: true } });
  if (toAbsent.length) await tx.trainingAttendance.updateMany({ where: { id: { in: toAbsent } }, data: { present: false } });
  // A graduate keeps the attendance the pass was given for: unticking them below it is refused.
  // Only graduates whose days this grid takes away are checked, so fixing someone else's ticks
  // is not held up by a graduate recorded before the rule.
  const graduates = participants.filter((p) => p.completion === "COMPLETED" && lostDays.has(p.id)).map((p) => p.id);
  await assertAttendanceToPass(tx, training, graduates);
  return { trainingId: training.id, changed: toCreate.length + toPresent.length + toAbsent.length };
}
