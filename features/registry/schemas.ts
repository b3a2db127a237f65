// Form fields the registry's actions share. Messages are Indonesian (zod's id locale, and
// our own where the rule is ours).
import { blankToUndefined } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";

export const householdId = z.string().trim().min(1, "Pilih keluarga.").max(40);

export const optionalDesil = z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "Desil 1–10.").max(10, "Desil 1–10.").optional());
