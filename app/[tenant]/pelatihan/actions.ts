"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  addParticipantDefinition,
  cancelTrainingDefinition,
  completeParticipantDefinition,
  createTrainingDefinition,
  deleteTrainingDefinition,
  recordAttendanceDefinition,
  recordFollowUpDefinition,
  removeParticipantDefinition,
  updateTrainingDefinition,
  verifyParticipantsDefinition,
  verifyTrainingsDefinition,
  withdrawParticipantDefinition,
} from "@/lib/trainings/actions";
import { importParticipantsDefinition } from "@/lib/trainings/participant-import";

export const createTraining = tenantAction(createTrainingDefinition);
export const updateTraining = tenantAction(updateTrainingDefinition);
export const deleteTraining = tenantAction(deleteTrainingDefinition);
export const cancelTraining = tenantAction(cancelTrainingDefinition);
export const verifyTrainings = tenantAction(verifyTrainingsDefinition);
export const addParticipant = tenantAction(addParticipantDefinition);
export const removeParticipant = tenantAction(removeParticipantDefinition);
export const completeParticipant = tenantAction(completeParticipantDefinition);
export const withdrawParticipant = tenantAction(withdrawParticipantDefinition);
export const verifyParticipants = tenantAction(verifyParticipantsDefinition);
export const recordAttendance = tenantAction(recordAttendanceDefinition);
export const recordFollowUp = tenantAction(recordFollowUpDefinition);
export const importParticipants = tenantAction(importParticipantsDefinition);
