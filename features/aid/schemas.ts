// The distribution form and its actions share these schemas. Messages are Indonesian.
import { blankToUndefined, countInput, optionalRecordId, optionalText, recordId, rupiahInput, isoDay, idsToVerify, reversalNote } from "@/lib/forms/fields";
import { AidKind } from "@/lib/generated/prisma/enums";
import { z } from "@/lib/validation/zod";

export const AID_KINDS = Object.values(AidKind);

export const distributionId = recordId("penyaluran bantuan");
const optionalId = optionalRecordId;

/** "1", "on", "true": the clerk confirmed saving despite the duplicate warning. */
const confirmed = z.preprocess((value) => value === true || value === "1" || value === "on" || value === "true", z.boolean());

export const createDistributionSchema = z
  .object({
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
    note: optionalText(500, "Catatan maksimal 500 karakter."),
    acknowledgeDuplicate: confirmed,
  })
  .superRefine((input, ctx) => {
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
    } else if (input.monthsCovered !== null) {
      ctx.addIssue({ code: "custom", path: ["monthsCovered"], message: "Jumlah bulan hanya untuk premi BPJS Ketenagakerjaan." });
    }
  });

export const distributionIdSchema = z.object({ distributionId });

export const reverseDistributionSchema = z.object({ distributionId, note: reversalNote });

export const verifyDistributionsSchema = z.object({ ids: idsToVerify(distributionId, "penyaluran", "penyaluran") });

export type CreateDistributionInput = z.output<typeof createDistributionSchema>;
