// The return note's rule, shared by the form and the action.
import { z } from "@/lib/validation/zod";

export const RETURN_NOTE_MAX = 500;

export const returnNote = z
  .string({ error: "Tuliskan catatan untuk pengisi." })
  .trim()
  .min(5, "Tuliskan catatan untuk pengisi (paling sedikit 5 karakter).")
  .max(RETURN_NOTE_MAX, `Catatan maksimal ${RETURN_NOTE_MAX} karakter.`);
