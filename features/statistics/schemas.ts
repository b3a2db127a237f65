// The official-statistics and target forms and actions share these schemas.
import { blankToUndefined, countInput, optionalRecordId, optionalText, recordId, recordVersionOrUnsaved } from "@/lib/forms/fields";
import { TargetIndicator } from "@/lib/generated/prisma/enums";
import { parseRupiah, type Rupiah } from "@/lib/money";
import { codeInput } from "@/lib/validation/free-text";
import { currentInputLocale } from "@/lib/validation/input-locale";
import { z } from "@/lib/validation/zod";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";

export const MAX_PEOPLE = 50_000_000;

const year = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: wordsMessage("Statistics.input.yearRequired") })
    .int(wordsMessage("Statistics.input.yearWhole"))
    .min(2000, wordsMessage("Statistics.input.yearMin"))
    .max(2100, wordsMessage("Statistics.input.yearMax")),
);

/** The city as a whole ("" / absent) or one of its kecamatan. */
const areaId = optionalRecordId;

/**
 * A decimal as people type it: "8,61" or "8.61" (at most `digits` decimals), between 0 and
 * `max`. Blank is null when optional.
 */
function decimalInput(options: { label: string; digits: number; max: number; optional: boolean }) {
  const { digits, max } = options;
  const label = wordsParam(`Statistics.input.labels.${options.label}`);
  const pattern = new RegExp(`^\\d{1,9}(?:[.,]\\d{1,${digits}})?$`);
  const number = z
    .string()
    .trim()
    .regex(pattern, wordsMessage(digits === 2 ? "Statistics.input.decimalTwo" : "Statistics.input.decimalThree", { label }))
    .transform((text) => Number(text.replace(",", ".")))
    .refine((value) => value <= max, wordsMessage("Statistics.input.decimalMax", { label, max }));
  const value = z.preprocess((input) => (typeof input === "number" ? String(input) : blankToUndefined(input)), options.optional ? number.optional() : number);
  return value.transform((result) => result ?? null);
}

/**
 * What a city's poverty line may be, in whole Rupiah per person per month. BPS's lines are some
 * hundred thousand Rupiah (the national one about Rp 580.000 in 2024); the bounds catch a figure
 * typed per year or per household, or in thousands, and leave room for a dear city and the
 * years to come.
 */
export const POVERTY_LINE_BOUNDS = { min: 50_000n, max: 10_000_000n } as const satisfies Record<string, Rupiah>;

/**
 * The poverty line as people type it ("612.345", "Rp 612.345", "612345"), read like every Rupiah
 * field (lib/money, in the interface's language); an Excel number cell arrives as a number and
 * must be whole. Blank is null.
 */
function povertyLineInput() {
  const range = wordsMessage("Statistics.input.povertyLineRange", { min: Number(POVERTY_LINE_BOUNDS.min), max: Number(POVERTY_LINE_BOUNDS.max) });
  return z.preprocess(blankToUndefined, z.union([z.number(), z.bigint(), codeInput(z.string().trim())]).optional()).transform((value, ctx): Rupiah | null => {
    if (value === undefined) return null;
    let amount: Rupiah;
    if (typeof value === "string") {
      const parsed = parseRupiah(value, { locale: currentInputLocale() });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: wordsMessage(`Money.parseError.${parsed.code}`) });
        return z.NEVER;
      }
      amount = parsed.value;
    } else if (typeof value === "number" && !Number.isSafeInteger(value)) {
      ctx.addIssue({ code: "custom", message: wordsMessage("Money.parseError.notWhole") });
      return z.NEVER;
    } else amount = BigInt(value);
    if (amount < POVERTY_LINE_BOUNDS.min || amount > POVERTY_LINE_BOUNDS.max) {
      ctx.addIssue({ code: "custom", message: range });
      return z.NEVER;
    }
    return amount;
  });
}

function optionalCount(label: string) {
  return z.preprocess(blankToUndefined, countInput({ label, max: MAX_PEOPLE }).optional()).transform((value) => value ?? null);
}

export const statisticFields = {
  year,
  areaId,
  povertyRatePct: decimalInput({ label: "povertyRate", digits: 2, max: 100, optional: true }),
  poorPeople: optionalCount("Validation.labels.poorPeople"),
  extremeRatePct: decimalInput({ label: "extremeRate", digits: 2, max: 100, optional: true }),
  extremePoorPeople: optionalCount("Validation.labels.extremePoorPeople"),
  p1: decimalInput({ label: "p1", digits: 3, max: 100, optional: true }),
  p2: decimalInput({ label: "p2", digits: 3, max: 100, optional: true }),
  povertyLineRupiah: povertyLineInput(),
  source: optionalText(200, wordsMessage("Statistics.input.sourceLong")),
};

type Figures = { povertyRatePct: number | null; poorPeople: number | null; extremeRatePct: number | null; extremePoorPeople: number | null };
const someFigure: [(value: Figures) => boolean, { message: string; path: string[] }] = [
  (value) => [value.povertyRatePct, value.poorPeople, value.extremeRatePct, value.extremePoorPeople].some((figure) => figure !== null),
  { message: wordsMessage("Statistics.input.someFigure"), path: ["povertyRatePct"] },
];

/**
 * One year's figures for the city or a kecamatan from the form; at least one figure. The form
 * sends the version of the row it showed, 0 for a year it showed none of: a save over a row
 * the form did not show is refused as STALE.
 */
export const saveStatisticSchema = z.object({ ...statisticFields, version: recordVersionOrUnsaved }).refine(...someFigure);

/** The same from a row of an imported file, which replaces a year that exists: the file is what the user meant. */
export const importStatisticSchema = z.object(statisticFields).refine(...someFigure);

export const statisticIdSchema = z.object({ statisticId: recordId("Validation.labels.statistic") });

export const TARGET_INDICATORS = Object.values(TargetIndicator);

export const saveTargetSchema = z.object({
  indicator: z.enum(TargetIndicator, wordsMessage("Statistics.input.indicatorRequired")),
  year,
  areaId,
  value: decimalInput({ label: "targetValue", digits: 2, max: 1_000_000_000, optional: false }),
  note: optionalText(500, wordsMessage("Statistics.input.noteLong")),
  /** The version of the target the form showed, 0 for a new one. */
  version: recordVersionOrUnsaved,
});

export const targetIdSchema = z.object({ targetId: recordId("Validation.labels.target") });

export type SaveStatisticInput = z.output<typeof saveStatisticSchema>;
export type ImportStatisticInput = z.output<typeof importStatisticSchema>;
export type SaveTargetInput = z.output<typeof saveTargetSchema>;
