// One schema per form, shared by the form and its server action.
import { fiscalYear } from "@/lib/calendar/fiscal-year";
import { recordId, recordVersion, countInput, optionalText, rupiahInput, blankToUndefined } from "@/lib/forms/fields";
import { AidBudgetMode, FundingSource, ProgrammeKind, TargetUnit } from "@/lib/generated/prisma/enums";
import { defaultAidMode } from "@/features/budget/aid-mode";
import { accountCodeInput, sipdCodeInput } from "@/features/budget/sipd-codes";
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

const MAX_TARGET = 10_000_000;

export const PROGRAMME_KINDS = Object.values(ProgrammeKind);
export const FUNDING_SOURCES = Object.values(FundingSource);
export const TARGET_UNITS = Object.values(TargetUnit);

export const programmeId = recordId("Validation.labels.programme");
export const budgetLineId = recordId("Validation.labels.budgetLine");

const programmeFields = z.object({
  name: z
    .string({ error: wordsMessage("Programmes.input.nameRequired") })
    .trim()
    .min(3, wordsMessage("Programmes.input.nameShort"))
    .max(200, wordsMessage("Programmes.input.nameLong")),
  kind: z.enum(ProgrammeKind, { error: wordsMessage("Programmes.input.kindRequired") }),
  fiscalYear: z.preprocess(blankToUndefined, fiscalYear),
  sipdCode: sipdCodeInput,
  description: optionalText(1000, wordsMessage("Programmes.input.descriptionLong")),
  targetUnit: z.enum(TargetUnit, { error: wordsMessage("Programmes.input.targetUnitRequired") }),
  targetCount: countInput({ label: "Validation.labels.targetCount", max: MAX_TARGET, fallback: 0 }),
  targetExtremeCount: countInput({ label: "Validation.labels.targetExtremeCount", max: MAX_TARGET, fallback: 0 }),
});

/** Runs a cross-field check even when other fields failed, as long as the fields it reads parsed. */
const whenParsed =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0])));

function checkTargets(value: { targetCount: number; targetExtremeCount: number }, ctx: z.RefinementCtx) {
  if (typeof value.targetCount !== "number" || typeof value.targetExtremeCount !== "number") return;
  if (value.targetExtremeCount > value.targetCount) {
    ctx.addIssue({
      code: "custom",
      path: ["targetExtremeCount"],
      message: wordsMessage("Programmes.input.extremeOverTarget"),
    });
  }
}

const targetsParsed = { when: whenParsed("targetCount", "targetExtremeCount") };
export const createProgrammeSchema = programmeFields.superRefine(checkTargets, targetsParsed);
export const updateProgrammeSchema = programmeFields.extend({ programmeId, version: recordVersion }).superRefine(checkTargets, targetsParsed);
export const programmeIdSchema = z.object({ programmeId });

export type ProgrammeInput = z.output<typeof createProgrammeSchema>;

const budgetLineFields = z.object({
  fundingSource: z.enum(FundingSource, { error: wordsMessage("Programmes.input.fundingSourceRequired") }),
  partnerName: optionalText(160, wordsMessage("Programmes.input.partnerLong")),
  description: z
    .string({ error: wordsMessage("Programmes.input.descriptionRequired") })
    .trim()
    .min(3, wordsMessage("Programmes.input.lineDescriptionShort"))
    .max(300, wordsMessage("Programmes.input.lineDescriptionLong")),
  pagu: rupiahInput({ minMessage: wordsMessage("Programmes.input.paguPositive") }),
  accountCode: accountCodeInput,
  /** Blank: what the source most likely means (defaultAidMode). */
  aidMode: z.preprocess(blankToUndefined, z.enum(AidBudgetMode, { error: wordsMessage("Programmes.input.aidModeRequired") }).optional()),
});

type PartnerFields = { fundingSource: FundingSource; partnerName: string | null; aidMode?: AidBudgetMode };

/** CSR needs its company. */
function checkPartner(value: PartnerFields, ctx: z.RefinementCtx) {
  if (value.fundingSource === "CSR" && !value.partnerName) {
    ctx.addIssue({ code: "custom", path: ["partnerName"], message: wordsMessage("Programmes.input.csrPartnerRequired") });
  }
}

/** A partner name means nothing for the city's own or the centre's money. */
function normalisePartner<T extends PartnerFields>(value: T): T & { aidMode: AidBudgetMode } {
  const keepsPartner = value.fundingSource === "CSR" || value.fundingSource === "OTHER";
  return { ...value, partnerName: keepsPartner ? value.partnerName : null, aidMode: value.aidMode ?? defaultAidMode(value.fundingSource) };
}

const partnerParsed = { when: whenParsed("fundingSource", "partnerName") };
export const createBudgetLineSchema = budgetLineFields.extend({ programmeId }).superRefine(checkPartner, partnerParsed).transform(normalisePartner);
export const updateBudgetLineSchema = budgetLineFields
  .extend({ budgetLineId, version: recordVersion })
  .superRefine(checkPartner, partnerParsed)
  .transform(normalisePartner);
export const budgetLineIdSchema = z.object({ budgetLineId });

export type BudgetLineInput = z.output<typeof createBudgetLineSchema>;
