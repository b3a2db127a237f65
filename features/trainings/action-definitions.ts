// The training server actions.
import { defineAction } from "@/lib/actions/define";
import { returnActions } from "@/lib/entries/return-actions";
import { recordAttendance } from "@/features/trainings/attendance";
import { recordFollowUp } from "@/features/trainings/follow-ups";
import { addParticipant, completeParticipant, removeParticipant, verifyParticipants, withdrawParticipant } from "@/features/trainings/participants";
import {
  addParticipantSchema,
  cancelTrainingSchema,
  completeParticipantSchema,
  createTrainingSchema,
  participantId,
  participantIdSchema,
  recordAttendanceSchema,
  recordFollowUpSchema,
  trainingId,
  trainingIdSchema,
  updateTrainingSchema,
  verifyParticipantsSchema,
  verifyTrainingsSchema,
  withdrawParticipantSchema,
} from "@/features/trainings/schemas";
import { cancelTraining, createTraining, deleteTraining, updateTraining, verifyTrainings } from "@/features/trainings/trainings";
import { programmesRoutes } from "@/features/programmes/routes";
import { registryRoutes } from "@/features/registry/routes";
import { trainingsRoutes } from "@/features/trainings/routes";

// Programme pages and household timelines show trainings too.

const afterTraining = (slug: string, result: { trainingId: string }) => [
  trainingsRoutes.list(slug),
  trainingsRoutes.detail(slug, result.trainingId),
  programmesRoutes.list(slug),
  registryRoutes.list(slug),
];

const afterVerify = (slug: string, result: { trainingIds: string[] }) => [
  trainingsRoutes.list(slug),
  ...result.trainingIds.map((id) => trainingsRoutes.detail(slug, id)),
  programmesRoutes.list(slug),
  registryRoutes.list(slug),
];

export const createTrainingDefinition = defineAction({
  name: "trainings.create",
  createsRecords: true,
  permission: "entry:write",
  schema: createTrainingSchema,
  run: (ctx, input) => createTraining(ctx, input),
  revalidate: afterTraining,
  successMessage: "Success.trainings.create",
});

export const updateTrainingDefinition = defineAction({
  name: "trainings.update",
  permission: "entry:write",
  schema: updateTrainingSchema,
  run: (ctx, input) => updateTraining(ctx, input),
  revalidate: afterTraining,
  successMessage: "Success.trainings.update",
});

export const deleteTrainingDefinition = defineAction({
  name: "trainings.delete",
  permission: "entry:write",
  schema: trainingIdSchema,
  run: (ctx, input) => deleteTraining(ctx, input),
  revalidate: afterTraining,
  successMessage: "Success.trainings.delete",
});

export const cancelTrainingDefinition = defineAction({
  name: "trainings.cancel",
  permission: "entry:write",
  schema: cancelTrainingSchema,
  run: (ctx, input) => cancelTraining(ctx, input),
  revalidate: afterTraining,
  successMessage: "Success.trainings.cancel",
});

export const verifyTrainingsDefinition = defineAction({
  name: "trainings.verify",
  permission: "entry:verify",
  schema: verifyTrainingsSchema,
  run: (ctx, input) => verifyTrainings(ctx, input),
  revalidate: afterVerify,
  successMessage: "Success.trainings.verify",
});

export const addParticipantDefinition = defineAction({
  name: "trainings.participants.add",
  createsRecords: true,
  permission: "entry:write",
  schema: addParticipantSchema,
  run: (ctx, input) => addParticipant(ctx, input),
  revalidate: afterTraining,
  successMessage: "Success.trainings.participants.add",
});

export const removeParticipantDefinition = defineAction({
  name: "trainings.participants.remove",
  permission: "entry:write",
  schema: participantIdSchema,
  run: (ctx, input) => removeParticipant(ctx, input),
  revalidate: afterTraining,
  successMessage: "Success.trainings.participants.remove",
});

export const completeParticipantDefinition = defineAction({
  name: "trainings.participants.complete",
  permission: "entry:write",
  schema: completeParticipantSchema,
  run: (ctx, input) => completeParticipant(ctx, input),
  revalidate: (slug, result) => [...afterTraining(slug, result), trainingsRoutes.followUps(slug)],
  successMessage: "Success.trainings.participants.complete",
});

export const withdrawParticipantDefinition = defineAction({
  name: "trainings.participants.withdraw",
  permission: "entry:write",
  schema: withdrawParticipantSchema,
  run: (ctx, input) => withdrawParticipant(ctx, input),
  revalidate: (slug, result) => [...afterTraining(slug, result), trainingsRoutes.followUps(slug)],
  successMessage: "Success.trainings.participants.withdraw",
});

export const verifyParticipantsDefinition = defineAction({
  name: "trainings.participants.verify",
  permission: "entry:verify",
  schema: verifyParticipantsSchema,
  run: (ctx, input) => verifyParticipants(ctx, input),
  revalidate: afterVerify,
  successMessage: "Success.trainings.participants.verify",
});

export const recordAttendanceDefinition = defineAction({
  name: "trainings.attendance.record",
  permission: "entry:write",
  schema: recordAttendanceSchema,
  run: (ctx, input) => recordAttendance(ctx, input),
  revalidate: (slug, result) => [trainingsRoutes.detail(slug, result.trainingId)],
  successMessage: "Success.trainings.attendance.record",
});

export const recordFollowUpDefinition = defineAction({
  name: "trainings.followUps.record",
  permission: "entry:write",
  schema: recordFollowUpSchema,
  run: (ctx, input) => recordFollowUp(ctx, input),
  revalidate: (slug, result) => [trainingsRoutes.followUps(slug), trainingsRoutes.detail(slug, result.trainingId)],
  successMessage: "Success.trainings.followUps.record",
});

export const trainingReturnDefinitions = returnActions({
  kind: "training",
  name: "trainings",
  idField: "trainingId",
  id: trainingId,
  revalidate: (slug, id) => [trainingsRoutes.list(slug), trainingsRoutes.detail(slug, id)],
});

export const participantReturnDefinitions = returnActions({
  kind: "participant",
  name: "trainings.participants",
  idField: "participantId",
  id: participantId,
  revalidate: (slug) => [trainingsRoutes.list(slug)],
});
