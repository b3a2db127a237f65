// Form fields the domains' schemas share. Messages are Indonesian.
import { parseRupiah, type Rupiah } from "@/lib/money";
import { wordsMessage } from "@/lib/errors/worded";
import { codeInput } from "@/lib/validation/free-text";
import { currentInputLocale } from "@/lib/validation/input-locale";
import { z } from "@/lib/validation/zod";

/** An optional form field: "" (nothing chosen or typed) becomes undefined. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A calendar day as the date input sends it: "2026-11-23". */
export const isoDay = z.iso.date("Isi tanggal dengan benar.");

/** Why a change, reversal or cancellation is made: required, a sentence at most. */
export const reasonText = z.string().trim().min(5, "Tuliskan alasan (paling sedikit 5 karakter).").max(500, "Alasan paling banyak 500 karakter.");

/** Why a verified entry is reversed (budget realisation, aid). */
export const reversalNote = z
  .string({ error: "Tuliskan alasan pembalikan." })
  .trim()
  .min(5, "Tuliskan alasan pembalikan (paling sedikit 5 karakter).")
  .max(500, "Alasan maksimal 500 karakter.");

/** How many entries one verification may take. */
export const MAX_BULK_VERIFY = 500;

/**
 * The ids to verify: one (a row's own button) or several (the ticked boxes), each once.
 * `what` names one of them ("entri", "penyaluran"); `many` counts them in the limit's message.
 */
export function idsToVerify(id: z.ZodType<string>, what: string, many: string = "entri") {
  return z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z
      .array(id, { error: `Pilih minimal satu ${what} untuk diverifikasi.` })
      .min(1, `Pilih minimal satu ${what} untuk diverifikasi.`)
      .max(MAX_BULK_VERIFY, `Paling banyak ${MAX_BULK_VERIFY} ${many} sekaligus.`)
      .transform((ids) => [...new Set(ids)]),
  );
}

/** A record id from a hidden field or a <select>. */
export const recordId = (what: string) =>
  codeInput(
    z
      .string({ error: `Pilih ${what}.` })
      .trim()
      .min(1, `Pilih ${what}.`)
      .max(64),
  );

/** An optional record id from a <select> or hidden field: blank is null. */
export const optionalRecordId = z.preprocess(blankToUndefined, codeInput(z.string().trim().max(64)).optional()).transform((value) => value ?? null);

/**
 * The version of the record an edit form showed (a hidden field, components/ui/version-field):
 * every edit schema requires it, and the save is refused when the record has moved on.
 */
/** The version of a record a form shows, or UNSAVED_VERSION (0) when the form would create it. */
export const recordVersionOrUnsaved = z.coerce
  .number({ error: "Muat ulang halaman lalu simpan lagi." })
  .int("Muat ulang halaman lalu simpan lagi.")
  .min(0, "Muat ulang halaman lalu simpan lagi.");

export const recordVersion = z.coerce
  .number({ error: "Muat ulang halaman lalu simpan lagi." })
  .int("Muat ulang halaman lalu simpan lagi.")
  .min(1, "Muat ulang halaman lalu simpan lagi.");

/**
 * Whole Rupiah as people type it ("1.500.000", "Rp1,5 juta", "1500000"), through
 * parseRupiah; numbers and bigints (imports, tests) are read the same way. At least `min`.
 */
export function rupiahInput(options: { min?: Rupiah; minMessage?: string } = {}) {
  const { min = 1n, minMessage = "Jumlah harus lebih dari Rp 0." } = options;
  return z
    .preprocess(
      (value) => (typeof value === "number" || typeof value === "bigint" ? String(value) : value),
      codeInput(z.string({ error: "Isi jumlah rupiah." })),
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
 * `fallback` when given, else missing.
 */
export function countInput(options: { label: string; max: number; fallback?: number }) {
  const { label, max, fallback } = options;
  const number = z
    .number({ error: `Isi ${label} dengan angka.` })
    .int(`${capitalise(label)} harus bilangan bulat.`)
    .min(0, `${capitalise(label)} tidak boleh negatif.`)
    .max(max, `${capitalise(label)} paling banyak ${max.toLocaleString("id-ID")}.`);
  return z.preprocess((value) => {
    const blank = blankToUndefined(value);
    if (blank === undefined) return fallback;
    if (typeof blank !== "string") return blank;
    const text = blank.trim();
    const digits = /^\d{1,3}(?:\.\d{3})+$/.test(text) ? text.replaceAll(".", "") : text;
    return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
  }, number);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Optional free text: blank becomes null. */
export function optionalText(max: number, message: string) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max, message).optional()).transform((value) => value ?? null);
}
