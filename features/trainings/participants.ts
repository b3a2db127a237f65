// Participants of a training: members of the registry, entered as drafts
// and verified by the OPD head. A draft is removed freely; a verified participant is never
// deleted but withdrawn (completion DROPPED) with a recorded reason, and stops counting.
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { wordedError, wordedFieldError, wordsMessage } from "@/lib/errors/worded";
import { writerOpdId } from "@/lib/auth/scope";
import { cityToday } from "@/lib/calendar/city-today";
import { MIN_PARTICIPANT_AGE, latestBirthDate } from "./candidates";
import { assertAttendanceToPass } from "./completion-rule";
import { createFollowUps } from "./follow-ups";
import { findOwnTraining } from "./trainings";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
type Clock = { now?: Date };

/** A participant of a training of the writer's own OPD, or "not found". */
async function findOwnParticipant(tx: Tx, opdId: string, participantId: string) {
  const participant = await tx.trainingParticipant.findFirst({
    where: { id: participantId, training: { opdId } },
    include: { training: { select: { id: true, startDate: true, endDate: true, cancelledAt: true, programmeId: true } } },
  });
  if (!participant) throw notFound("Peserta");
  return participant;
}

const cancelled = () => wordedError("CONFLICT", "Trainings.errors.cancelled");

export async function addParticipant({ tx, tenantId, user }: Ctx, input: { trainingId: string; memberId: string }) {
  const opdId = writerOpdId(user);
  // Serialises additions to one training, so two clerks cannot overfill it.
  await lockRow(tx, "Training", { tenantId, id: input.trainingId, opdId });
  const training = await findOwnTraining(tx, opdId, input.trainingId);
  if (training.cancelledAt) throw cancelled();
  const member = await tx.member.findFirst({
    where: { id: input.memberId },
    select: { id: true, householdId: true, birthDate: true, departedAt: true, household: { select: { status: true } } },
  });
  if (!member) throw notFound("Anggota keluarga");
  if (member.departedAt) {
    throw wordedError("INVALID", "Trainings.errors.memberGone", {}, { memberId: [wordsMessage("Trainings.errors.memberGoneField")] });
  }
  if (member.household.status !== "ACTIVE") {
    throw wordedError("INVALID", "Trainings.errors.householdInactive", {}, { memberId: [wordsMessage("Trainings.errors.householdInactiveField")] });
  }
  if (member.birthDate > latestBirthDate(training.startDate)) {
    throw wordedError(
      "INVALID",
      "Trainings.errors.tooYoung",
      { age: String(MIN_PARTICIPANT_AGE) },
      { memberId: [wordsMessage("Trainings.errors.tooYoungField")] },
    );
  }
  const [already, enrolled] = await Promise.all([
    tx.trainingParticipant.count({ where: { trainingId: training.id, memberId: member.id } }),
    tx.trainingParticipant.count({ where: { trainingId: training.id, completion: { not: "DROPPED" } } }),
  ]);
  if (already > 0) throw wordedError("CONFLICT", "Trainings.errors.alreadyEnrolled");
  if (enrolled >= training.capacity) throw wordedError("CONFLICT", "Trainings.errors.capacityFull", { capacity: String(training.capacity) });
  const participant = await tx.trainingParticipant.create({
    data: { tenantId, trainingId: training.id, householdId: member.householdId, memberId: member.id, createdById: user.id },
  });
  return { participantId: participant.id, trainingId: training.id, programmeId: training.programmeId };
}

export async function removeParticipant({ tx, user }: Ctx, input: { participantId: string }) {
  const participant = await findOwnParticipant(tx, writerOpdId(user), input.participantId);
  if (participant.status === "VERIFIED") {
    throw wordedError("CONFLICT", "Trainings.errors.verifiedParticipantNotDeleted");
  }
  const { count } = await tx.trainingParticipant.deleteMany({ where: { id: participant.id, status: "DRAFT" } });
  if (count === 0) throw wordedError("CONFLICT", "Trainings.errors.participantJustVerified");
  return { participantId: participant.id, trainingId: participant.trainingId, programmeId: participant.training.programmeId };
}

