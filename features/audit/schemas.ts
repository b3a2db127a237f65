import { recordVersionOrUnsaved } from "@/lib/forms/fields";
import { RETENTION_LIMITS } from "@/lib/privacy/retention-periods";
import { z } from "@/lib/validation/zod";

const wholeNumber = (min: number, max: number, unit: string) =>
  z.coerce
    .number({ error: `Isi jumlah ${unit}.` })
    .int(`Isi jumlah ${unit} tanpa pecahan.`)
    .min(min, `Paling sedikit ${min} ${unit}.`)
    .max(max, `Paling banyak ${max} ${unit}.`);

export const retentionSchema = z.object({
  auditMonths: wholeNumber(RETENTION_LIMITS.auditMonths.min, RETENTION_LIMITS.auditMonths.max, "bulan"),
  importReportDays: wholeNumber(RETENTION_LIMITS.importReportDays.min, RETENTION_LIMITS.importReportDays.max, "hari"),
  /** The setting's version the form showed; 0 while the city keeps the defaults. */
  version: recordVersionOrUnsaved,
});
export type RetentionInput = z.output<typeof retentionSchema>;
