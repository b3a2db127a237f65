// The distribution form and its actions share these schemas. Messages name their catalogue words (Aid.input).
import {
  blankToUndefined,
  countInput,
  optionalRecordId,
  optionalText,
  recordId,
  recordVersion,
  rupiahInput,
  isoDay,
  idsToVerify,
  reversalNote,
} from "@/lib/forms/fields";
import { AidKind } from "@/lib/generated/prisma/enums";
import { formatRupiah } from "@/lib/format/rupiah";
import { codeInput } from "@/lib/validation/free-text";
import { BPJS_TK_PREMIUM_PER_MONTH, KPJ_NUMBER } from "./bpjs-rules";
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

export const AID_KINDS = Object.values(AidKind);

export const distributionId = recordId("Validation.labels.aidHandover");
const optionalId = optionalRecordId;

/** "1", "on", "true": the clerk confirmed saving despite the duplicate warning. */
const confirmed = z.preprocess((value) => value === true || value === "1" || value === "on" || value === "true", z.boolean());

/** The fields of a hand-over, as the form sends them to record it or to fix its draft. */
const distributionFields = {
  programmeId: recordId("Validation.labels.programme"),
  budgetLineId: optionalId,
  householdId: recordId("Validation.labels.recipientHousehold"),
  memberId: optionalId,
  trainingParticipantId: optionalId,
  kind: z.enum(AidKind, wordsMessage("Aid.input.kindRequired")),
  items: z
    .string({ error: wordsMessage("Aid.input.itemsRequired") })
    .trim()
    .min(2, wordsMessage("Aid.input.itemsRequired"))
    .max(300, wordsMessage("Aid.input.itemsLong")),
  quantity: countInput({ label: "Validation.labels.quantity", max: 100_000, fallback: 1 }).refine((n) => n >= 1, wordsMessage("Aid.input.quantityMin")),
  value: rupiahInput({ minMessage: wordsMessage("Aid.input.valuePositive") }),
  distributedAt: z.preprocess(blankToUndefined, z.string({ error: wordsMessage("Aid.input.dateRequired") }).pipe(isoDay)),
  handedOverBy: optionalText(120, wordsMessage("Aid.input.handedOverByLong")),
  proofRef: optionalText(120, wordsMessage("Aid.input.proofLong")),
  partnerName: optionalText(120, wordsMessage("Aid.input.partnerLong")),
  monthsCovered: z
    .preprocess(blankToUndefined, countInput({ label: "Validation.labels.monthsCovered", max: 12 }).optional())
    .transform((value) => value ?? null),
  /** The member's BPJS Ketenagakerjaan number (KPJ), 11 digits; spaces and dots are dropped. */
  bpjsNumber: z
    .preprocess(
      (value) => (typeof value === "string" ? blankToUndefined(value.replace(/[\s.-]/g, "")) : value),
      codeInput(z.string().regex(KPJ_NUMBER, wordsMessage("Aid.input.kpjFormat"))).optional(),
    )
    .transform((value) => value ?? null),
  /** The first month covered, yyyy-mm (the form's month field). */
  coverageStart: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, wordsMessage("Aid.input.coverageStartFormat"))
        .optional(),
    )
    .transform((value) => value ?? null),
  /** Whole Rupiah a month; blank is the informal workers' JKK + JKM premium. */
  premiumPerMonth: z
    .preprocess(blankToUndefined, rupiahInput({ minMessage: wordsMessage("Aid.input.premiumPositive") }).optional())
    .transform((value) => value ?? null),
  note: optionalText(500, wordsMessage("Aid.input.noteLong")),
  acknowledgeDuplicate: confirmed,
};

type DistributionFields = z.output<z.ZodObject<typeof distributionFields>>;

/**
 * The rules between fields: what a premium or housing needs, what only a premium has.
 * `numberKept`: a draft's KPJ number left blank keeps the number recorded (a clerk who may not
 * see personal data is not shown it).
 */
const checkFields =
  (options: { numberKept?: boolean } = {}) =>
  (input: DistributionFields, ctx: z.RefinementCtx) => {
    if (input.kind === "HOUSING" && !input.partnerName) {
      ctx.addIssue({ code: "custom", path: ["partnerName"], message: wordsMessage("Aid.input.housingNeedsPartner") });
    }
    if (input.kind === "INSURANCE_PREMIUM") {
      if (!input.memberId) {
        ctx.addIssue({ code: "custom", path: ["memberId"], message: wordsMessage("Aid.input.premiumNeedsMember") });
      }
      if (input.monthsCovered === null || input.monthsCovered < 1) {
        ctx.addIssue({ code: "custom", path: ["monthsCovered"], message: wordsMessage("Aid.input.monthsRequired") });
      }
      if (!input.bpjsNumber && !options.numberKept) {
        ctx.addIssue({ code: "custom", path: ["bpjsNumber"], message: wordsMessage("Aid.input.kpjNeeded") });
      }
      if (!input.coverageStart) {
        ctx.addIssue({ code: "custom", path: ["coverageStart"], message: wordsMessage("Aid.input.coverageStartRequired") });
      }
      const premium = input.premiumPerMonth ?? BPJS_TK_PREMIUM_PER_MONTH;
      if (input.monthsCovered && input.monthsCovered >= 1 && input.value !== premium * BigInt(input.monthsCovered)) {
        const expected = premium * BigInt(input.monthsCovered);
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: wordsMessage("Aid.input.valueNotPremiumTimesMonths", {
            premium: formatRupiah(premium),
            months: input.monthsCovered,
            expected: formatRupiah(expected),
          }),
        });
      }
    } else {
      const onlyPremium = (field: "monthsCovered" | "bpjsNumber" | "coverageStart" | "premiumPerMonth") =>
        ctx.addIssue({ code: "custom", path: [field], message: wordsMessage(`Aid.input.onlyPremium.${field}`) });
      if (input.monthsCovered !== null) onlyPremium("monthsCovered");
      if (input.bpjsNumber !== null) onlyPremium("bpjsNumber");
      if (input.coverageStart !== null) onlyPremium("coverageStart");
      if (input.premiumPerMonth !== null) onlyPremium("premiumPerMonth");
    }
  };

// A premium left blank is the standard one; other kinds keep none.
const withPremium = <T extends DistributionFields>(input: T): T => ({
  ...input,
  premiumPerMonth: input.kind === "INSURANCE_PREMIUM" ? (input.premiumPerMonth ?? BPJS_TK_PREMIUM_PER_MONTH) : null,
});

export const createDistributionSchema = z.object(distributionFields).superRefine(checkFields()).transform(withPremium);

/** A draft fixed with the creation form, at the version the form showed. */
export const updateDistributionSchema = z
  .object({ distributionId, version: recordVersion, ...distributionFields })
  .superRefine(checkFields({ numberKept: true }))
  .transform(withPremium);

export const distributionIdSchema = z.object({ distributionId });

export const reverseDistributionSchema = z.object({ distributionId, note: reversalNote });

export const verifyDistributionsSchema = z.object({ ids: idsToVerify(distributionId, "Validation.labels.handover", "Validation.labels.handovers") });

export type CreateDistributionInput = z.output<typeof createDistributionSchema>;
export type UpdateDistributionInput = z.output<typeof updateDistributionSchema>;
