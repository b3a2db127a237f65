"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  addParticipantDefinition,
  cancelTrainingDefinition,
  completeParticipantDefinition,
  createTrainingDefinition,
  deleteTrainingDefinition,
  participantReturnDefinitions,
  trainingReturnDefinitions,
  recordAttendanceDefinition,
  recordFollowUpDefinition,
  removeParticipantDefinition,
  updateTrainingDefinition,
  verifyParticipantsDefinition,
  verifyTrainingsDefinition,
  withdrawParticipantDefinition,
} from "@/features/trainings/action-definitions";
import { importParticipantsDefinition } from "@/features/trainings/participant-import";

export const createTrainingAction = tenantAction(createTrainingDefinition);
export const updateTrainingAction = tenantAction(updateTrainingDefinition);
export const deleteTrainingAction = tenantAction(deleteTrainingDefinition);
export const cancelTrainingAction = tenantAction(cancelTrainingDefinition);
export const verifyTrainingsAction = tenantAction(verifyTrainingsDefinition);
export const addParticipantAction = tenantAction(addParticipantDefinition);
export const removeParticipantAction = tenantAction(removeParticipantDefinition);
export const completeParticipantAction = tenantAction(completeParticipantDefinition);
export const withdrawParticipantAction = tenantAction(withdrawParticipantDefinition);
export const verifyParticipantsAction = tenantAction(verifyParticipantsDefinition);
export const recordAttendanceAction = tenantAction(recordAttendanceDefinition);
export const recordFollowUpAction = tenantAction(recordFollowUpDefinition);
export const importParticipantsAction = tenantAction(importParticipantsDefinition);
export const returnTrainingAction = tenantAction(trainingReturnDefinitions.return);
export const resubmitTrainingAction = tenantAction(trainingReturnDefinitions.resubmit);
export const returnParticipantAction = tenantAction(participantReturnDefinitions.return);
export const resubmitParticipantAction = tenantAction(participantReturnDefinitions.resubmit);
