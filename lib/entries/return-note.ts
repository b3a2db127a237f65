// The return note's rule, shared by the form and the action.
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

export const RETURN_NOTE_MAX = 500;

export const returnNote = z
  .string({ error: wordsMessage("Validation.form.returnNoteRequired") })
  .trim()
  .min(5, wordsMessage("Validation.form.returnNoteShort"))
  .max(RETURN_NOTE_MAX, wordsMessage("Validation.form.noteLong", { max: RETURN_NOTE_MAX }));
