import type { FundingSource } from "@/lib/generated/prisma/enums";
import type { ProgrammeSpec, TrainingPlan } from "./types";

export type TrainingProgrammeInput = Omit<TrainingPlan, "participantsPerBatch" | "trainer"> &
  Partial<Pick<TrainingPlan, "participantsPerBatch" | "trainer">> & {
    opdCode: string;
    fiscalYear: number;
    name: string;
    fundingSource: FundingSource;
    pagu: bigint;
    budgetDescription?: string;
    description?: string;
  };

/** A training programme whose targets follow from its batches (70 % extreme-poor). */
export function trainingProgramme(input: TrainingProgrammeInput): ProgrammeSpec {
  const { opdCode, fiscalYear, name, fundingSource, pagu, budgetDescription, description, ...plan } = input;
  const participantsPerBatch = plan.participantsPerBatch ?? 20;
  const count = plan.batches * participantsPerBatch;
  return {
    opdCode,
    fiscalYear,
    kind: "TRAINING",
    name,
    description: description ?? `Pelatihan keterampilan ${plan.skill.toLowerCase()} bagi warga DTKS dan miskin ekstrem.`,
    targetUnit: "PERSON",
    targetCount: count,
    targetExtremeCount: Math.round(count * 0.7),
    budgetLines: [{ fundingSource, description: budgetDescription ?? "Belanja pelatihan berbasis kompetensi", pagu }],
    training: { trainer: "Instruktur UPTD BLK", ...plan, participantsPerBatch },
  };
}
