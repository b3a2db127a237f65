import { recordVersionOrUnsaved } from "@/lib/forms/fields";
import { RETENTION_LIMITS } from "@/lib/privacy/retention-periods";
import { z } from "@/lib/validation/zod";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";

/** `unit`: "months" or "days" (Audit.input.units). */
const wholeNumber = (min: number, max: number, unit: "months" | "days") => {
  const words = wordsParam(`Audit.input.units.${unit}`);
  return z.coerce
    .number({ error: wordsMessage("Audit.input.countRequired", { unit: words }) })
    .int(wordsMessage("Audit.input.countWhole", { unit: words }))
    .min(min, wordsMessage("Audit.input.countMin", { min, unit: words }))
    .max(max, wordsMessage("Audit.input.countMax", { max, unit: words }));
};

export const retentionSchema = z.object({
  auditMonths: wholeNumber(RETENTION_LIMITS.auditMonths.min, RETENTION_LIMITS.auditMonths.max, "months"),
  importReportDays: wholeNumber(RETENTION_LIMITS.importReportDays.min, RETENTION_LIMITS.importReportDays.max, "days"),
  /** The setting's version the form showed; 0 while the city keeps the defaults. */
  version: recordVersionOrUnsaved,
});
export type RetentionInput = z.output<typeof retentionSchema>;
