// The official-statistics and target forms and actions share these schemas.
import { blankToUndefined, countInput, optionalRecordId, optionalText, recordId, recordVersionOrUnsaved } from "@/lib/forms/fields";
import { TargetIndicator } from "@/lib/generated/prisma/enums";
import { z } from "@/lib/validation/zod";

export const MAX_PEOPLE = 50_000_000;

const year = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: "Isi tahun." }).int("Tahun harus bilangan bulat.").min(2000, "Tahun paling awal 2000.").max(2100, "Tahun paling akhir 2100."),
);

/** The city as a whole ("" / absent) or one of its kecamatan. */
const areaId = optionalRecordId;

/**
 * A decimal as people type it: "8,61" or "8.61" (at most `digits` decimals), between 0 and
 * `max`. Blank is null when optional.
 */
function decimalInput(options: { label: string; digits: number; max: number; optional: boolean }) {
  const { label, digits, max } = options;
  const pattern = new RegExp(`^\\d{1,9}(?:[.,]\\d{1,${digits}})?$`);
  const number = z
    .string()
    .trim()
    .regex(pattern, `${label} harus angka dengan paling banyak ${digits} desimal, mis. ${digits === 2 ? "8,61" : "1,234"}.`)
    .transform((text) => Number(text.replace(",", ".")))
    .refine((value) => value <= max, `${label} paling besar ${String(max).replace(".", ",")}.`);
  const value = z.preprocess((input) => (typeof input === "number" ? String(input) : blankToUndefined(input)), options.optional ? number.optional() : number);
  return value.transform((result) => result ?? null);
}

function optionalCount(label: string) {
  return z.preprocess(blankToUndefined, countInput({ label, max: MAX_PEOPLE }).optional()).transform((value) => value ?? null);
}

export const statisticFields = {
  year,
  areaId,
  povertyRatePct: decimalInput({ label: "Persentase penduduk miskin", digits: 2, max: 100, optional: true }),
  poorPeople: optionalCount("jumlah penduduk miskin"),
  extremeRatePct: decimalInput({ label: "Persentase kemiskinan ekstrem", digits: 2, max: 100, optional: true }),
  extremePoorPeople: optionalCount("jumlah penduduk miskin ekstrem"),
  p1: decimalInput({ label: "Indeks kedalaman (P1)", digits: 3, max: 100, optional: true }),
  p2: decimalInput({ label: "Indeks keparahan (P2)", digits: 3, max: 100, optional: true }),
  source: optionalText(200, "Sumber maksimal 200 karakter."),
};

type Figures = { povertyRatePct: number | null; poorPeople: number | null; extremeRatePct: number | null; extremePoorPeople: number | null };
const someFigure: [(value: Figures) => boolean, { message: string; path: string[] }] = [
  (value) => [value.povertyRatePct, value.poorPeople, value.extremeRatePct, value.extremePoorPeople].some((figure) => figure !== null),
  { message: "Isi paling sedikit satu angka: persentase atau jumlah penduduk miskin.", path: ["povertyRatePct"] },
];

/**
 * One year's figures for the city or a kecamatan from the form; at least one figure. The form
 * sends the version of the row it showed, 0 for a year it showed none of: a save over a row
 * the form did not show is refused as STALE.
 */
export const saveStatisticSchema = z.object({ ...statisticFields, version: recordVersionOrUnsaved }).refine(...someFigure);

/** The same from a row of an imported file, which replaces a year that exists: the file is what the user meant. */
export const importStatisticSchema = z.object(statisticFields).refine(...someFigure);

export const statisticIdSchema = z.object({ statisticId: recordId("data statistik") });

export const TARGET_INDICATORS = Object.values(TargetIndicator);

export const saveTargetSchema = z.object({
  indicator: z.enum(TargetIndicator, "Pilih indikator target."),
  year,
  areaId,
  value: decimalInput({ label: "Nilai target", digits: 2, max: 1_000_000_000, optional: false }),
  note: optionalText(500, "Catatan maksimal 500 karakter."),
  /** The version of the target the form showed, 0 for a new one. */
  version: recordVersionOrUnsaved,
});

export const targetIdSchema = z.object({ targetId: recordId("target") });

export type SaveStatisticInput = z.output<typeof saveStatisticSchema>;
export type ImportStatisticInput = z.output<typeof importStatisticSchema>;
export type SaveTargetInput = z.output<typeof saveTargetSchema>;
