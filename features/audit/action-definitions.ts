// The city admin's retention setting: how long the audit trail and import reports are kept.
import { defineAction } from "@/lib/actions/define";
import { auditRoutes } from "@/features/audit/routes";
import { retentionSchema } from "@/features/audit/schemas";

export const updateRetentionDefinition = defineAction({
  name: "audit.retention.save",
  permission: "retention:manage",
  schema: retentionSchema,
  run: async ({ tx, tenantId }, input) => {
    const setting = await tx.retentionSetting.upsert({
      where: { tenantId },
      create: { tenantId, ...input },
      update: input,
      select: { auditMonths: true, importReportDays: true },
    });
    return { retention: setting };
  },
  revalidate: (slug) => [auditRoutes.processingRecord(slug)],
  successMessage: "Masa simpan disimpan.",
});
