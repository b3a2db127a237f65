// A participant passes (completion COMPLETED, "Lulus") only after attending at least a share of
// the training's days. The share is the city-wide rule of the job-training programmes; a day
// without an attendance row counts as absent. The rule is held both when completion is set and
// when attendance of a graduate is changed afterwards, so a graduate never falls below it.
import { createTranslator } from "next-intl";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import id from "@/messages/id";

/** The share of a training's days a participant attends to pass, in percent. */
export const PASS_ATTENDANCE_PERCENT = 75;

const words = createTranslator({ locale: "id", messages: id, namespace: "Trainings.errors" });

/** The days of a training of `days` days a participant attends to pass (75 % of 5 days is 4). */
export function daysNeededToPass(days: number): number {
  return Math.ceil((days * PASS_ATTENDANCE_PERCENT) / 100);
}

/** The refusal of a pass with too few days attended (words: Trainings.errors.attendanceShort). */
export function attendanceShort(attended: number, days: number): AppError {
  const params = { attended, days, needed: daysNeededToPass(days), percent: PASS_ATTENDANCE_PERCENT };
  return new AppError("INVALID", words("attendanceShort", params), undefined, { key: "Trainings.errors.attendanceShort", params });
}

/** Days from a training's first to its last, both counted. */
export function trainingDayCount(startDate: Date, endDate: Date): number {
  return Math.round((endDate.getTime() - startDate.getTime()) / 86_400_000) + 1;
}

/** Refuses a pass unless every participant named attended enough of the training's days. */
export async function assertAttendanceToPass(tx: Tx, training: { startDate: Date; endDate: Date }, participantIds: readonly string[]) {
  if (participantIds.length === 0) return;
  const days = trainingDayCount(training.startDate, training.endDate);
  const counts = await tx.trainingAttendance.groupBy({
    by: ["participantId"],
    where: { participantId: { in: [...participantIds] }, present: true, date: { gte: training.startDate, lte: training.endDate } },
    _count: { _all: true },
  });
  const attended = new Map(counts.map((row) => [row.participantId, row._count._all]));
  for (const participantId of participantIds) {
    const count = attended.get(participantId) ?? 0;
    if (count < daysNeededToPass(days)) throw attendanceShort(count, days);
  }
}
