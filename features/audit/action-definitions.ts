// The city admin's retention setting: how long the audit trail and import reports are kept.
import { defineAction } from "@/lib/actions/define";
import { auditRoutes } from "@/features/audit/routes";
import { retentionSchema } from "@/features/audit/schemas";
import { nextVersion, UNSAVED_VERSION } from "@/lib/db/versioned-update";
import { stale } from "@/lib/errors";

export const updateRetentionDefinition = defineAction({
  name: "audit.retention.save",
  permission: "retention:manage",
  schema: retentionSchema,
  run: async ({ tx, tenantId }, { version, ...periods }) => {
    if (version !== UNSAVED_VERSION) {
      // The setting is keyed by its city, not by an id as updateAtVersion's records are: its one
      // row, if still at the version the form showed ("not found" otherwise).
      await tx.retentionSetting.update({ where: { tenantId, version }, data: { ...periods, ...nextVersion } }).catch((error: unknown) => {
        throw (error as { code?: unknown })?.code === "P2025" ? stale() : error;
      });
    } else if (await tx.retentionSetting.findFirst({ select: { tenantId: true } })) {
      throw stale();
    } else {
      await tx.retentionSetting.create({ data: { tenantId, ...periods } });
    }
    return { retention: periods };
  },
  revalidate: (slug) => [auditRoutes.processingRecord(slug)],
  successMessage: "Success.audit.retention.save",
});
