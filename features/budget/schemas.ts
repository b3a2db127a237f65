// Realisation forms and actions share these schemas.
import { z } from "@/lib/validation/zod";
import { blankToUndefined, optionalText, recordId, rupiahInput } from "@/lib/forms/fields";

export const MAX_BULK_VERIFY = 500;

export const realisationId = recordId("entri realisasi");
const budgetLineId = recordId("pos anggaran");

/** 1–12 within the programme's fiscal year. */
export const month = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Pilih bulan." })
    .int("Pilih bulan dari daftar.")
    .min(1, "Bulan harus antara 1 (Januari) dan 12 (Desember).")
    .max(12, "Bulan harus antara 1 (Januari) dan 12 (Desember)."),
);

const entryFields = {
  month,
  amount: rupiahInput({ minMessage: "Jumlah realisasi harus lebih dari Rp 0." }),
  note: optionalText(500, "Catatan maksimal 500 karakter."),
};

export const createRealisationSchema = z.object({ budgetLineId, ...entryFields });
export const updateRealisationSchema = z.object({ realisationId, ...entryFields });
export const realisationIdSchema = z.object({ realisationId });

export const reverseRealisationSchema = z.object({
  realisationId,
  note: z
    .string({ error: "Tuliskan alasan pembalikan." })
    .trim()
    .min(5, "Tuliskan alasan pembalikan (paling sedikit 5 karakter).")
    .max(500, "Alasan maksimal 500 karakter."),
});

/** One id (a row's own button) or several (the ticked boxes). */
export const verifyRealisationsSchema = z.object({
  ids: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z
      .array(realisationId, { error: "Pilih minimal satu entri untuk diverifikasi." })
      .min(1, "Pilih minimal satu entri untuk diverifikasi.")
      .max(MAX_BULK_VERIFY, `Paling banyak ${MAX_BULK_VERIFY} entri sekaligus.`)
      .transform((ids) => [...new Set(ids)]),
  ),
});

export type CreateRealisationInput = z.output<typeof createRealisationSchema>;
export type UpdateRealisationInput = z.output<typeof updateRealisationSchema>;
