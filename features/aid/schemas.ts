// The distribution form and its actions share these schemas. Messages are Indonesian.
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

export const AID_KINDS = Object.values(AidKind);

export const distributionId = recordId("penyaluran bantuan");
const optionalId = optionalRecordId;

/** "1", "on", "true": the clerk confirmed saving despite the duplicate warning. */
const confirmed = z.preprocess((value) => value === true || value === "1" || value === "on" || value === "true", z.boolean());

/** The fields of a hand-over, as the form sends them to record it or to fix its draft. */
const distributionFields = {
  programmeId: recordId("program"),
  budgetLineId: optionalId,
  householdId: recordId("rumah tangga penerima"),
  memberId: optionalId,
  trainingParticipantId: optionalId,
  kind: z.enum(AidKind, "Pilih jenis bantuan."),
  items: z
    .string({ error: "Tuliskan barang atau bantuan yang diserahkan." })
    .trim()
    .min(2, "Tuliskan barang atau bantuan yang diserahkan.")
    .max(300, "Uraian bantuan maksimal 300 karakter."),
  quantity: countInput({ label: "jumlah", max: 100_000, fallback: 1 }).refine((n) => n >= 1, "Jumlah paling sedikit 1."),
  value: rupiahInput({ minMessage: "Nilai bantuan harus lebih dari Rp 0." }),
  distributedAt: z.preprocess(blankToUndefined, z.string({ error: "Isi tanggal penyerahan." }).pipe(isoDay)),
  handedOverBy: optionalText(120, "Nama petugas maksimal 120 karakter."),
  proofRef: optionalText(120, "Nomor bukti maksimal 120 karakter."),
  partnerName: optionalText(120, "Nama mitra maksimal 120 karakter."),
  monthsCovered: z.preprocess(blankToUndefined, countInput({ label: "jumlah bulan", max: 12 }).optional()).transform((value) => value ?? null),
  /** The member's BPJS Ketenagakerjaan number (KPJ), 11 digits; spaces and dots are dropped. */
  bpjsNumber: z
    .preprocess(
      (value) => (typeof value === "string" ? blankToUndefined(value.replace(/[\s.-]/g, "")) : value),
      codeInput(z.string().regex(KPJ_NUMBER, "Nomor KPJ BPJS Ketenagakerjaan terdiri dari 11 digit angka.")).optional(),
    )
    .transform((value) => value ?? null),
  /** The first month covered, yyyy-mm (the form's month field). */
  coverageStart: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Isi bulan mulai kepesertaan dengan benar (bulan dan tahun).")
        .optional(),
    )
    .transform((value) => value ?? null),
  /** Whole Rupiah a month; blank is the informal workers' JKK + JKM premium. */
  premiumPerMonth: z
    .preprocess(blankToUndefined, rupiahInput({ minMessage: "Premi per bulan harus lebih dari Rp 0." }).optional())
    .transform((value) => value ?? null),
  note: optionalText(500, "Catatan maksimal 500 karakter."),
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
      ctx.addIssue({ code: "custom", path: ["partnerName"], message: "Bantuan rumah layak huni perlu nama mitra CSR." });
    }
    if (input.kind === "INSURANCE_PREMIUM") {
      if (!input.memberId) {
        ctx.addIssue({ code: "custom", path: ["memberId"], message: "Premi BPJS Ketenagakerjaan dibayar per orang: pilih anggota keluarga." });
      }
      if (input.monthsCovered === null || input.monthsCovered < 1) {
        ctx.addIssue({ code: "custom", path: ["monthsCovered"], message: "Isi berapa bulan premi yang dibayar (1–12)." });
      }
      if (!input.bpjsNumber && !options.numberKept) {
        ctx.addIssue({ code: "custom", path: ["bpjsNumber"], message: "Isi nomor KPJ BPJS Ketenagakerjaan anggota yang dilindungi." });
      }
      if (!input.coverageStart) {
        ctx.addIssue({ code: "custom", path: ["coverageStart"], message: "Isi bulan mulai kepesertaan yang dibayar." });
      }
      const premium = input.premiumPerMonth ?? BPJS_TK_PREMIUM_PER_MONTH;
      if (input.monthsCovered && input.monthsCovered >= 1 && input.value !== premium * BigInt(input.monthsCovered)) {
        const expected = premium * BigInt(input.monthsCovered);
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `Nilai harus premi per bulan × jumlah bulan: ${formatRupiah(premium)} × ${input.monthsCovered} bulan = ${formatRupiah(expected)}.`,
        });
      }
    } else {
      const onlyPremium = (field: string, what: string) =>
        ctx.addIssue({ code: "custom", path: [field], message: `${what} hanya untuk premi BPJS Ketenagakerjaan.` });
      if (input.monthsCovered !== null) onlyPremium("monthsCovered", "Jumlah bulan");
      if (input.bpjsNumber !== null) onlyPremium("bpjsNumber", "Nomor KPJ");
      if (input.coverageStart !== null) onlyPremium("coverageStart", "Bulan mulai kepesertaan");
      if (input.premiumPerMonth !== null) onlyPremium("premiumPerMonth", "Premi per bulan");
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

export const verifyDistributionsSchema = z.object({ ids: idsToVerify(distributionId, "penyaluran", "penyaluran") });

export type CreateDistributionInput = z.output<typeof createDistributionSchema>;
export type UpdateDistributionInput = z.output<typeof updateDistributionSchema>;
