// Realisation forms and actions share these schemas.
import { z } from "@/lib/validation/zod";
import { blankToUndefined, idsToVerify, optionalText, recordId, recordVersion, reversalNote, rupiahInput } from "@/lib/forms/fields";

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

/** SP2D / SPJ number of the spending, once per city. */
export const referenceNo = z
  .string({ error: "Isi nomor SP2D / SPJ." })
  .trim()
  .min(1, "Isi nomor SP2D / SPJ.")
  .max(60, "Nomor SP2D / SPJ maksimal 60 karakter.");

const entryFields = {
  month,
  referenceNo,
  amount: rupiahInput({ minMessage: "Jumlah realisasi harus lebih dari Rp 0." }),
  note: optionalText(500, "Catatan maksimal 500 karakter."),
};

export const createRealisationSchema = z.object({ budgetLineId, ...entryFields });
export const updateRealisationSchema = z.object({ realisationId, version: recordVersion, ...entryFields });
export const realisationIdSchema = z.object({ realisationId });

export const reverseRealisationSchema = z.object({ realisationId, note: reversalNote });

export const verifyRealisationsSchema = z.object({ ids: idsToVerify(realisationId, "entri") });

export type CreateRealisationInput = z.output<typeof createRealisationSchema>;
export type UpdateRealisationInput = z.output<typeof updateRealisationSchema>;