/**
 * Completion ("Lulus") with its certificate, for a participant who attended enough of the
 * training's days; the 3- and 6-month follow-ups are made with it.
 */
export async function completeParticipant({ tx, tenantId, user }: Ctx, input: { participantId: string; certificateNo: string | null }, clock: Clock = {}) {
  const participant = await findOwnParticipant(tx, writerOpdId(user), input.participantId);
  if (participant.training.cancelledAt) throw cancelled();
  if (participant.completion === "DROPPED") throw wordedError("CONFLICT", "Trainings.errors.participantWithdrawn");
  if (participant.completion === "COMPLETED") throw wordedError("CONFLICT", "Trainings.errors.participantCompleted");
  if (participant.training.endDate > (await cityToday(tx, tenantId, clock.now))) {
    throw wordedError("INVALID", "Trainings.errors.completeAfterLastDay");
  }
  await assertAttendanceToPass(tx, participant.training, [participant.id]);
  if (input.certificateNo) {
    const clash = await tx.trainingParticipant.count({
      where: { trainingId: participant.trainingId, certificateNo: input.certificateNo, id: { not: participant.id } },
    });
    if (clash > 0) {
      throw wordedFieldError("INVALID", "certificateNo", "Trainings.errors.certificateTaken");
    }
  }
  const { count } = await tx.trainingParticipant.updateMany({
    where: { id: participant.id, completion: "ENROLLED" },
    data: { completion: "COMPLETED", certificateNo: input.certificateNo },
  });
  if (count === 0) throw wordedError("CONFLICT", "Trainings.errors.participantJustChanged");
  await createFollowUps(tx, tenantId, participant.id, participant.training.endDate);
  return { participantId: participant.id, trainingId: participant.trainingId, programmeId: participant.training.programmeId };
}

/** Withdrawal with a reason; follow-ups not yet answered go with it. */
export async function withdrawParticipant({ tx, tenantId, user }: Ctx, input: { participantId: string; reason: string }, clock: Clock = {}) {
  const participant = await findOwnParticipant(tx, writerOpdId(user), input.participantId);
  if (participant.completion === "DROPPED") throw wordedError("CONFLICT", "Trainings.errors.participantWithdrawn");
  const { count } = await tx.trainingParticipant.updateMany({
    where: { id: participant.id, completion: { not: "DROPPED" } },
    data: { completion: "DROPPED", dropReason: input.reason, droppedAt: clock.now ?? new Date() },
  });
  if (count === 0) throw wordedError("CONFLICT", "Trainings.errors.participantWithdrawn");
  await tx.trainingFollowUp.deleteMany({ where: { tenantId, participantId: participant.id, outcome: null } });
  return { participantId: participant.id, trainingId: participant.trainingId, programmeId: participant.training.programmeId };
}

/**
 * The OPD head verifies participants of the OPD's own verified trainings, one or many. An
 * id outside the OPD makes the whole request "not found"; a participant of a training not
 * yet verified (or cancelled) refuses it, and nothing changes.
 */
export async function verifyParticipants({ tx, user }: Ctx, input: { ids: string[] }, clock: Clock = {}) {
  const where = { id: { in: input.ids }, training: { opdId: writerOpdId(user) } };
  const found = await tx.trainingParticipant.count({ where });
  if (found < input.ids.length) throw notFound("Peserta");
  const unready = await tx.trainingParticipant.count({
    where: { ...where, training: { opdId: writerOpdId(user), OR: [{ status: "DRAFT" }, { cancelledAt: { not: null } }] } },
  });
  if (unready > 0) throw wordedError("CONFLICT", "Trainings.errors.verifyTrainingFirst");
  const { count } = await tx.trainingParticipant.updateMany({
    where: { ...where, status: "DRAFT" },
    data: { status: "VERIFIED", verifiedById: user.id, verifiedAt: clock.now ?? new Date() },
  });
  const trainings = await tx.trainingParticipant.findMany({ where, select: { trainingId: true }, distinct: ["trainingId"] });
  return { verified: count, alreadyVerified: input.ids.length - count, trainingIds: trainings.map((row) => row.trainingId) };
}
