// Realisation forms and actions share these schemas.
import { z } from "@/lib/validation/zod";
import { blankToUndefined, idsToVerify, optionalText, recordId, recordVersion, reversalNote, rupiahInput } from "@/lib/forms/fields";
import { wordsMessage } from "@/lib/errors/words-message";

export const realisationId = recordId("Validation.labels.realisation");
const budgetLineId = recordId("Validation.labels.budgetLine");

/** 1–12 within the programme's fiscal year. */
export const month = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: wordsMessage("Budget.input.monthRequired") })
    .int(wordsMessage("Budget.input.monthFromList"))
    .min(1, wordsMessage("Budget.input.monthRange"))
    .max(12, wordsMessage("Budget.input.monthRange")),
);

/** SP2D / SPJ number of the spending, once per city. */
export const referenceNo = z
  .string({ error: wordsMessage("Budget.input.referenceRequired") })
  .trim()
  .min(1, wordsMessage("Budget.input.referenceRequired"))
  .max(60, wordsMessage("Budget.input.referenceLong"));

const entryFields = {
  month,
  referenceNo,
  amount: rupiahInput({ minMessage: wordsMessage("Budget.input.amountPositive") }),
  note: optionalText(500, wordsMessage("Budget.input.noteLong")),
};

export const createRealisationSchema = z.object({ budgetLineId, ...entryFields });
export const updateRealisationSchema = z.object({ realisationId, version: recordVersion, ...entryFields });
export const realisationIdSchema = z.object({ realisationId });

export const reverseRealisationSchema = z.object({ realisationId, note: reversalNote });

export const verifyRealisationsSchema = z.object({ ids: idsToVerify(realisationId, "Validation.labels.entry") });

export type CreateRealisationInput = z.output<typeof createRealisationSchema>;
export type UpdateRealisationInput = z.output<typeof updateRealisationSchema>;
