// Training sessions. Staff and heads of the programme's own OPD enter
// drafts; the head verifies them; only verified, uncancelled trainings count. A verified
// training is never edited or deleted: it is cancelled with a recorded reason.
import { resubmitted } from "@/lib/entries/returns";
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { nextVersion, updateAtVersion } from "@/lib/db/versioned-update";
import { notFound } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import { assertAttendanceToPass } from "./completion-rule";
import { findOwnProgramme } from "@/features/programmes/programmes";
import { writerOpdId } from "@/lib/auth/scope";
import { dayToDate } from "@/lib/calendar/days";
import type { TrainingInput } from "./schemas";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
type Clock = { now?: Date };

/** A training of the writer's own OPD, or "not found". */
export async function findOwnTraining(tx: Tx, opdId: string, trainingId: string) {
  const training = await tx.training.findFirst({
    where: { id: trainingId, opdId },
    include: { programme: { select: { fiscalYear: true } } },
  });
  if (!training) throw notFound("Pelatihan");
  return training;
}

/** Sessions belong to their programme's fiscal year, as realisation months do. */
function assertInYear(input: TrainingInput, fiscalYear: number) {
  if (Number(input.startDate.slice(0, 4)) !== fiscalYear) {
    throw wordedFieldError("INVALID", "startDate", "Trainings.errors.startOutsideYear", { fiscalYear });
  }
}

const fields = (input: TrainingInput) => ({
  skill: input.skill,
  startDate: dayToDate(input.startDate),
  endDate: dayToDate(input.endDate),
  place: input.place,
  trainer: input.trainer,
  capacity: input.capacity,
});

export async function createTraining({ tx, tenantId, user }: Ctx, input: TrainingInput) {
  const opdId = writerOpdId(user);
  const programme = await findOwnProgramme(tx, opdId, input.programmeId);
  assertInYear(input, programme.fiscalYear);
  const training = await tx.training.create({
    data: { tenantId, programmeId: programme.id, opdId, createdById: user.id, ...fields(input) },
  });
  return { trainingId: training.id, programmeId: programme.id };
}

const changedMeanwhile = () => wordedError("CONFLICT", "Trainings.errors.justVerified");

export async function updateTraining({ tx, user }: Ctx, input: TrainingInput & { trainingId: string; version: number }) {
  const opdId = writerOpdId(user);
  const training = await findOwnTraining(tx, opdId, input.trainingId);
  if (training.status === "VERIFIED") {
    throw wordedError("CONFLICT", "Trainings.errors.verifiedNotChanged");
  }
  const programme = await findOwnProgramme(tx, opdId, input.programmeId);
  assertInYear(input, programme.fiscalYear);
  const enrolled = await tx.trainingParticipant.count({ where: { trainingId: training.id, completion: { not: "DROPPED" } } });
  if (input.capacity < enrolled) {
    throw wordedFieldError("INVALID", "capacity", "Trainings.errors.capacityBelowEnrolled", { enrolled });
  }
  await assertAttendanceWithin(tx, training.id, input);
  // Longer dates must not leave a graduate short of the days a pass needs.
  const graduates = await tx.trainingParticipant.findMany({ where: { trainingId: training.id, completion: "COMPLETED" }, select: { id: true } });
  await assertAttendanceToPass(
    tx,
    { startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate) },
    graduates.map((g) => g.id),
  );
  // Still a draft at the moment of writing: a head verifying meanwhile wins.
  await updateAtVersion(tx, "training", {
    where: { id: training.id, status: "DRAFT" },
    version: input.version,
    data: { programmeId: programme.id, ...fields(input), ...resubmitted },
  });
  return { trainingId: training.id, programmeId: programme.id };
}

/** Shorter dates must not strand recorded attendance outside them. */
async function assertAttendanceWithin(tx: Tx, trainingId: string, input: TrainingInput) {
  const outside = await tx.trainingAttendance.count({
    where: {
      participant: { trainingId },
      OR: [{ date: { lt: dayToDate(input.startDate) } }, { date: { gt: dayToDate(input.endDate) } }],
    },
  });
  if (outside > 0) {
    throw wordedFieldError("INVALID", "endDate", "Trainings.errors.attendanceOutsideDates");
  }
}

export async function deleteTraining({ tx, user }: Ctx, input: { trainingId: string }) {
  const training = await findOwnTraining(tx, writerOpdId(user), input.trainingId);
  if (training.status === "VERIFIED") {
    throw wordedError("CONFLICT", "Trainings.errors.verifiedNotDeleted");
  }
  const participants = await tx.trainingParticipant.count({ where: { trainingId: training.id } });
  if (participants > 0) throw wordedError("CONFLICT", "Trainings.errors.removeParticipantsFirst");
  const { count } = await tx.training.deleteMany({ where: { id: training.id, status: "DRAFT" } });
  if (count === 0) throw changedMeanwhile();
  return { trainingId: training.id, programmeId: training.programmeId };
}

/**
 * The OPD head verifies drafts of the OPD's own trainings, one or many. An id that is not a
 * training of the OPD makes the whole request "not found" and changes nothing.
 */
export async function verifyTrainings({ tx, user }: Ctx, input: { ids: string[] }, clock: Clock = {}) {
  const where = { id: { in: input.ids }, opdId: writerOpdId(user) };
  const found = await tx.training.count({ where });
  if (found < input.ids.length) throw notFound("Pelatihan");
  const { count } = await tx.training.updateMany({
    where: { ...where, status: "DRAFT" },
    data: { status: "VERIFIED", verifiedById: user.id, verifiedAt: clock.now ?? new Date(), ...nextVersion },
  });
  return { verified: count, alreadyVerified: input.ids.length - count, trainingIds: input.ids };
}

/** A verified training is withdrawn from the figures with a reason; its rows stay as a record. */
export async function cancelTraining({ tx, user }: Ctx, input: { trainingId: string; reason: string }, clock: Clock = {}) {
  const training = await findOwnTraining(tx, writerOpdId(user), input.trainingId);
  if (training.cancelledAt) throw wordedError("CONFLICT", "Trainings.errors.cancelled");
  if (training.status !== "VERIFIED") throw wordedError("CONFLICT", "Trainings.errors.draftNotCancelled");
  const { count } = await tx.training.updateMany({
    where: { id: training.id, cancelledAt: null },
    data: { cancelledAt: clock.now ?? new Date(), cancelReason: input.reason, ...nextVersion },
  });
  if (count === 0) throw wordedError("CONFLICT", "Trainings.errors.cancelled");
  return { trainingId: training.id, programmeId: training.programmeId };
}
