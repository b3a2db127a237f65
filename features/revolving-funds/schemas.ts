// Dana PEM forms and actions share these schemas. Messages name their catalogue words (RevolvingFunds.input).
import { blankToUndefined, optionalText, recordId, recordVersion, rupiahInput, isoDay, reasonText } from "@/lib/forms/fields";
import { codeInput } from "@/lib/validation/free-text";
import { z } from "@/lib/validation/zod";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";

const fundId = recordId("Validation.labels.fund");
const loanId = recordId("Validation.labels.loan");

/** `label`: the key of the field's name in RevolvingFunds.input.labels. */
const wholeNumber = (label: string, min: number, max: number) => {
  const name = wordsParam(`RevolvingFunds.input.labels.${label}`);
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: wordsMessage("RevolvingFunds.input.numberRequired", { label: name }) })
      .int(wordsMessage("RevolvingFunds.input.numberWhole", { label: name }))
      .min(min, wordsMessage("RevolvingFunds.input.numberMin", { label: name, min }))
      .max(max, wordsMessage("RevolvingFunds.input.numberMax", { label: name, max })),
  );
};

/** "3", "1,5" or "1.5" percent → basis points (150); blank is no fee. */
const feePercent = z.preprocess(
  (value) => blankToUndefined(value) ?? "0",
  z
    .string()
    .trim()
    .regex(/^\d{1,2}(?:[.,]\d{1,2})?$/, wordsMessage("RevolvingFunds.input.feeFormat"))
    .transform((text) => {
      const [whole, fraction = ""] = text.replace(",", ".").split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    })
    .refine((bps) => bps <= 2400, wordsMessage("RevolvingFunds.input.feeMax")),
);

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const fundRules = {
  lpmName: z
    .string({ error: wordsMessage("RevolvingFunds.input.lpmRequired") })
    .trim()
    .min(3, wordsMessage("RevolvingFunds.input.lpmRequired"))
    .max(120, wordsMessage("RevolvingFunds.input.lpmLong")),
  maxLoan: rupiahInput({ minMessage: wordsMessage("RevolvingFunds.input.maxLoanPositive") }),
  maxTenorMonths: wholeNumber("maxTenor", 1, 60),
  serviceFeeBps: feePercent,
  graceMonths: wholeNumber("grace", 0, 12),
};

export const createFundSchema = z.object({ year: wholeNumber("year", 2000, 2100), ...fundRules });
export const updateFundSchema = z.object({ fundId, version: recordVersion, ...fundRules });

export const FUNDING_SOURCES = ["APBD", "FISCAL_INCENTIVE", "DAK", "CSR", "OTHER"] as const;

export const addCapitalSchema = z.object({
  fundId,
  amount: rupiahInput({ minMessage: wordsMessage("RevolvingFunds.input.capitalPositive") }),
  source: z.enum(FUNDING_SOURCES, { error: wordsMessage("RevolvingFunds.input.sourceRequired") }),
  receivedAt: isoDay,
  note: optionalText(300, wordsMessage("RevolvingFunds.input.noteLong")),
});

/** `label`: the key of the field's name in RevolvingFunds.input.labels. */
const text = (label: string, min: number, max: number) => {
  const name = wordsParam(`RevolvingFunds.input.labels.${label}`);
  return z
    .string({ error: wordsMessage("RevolvingFunds.input.textRequired", { label: name }) })
    .trim()
    .min(min, wordsMessage("RevolvingFunds.input.textShort", { label: name, min }))
    .max(max, wordsMessage("RevolvingFunds.input.textLong", { label: wordsParam(`RevolvingFunds.input.labels.${label}`, true), max }));
};

export const createLoanSchema = z
  .object({
    fundId,
    /** A registry member of the kelurahan; or, without one, a resident by NIK and name. */
    memberId: z.preprocess(blankToUndefined, codeInput(z.string().trim().max(64)).optional()),
    borrowerNik: z.preprocess(blankToUndefined, codeInput(z.string().trim()).optional()),
    borrowerName: z.preprocess(blankToUndefined, z.string().trim().max(120, wordsMessage("RevolvingFunds.input.nameLong")).optional()),
    businessType: text("businessType", 3, 120),
    purpose: text("purpose", 5, 500),
    principal: rupiahInput({ minMessage: wordsMessage("RevolvingFunds.input.principalPositive") }),
    tenorMonths: wholeNumber("tenor", 1, 60),
    newRound: checkbox,
    override: checkbox,
    overrideReason: z.preprocess(blankToUndefined, z.string().trim().max(500, wordsMessage("RevolvingFunds.input.overrideReasonLong")).optional()),
  })
  .superRefine((input, ctx) => {
    if (input.memberId) return;
    if (!input.borrowerNik) ctx.addIssue({ code: "custom", path: ["borrowerNik"], message: wordsMessage("RevolvingFunds.input.borrowerRequired") });
    if (!input.borrowerName || input.borrowerName.length < 3)
      ctx.addIssue({ code: "custom", path: ["borrowerName"], message: wordsMessage("RevolvingFunds.input.borrowerNameRequired") });
  });

/** The approver is the signed-in user; no name is typed. */
export const approveLoanSchema = z.object({ loanId });
export const loanIdSchema = z.object({ loanId });
export const disburseLoanSchema = z.object({ loanId, disbursedAt: isoDay });

export const recordRepaymentSchema = z.object({
  loanId,
  paidAt: isoDay,
  amount: rupiahInput({ minMessage: wordsMessage("RevolvingFunds.input.paymentPositive") }),
  receiptNo: optionalText(40, wordsMessage("RevolvingFunds.input.receiptLong")),
  note: optionalText(300, wordsMessage("RevolvingFunds.input.noteLong")),
});

export const writeOffLoanSchema = z.object({
  loanId,
  reason: reasonText,
  approver: text("writeOffApprover", 3, 120),
});

export type CreateFundInput = z.output<typeof createFundSchema>;
export type UpdateFundInput = z.output<typeof updateFundSchema>;
export type AddCapitalInput = z.output<typeof addCapitalSchema>;
export type CreateLoanInput = z.output<typeof createLoanSchema>;
export type RecordRepaymentInput = z.output<typeof recordRepaymentSchema>;
export type WriteOffLoanInput = z.output<typeof writeOffLoanSchema>;
