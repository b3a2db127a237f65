// Form fields the registry's actions share. Messages are Indonesian (zod's id locale, and
// our own where the rule is ours).
import { blankToUndefined } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

export const householdId = z.string().trim().min(1, wordsMessage("Registry.input.householdRequired")).max(40);

export const optionalDesil = z.preprocess(
  blankToUndefined,
  z.coerce.number().int().min(1, wordsMessage("Registry.input.desilRange")).max(10, wordsMessage("Registry.input.desilRange")).optional(),
);
