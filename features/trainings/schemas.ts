// One schema per training form, shared by the form and its server action.
import { countInput, optionalText, recordId, recordVersion, isoDay, reasonText, idsToVerify } from "@/lib/forms/fields";
import { TrainingOutcome } from "@/lib/generated/prisma/enums";
import { z } from "@/lib/validation/zod";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";

/** A training lasts at most this many days: the attendance grid has a column per day. */
export const MAX_TRAINING_DAYS = 62;
export const MAX_CAPACITY = 500;

export const trainingId = recordId("Validation.labels.training");
export const participantId = recordId("Validation.labels.participant");
const followUpId = recordId("Validation.labels.followUp");

/** `label`: the key of the field's name in Trainings.input.labels. */
const requiredText = (label: string, min: number, max: number) => {
  const key = `Trainings.input.labels.${label}`;
  const required = wordsMessage("Trainings.input.textRequired", { label: wordsParam(key) });
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .min(min, wordsMessage("Trainings.input.textShort", { label: wordsParam(key, true), min }))
    .max(max, wordsMessage("Trainings.input.textLong", { label: wordsParam(key, true), max }));
};

const day = (label: string) => {
  const required = wordsMessage("Trainings.input.textRequired", { label: wordsParam(`Trainings.input.labels.${label}`) });
  return z.string({ error: required }).trim().min(1, required).pipe(isoDay);
};

const trainingFields = z.object({
  programmeId: recordId("Validation.labels.programme"),
  skill: requiredText("skill", 3, 120),
  startDate: day("startDate"),
  endDate: day("endDate"),
  place: requiredText("place", 3, 200),
  trainer: optionalText(120, wordsMessage("Trainings.input.trainerLong")),
  capacity: countInput({ label: "Validation.labels.capacity", max: MAX_CAPACITY }).refine((n) => n >= 1, wordsMessage("Trainings.input.capacityMin")),
});

/** Days from start to end, both counted; NaN when either is not a date. */
export function trainingDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

function checkDates(value: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
  const days = trainingDays(value.startDate, value.endDate);
  if (Number.isNaN(days)) return;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["endDate"], message: wordsMessage("Trainings.input.endBeforeStart") });
  else if (days > MAX_TRAINING_DAYS)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: wordsMessage("Trainings.input.tooLong", { days: MAX_TRAINING_DAYS }) });
}

const datesParsed = {
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((issue) => !["startDate", "endDate"].includes(String(issue.path?.[0]))),
};

export const createTrainingSchema = trainingFields.superRefine(checkDates, datesParsed);
export const updateTrainingSchema = trainingFields.extend({ trainingId, version: recordVersion }).superRefine(checkDates, datesParsed);
export const trainingIdSchema = z.object({ trainingId });
export const cancelTrainingSchema = z.object({ trainingId, reason: reasonText });

export type TrainingInput = z.output<typeof createTrainingSchema>;

export const verifyTrainingsSchema = z.object({ ids: idsToVerify(trainingId, "Validation.labels.training") });
export const verifyParticipantsSchema = z.object({ ids: idsToVerify(participantId, "Validation.labels.participant") });

export const addParticipantSchema = z.object({ trainingId, memberId: recordId("Validation.labels.familyMember") });
export const participantIdSchema = z.object({ participantId });

export const completeParticipantSchema = z.object({
  participantId,
  certificateNo: optionalText(60, wordsMessage("Trainings.input.certificateLong")),
});

export const withdrawParticipantSchema = z.object({
  participantId,
  reason: z
    .string({ error: wordsMessage("Trainings.input.withdrawReasonRequired") })
    .trim()
    .min(5, wordsMessage("Trainings.input.withdrawReasonShort"))
    .max(500, wordsMessage("Trainings.input.withdrawReasonLong")),
});

/** The whole attendance grid: every ticked cell is "participantId|YYYY-MM-DD". */
export const recordAttendanceSchema = z.object({
  trainingId,
  /** The training's version the grid showed: the grid is saved whole, so an older grid would undo newer ticks. */
  version: recordVersion,
  present: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : typeof value === "string" ? [value] : value),
    z
      .array(z.string().regex(/^[a-z0-9]{1,64}\|\d{4}-\d{2}-\d{2}$/i, wordsMessage("Trainings.input.attendanceUnknown")))
      .max(MAX_CAPACITY * MAX_TRAINING_DAYS, wordsMessage("Trainings.input.attendanceTooMany")),
  ),
});

export const TRAINING_OUTCOMES = Object.values(TrainingOutcome);

export const recordFollowUpSchema = z.object({
  followUpId,
  outcome: z.enum(TrainingOutcome, { error: wordsMessage("Trainings.input.outcomeRequired") }),
  note: optionalText(500, wordsMessage("Trainings.input.noteLong")),
});
