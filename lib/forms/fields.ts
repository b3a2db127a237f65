// Form fields the domains' schemas share. Messages name their catalogue words (Validation.form),
// which the action pipeline says in the user's language.
import { parseRupiah, type Rupiah } from "@/lib/money";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";
import { codeInput } from "@/lib/validation/free-text";
import { currentInputLocale } from "@/lib/validation/input-locale";
import { z } from "@/lib/validation/zod";

/** An optional form field: "" (nothing chosen or typed) becomes undefined. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A calendar day as the date input sends it: "2026-11-23". */
export const isoDay = z.iso.date(wordsMessage("Validation.form.date"));

/** Why a change, reversal or cancellation is made: required, a sentence at most. */
export const reasonText = z.string().trim().min(5, wordsMessage("Validation.form.reasonShort")).max(500, wordsMessage("Validation.form.reasonLong"));

/** Why a verified entry is reversed (budget realisation, aid). */
export const reversalNote = z
  .string({ error: wordsMessage("Validation.form.reversalRequired") })
  .trim()
  .min(5, wordsMessage("Validation.form.reversalShort"))
  .max(500, wordsMessage("Validation.form.reversalLong"));

/** How many entries one verification may take. */
export const MAX_BULK_VERIFY = 500;

/**
 * The ids to verify: one (a row's own button) or several (the ticked boxes), each once.
 * `what` is the catalogue key of one of them ("Validation.labels.entry"); `many` of several, in the limit's message.
 */
export function idsToVerify(id: z.ZodType<string>, what: string, many = "Validation.labels.entries") {
  const noneChosen = wordsMessage("Validation.form.chooseToVerify", { what: wordsParam(what) });
  return z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z
      .array(id, { error: noneChosen })
      .min(1, noneChosen)
      .max(MAX_BULK_VERIFY, wordsMessage("Validation.form.tooManyToVerify", { max: MAX_BULK_VERIFY, many: wordsParam(many) }))
      .transform((ids) => [...new Set(ids)]),
  );
}

/** A record id from a hidden field or a <select>; `what` is the catalogue key of what it names ("Validation.labels.programme"). */
export const recordId = (what: string) => {
  const choose = wordsMessage("Validation.form.choose", { what: wordsParam(what) });
  return codeInput(z.string({ error: choose }).trim().min(1, choose).max(64));
};

/** An optional record id from a <select> or hidden field: blank is null. */
export const optionalRecordId = z.preprocess(blankToUndefined, codeInput(z.string().trim().max(64)).optional()).transform((value) => value ?? null);

/**
 * The version of the record an edit form showed (a hidden field, components/ui/version-field):
 * every edit schema requires it, and the save is refused when the record has moved on.
 */
const RELOAD = wordsMessage("Validation.form.reload");

/** The version of a record a form shows, or UNSAVED_VERSION (0) when the form would create it. */
export const recordVersionOrUnsaved = z.coerce.number({ error: RELOAD }).int(RELOAD).min(0, RELOAD);

export const recordVersion = z.coerce.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD);

/**
 * Whole Rupiah as people type it ("1.500.000", "Rp1,5 juta", "1500000"), through
 * parseRupiah; numbers and bigints (imports, tests) are read the same way. At least `min`.
 */
export function rupiahInput(options: { min?: Rupiah; minMessage?: string } = {}) {
  const { min = 1n, minMessage = wordsMessage("Validation.form.amountPositive") } = options;
  return z
    .preprocess(
      (value) => (typeof value === "number" || typeof value === "bigint" ? String(value) : value),
      codeInput(z.string({ error: wordsMessage("Validation.form.amountRequired") })),
    )
    .transform((text, ctx): Rupiah => {
      const parsed = parseRupiah(text, { locale: currentInputLocale() });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: wordsMessage(`Money.parseError.${parsed.code}`) });
        return z.NEVER;
      }
      return parsed.value;
    })
    .refine((value) => value >= min, minMessage);
}

/**
 * A whole count from a form: "1.200" (Indonesian grouping) and "1200" alike; blank is
 * `fallback` when given, else missing. `label` is the catalogue key of what it counts.
 */
export function countInput(options: { label: string; max: number; fallback?: number }) {
  const { label, max, fallback } = options;
  const Label = wordsParam(label, true);
  const number = z
    .number({ error: wordsMessage("Validation.form.countRequired", { label: wordsParam(label) }) })
    .int(wordsMessage("Validation.form.countWhole", { label: Label }))
    .min(0, wordsMessage("Validation.form.countNegative", { label: Label }))
    .max(max, wordsMessage("Validation.form.countMax", { label: Label, max }));
  return z.preprocess((value) => {
    const blank = blankToUndefined(value);
    if (blank === undefined) return fallback;
    if (typeof blank !== "string") return blank;
    const text = blank.trim();
    const digits = /^\d{1,3}(?:\.\d{3})+$/.test(text) ? text.replaceAll(".", "") : text;
    return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
  }, number);
}

/** Optional free text: blank becomes null; `message` (wordsMessage) refuses text past `max`. */
export function optionalText(max: number, message: string) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max, message).optional()).transform((value) => value ?? null);
}
