// One schema per training form, shared by the form and its server action.
import { countInput, optionalText, recordId, recordVersion, isoDay, reasonText, idsToVerify } from "@/lib/forms/fields";
import { TrainingOutcome } from "@/lib/generated/prisma/enums";
import { z } from "@/lib/validation/zod";

/** A training lasts at most this many days: the attendance grid has a column per day. */
export const MAX_TRAINING_DAYS = 62;
export const MAX_CAPACITY = 500;

export const trainingId = recordId("pelatihan");
export const participantId = recordId("peserta");
const followUpId = recordId("tindak lanjut");

const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `Isi ${label}.` })
    .trim()
    .min(1, `Isi ${label}.`)
    .min(min, `${capitalise(label)} minimal ${min} karakter.`)
    .max(max, `${capitalise(label)} maksimal ${max} karakter.`);

const day = (label: string) =>
  z
    .string({ error: `Isi ${label}.` })
    .trim()
    .min(1, `Isi ${label}.`)
    .pipe(isoDay);

const trainingFields = z.object({
  programmeId: recordId("program"),
  skill: requiredText("keterampilan", 3, 120),
  startDate: day("tanggal mulai"),
  endDate: day("tanggal selesai"),
  place: requiredText("tempat", 3, 200),
  trainer: optionalText(120, "Nama pelatih maksimal 120 karakter."),
  capacity: countInput({ label: "kapasitas", max: MAX_CAPACITY }).refine((n) => n >= 1, "Kapasitas minimal 1 peserta."),
});

/** Days from start to end, both counted; NaN when either is not a date. */
export function trainingDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

function checkDates(value: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
  const days = trainingDays(value.startDate, value.endDate);
  if (Number.isNaN(days)) return;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Tanggal selesai tidak boleh sebelum tanggal mulai." });
  else if (days > MAX_TRAINING_DAYS) ctx.addIssue({ code: "custom", path: ["endDate"], message: `Pelatihan paling lama ${MAX_TRAINING_DAYS} hari.` });
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

export const verifyTrainingsSchema = z.object({ ids: idsToVerify(trainingId, "pelatihan") });
export const verifyParticipantsSchema = z.object({ ids: idsToVerify(participantId, "peserta") });

export const addParticipantSchema = z.object({ trainingId, memberId: recordId("anggota keluarga") });
export const participantIdSchema = z.object({ participantId });

export const completeParticipantSchema = z.object({
  participantId,
  certificateNo: optionalText(60, "Nomor sertifikat maksimal 60 karakter."),
});

export const withdrawParticipantSchema = z.object({
  participantId,
  reason: z
    .string({ error: "Tuliskan alasan peserta keluar." })
    .trim()
    .min(5, "Tuliskan alasan peserta keluar (paling sedikit 5 karakter).")
    .max(500, "Alasan maksimal 500 karakter."),
});

/** The whole attendance grid: every ticked cell is "participantId|YYYY-MM-DD". */
export const recordAttendanceSchema = z.object({
  trainingId,
  /** The training's version the grid showed: the grid is saved whole, so an older grid would undo newer ticks. */
  version: recordVersion,
  present: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : typeof value === "string" ? [value] : value),
    z
      .array(z.string().regex(/^[a-z0-9]{1,64}\|\d{4}-\d{2}-\d{2}$/i, "Isian kehadiran tidak dikenali."))
      .max(MAX_CAPACITY * MAX_TRAINING_DAYS, "Terlalu banyak isian kehadiran."),
  ),
});

export const TRAINING_OUTCOMES = Object.values(TrainingOutcome);

export const recordFollowUpSchema = z.object({
  followUpId,
  outcome: z.enum(TrainingOutcome, { error: "Pilih hasil tindak lanjut." }),
  note: optionalText(500, "Catatan maksimal 500 karakter."),
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
