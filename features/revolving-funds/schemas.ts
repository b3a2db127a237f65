// Dana PEM forms and actions share these schemas. Messages are Indonesian.
import { blankToUndefined, optionalText, recordId, recordVersion, rupiahInput, isoDay, reasonText } from "@/lib/forms/fields";
import { codeInput } from "@/lib/validation/free-text";
import { z } from "@/lib/validation/zod";

const fundId = recordId("dana");
const loanId = recordId("pinjaman");

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Isi ${label} dengan angka.` })
      .int(`Isi ${label} dengan bilangan bulat.`)
      .min(min, `${label} paling sedikit ${min}.`)
      .max(max, `${label} paling banyak ${max}.`),
  );

/** "3", "1,5" or "1.5" percent → basis points (150); blank is no fee. */
const feePercent = z.preprocess(
  (value) => blankToUndefined(value) ?? "0",
  z
    .string()
    .trim()
    .regex(/^\d{1,2}(?:[.,]\d{1,2})?$/, "Isi jasa layanan dalam persen, misalnya 3 atau 1,5.")
    .transform((text) => {
      const [whole, fraction = ""] = text.replace(",", ".").split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    })
    .refine((bps) => bps <= 2400, "Jasa layanan paling tinggi 24 %."),
);

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const fundRules = {
  lpmName: z.string({ error: "Isi nama LPM pengelola." }).trim().min(3, "Isi nama LPM pengelola.").max(120, "Nama LPM paling banyak 120 karakter."),
  maxLoan: rupiahInput({ minMessage: "Plafon pinjaman harus lebih dari Rp 0." }),
  maxTenorMonths: wholeNumber("Jangka waktu maksimal", 1, 60),
  serviceFeeBps: feePercent,
  graceMonths: wholeNumber("Masa tenggang", 0, 12),
};

export const createFundSchema = z.object({ year: wholeNumber("Tahun", 2000, 2100), ...fundRules });
export const updateFundSchema = z.object({ fundId, version: recordVersion, ...fundRules });

export const FUNDING_SOURCES = ["APBD", "FISCAL_INCENTIVE", "DAK", "CSR", "OTHER"] as const;

export const addCapitalSchema = z.object({
  fundId,
  amount: rupiahInput({ minMessage: "Jumlah modal harus lebih dari Rp 0." }),
  source: z.enum(FUNDING_SOURCES, { error: "Pilih sumber dana." }),
  receivedAt: isoDay,
  note: optionalText(300, "Keterangan paling banyak 300 karakter."),
});

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Isi ${label}.` })
    .trim()
    .min(min, `Isi ${label} (paling sedikit ${min} karakter).`)
    .max(max, `${label} paling banyak ${max} karakter.`);

export const createLoanSchema = z
  .object({
    fundId,
    /** A registry member of the kelurahan; or, without one, a resident by NIK and name. */
    memberId: z.preprocess(blankToUndefined, codeInput(z.string().trim().max(64)).optional()),
    borrowerNik: z.preprocess(blankToUndefined, codeInput(z.string().trim()).optional()),
    borrowerName: z.preprocess(blankToUndefined, z.string().trim().max(120, "Nama paling banyak 120 karakter.").optional()),
    businessType: text("jenis usaha", 3, 120),
    purpose: text("tujuan pinjaman", 5, 500),
    principal: rupiahInput({ minMessage: "Pokok pinjaman harus lebih dari Rp 0." }),
    tenorMonths: wholeNumber("Jangka waktu", 1, 60),
    newRound: checkbox,
    override: checkbox,
    overrideReason: z.preprocess(blankToUndefined, z.string().trim().max(500, "Alasan paling banyak 500 karakter.").optional()),
  })
  .superRefine((input, ctx) => {
    if (input.memberId) return;
    if (!input.borrowerNik) ctx.addIssue({ code: "custom", path: ["borrowerNik"], message: "Pilih anggota registri atau isi NIK peminjam." });
    if (!input.borrowerName || input.borrowerName.length < 3)
      ctx.addIssue({ code: "custom", path: ["borrowerName"], message: "Isi nama peminjam sesuai KTP." });
  });

/** The approver is the signed-in user; no name is typed. */
export const approveLoanSchema = z.object({ loanId });
export const loanIdSchema = z.object({ loanId });
export const disburseLoanSchema = z.object({ loanId, disbursedAt: isoDay });

export const recordRepaymentSchema = z.object({
  loanId,
  paidAt: isoDay,
  amount: rupiahInput({ minMessage: "Jumlah pembayaran harus lebih dari Rp 0." }),
  receiptNo: optionalText(40, "Nomor kuitansi paling banyak 40 karakter."),
  note: optionalText(300, "Keterangan paling banyak 300 karakter."),
});

export const writeOffLoanSchema = z.object({
  loanId,
  reason: reasonText,
  approver: text("nama pejabat yang menyetujui penghapusan", 3, 120),
});

export type CreateFundInput = z.output<typeof createFundSchema>;
export type UpdateFundInput = z.output<typeof updateFundSchema>;
export type AddCapitalInput = z.output<typeof addCapitalSchema>;
export type CreateLoanInput = z.output<typeof createLoanSchema>;
export type RecordRepaymentInput = z.output<typeof recordRepaymentSchema>;
export type WriteOffLoanInput = z.output<typeof writeOffLoanSchema>;
