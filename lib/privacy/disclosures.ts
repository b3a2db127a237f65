// Every time named people leave the application, in a file or on paper, the households they
// belong to are recorded against the audit row of that export or print
// (PersonalDataDisclosure), so a data-subject access report names it.
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { clientIp, requestId, type HeaderSource } from "@/lib/auth/request";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";

/** The households listed by the export or print audited as `auditLogId`. */
export async function recordDisclosures(tx: Tx, tenantId: string, auditLogId: bigint, householdIds: readonly (string | null)[]): Promise<void> {
  const listed = [...new Set(householdIds.filter((id): id is string => Boolean(id)))];
  if (listed.length === 0) return;
  await tx.personalDataDisclosure.createMany({ data: listed.map((householdId) => ({ tenantId, auditLogId, householdId })), skipDuplicates: true });
}

/** The audit action of a printable page that names people. */
export const PRINT_ACTION = "print";

/**
 * A printable page naming people was served to `user`: audited (the record and the document,
 * never a number), with the households it names as disclosed.
 */
export async function recordPrint(
  tx: Tx,
  user: TenantSessionUser,
  print: { entity: string; entityId: string; file: string; householdIds: readonly (string | null)[]; headers: HeaderSource },
): Promise<void> {
  const auditLogId = await recordAudit(tx, {
    tenantId: user.tenantId,
    userId: user.id,
    action: PRINT_ACTION,
    entity: print.entity,
    entityId: print.entityId,
    after: { file: print.file },
    requestId: requestId(print.headers),
    ip: clientIp(print.headers),
  });
  await recordDisclosures(tx, user.tenantId, auditLogId, print.householdIds);
}
