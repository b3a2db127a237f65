// Opening or downloading a data subject's access report is itself a processing of their
// data: each one is audited, in the transaction that reads the report. The audit row names
// the household and the form, never a number.
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { registryScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { subjectAccessReport, type SubjectAccessReport } from "./report";

export const SUBJECT_ACCESS_ACTION = "subject_access";

export type ReportForm = "page" | "xlsx";

/** The report for `user` (null: not in their scope, "not found"), audited as served in `form`. */
export async function openSubjectAccessReport(
  tx: Tx,
  user: TenantSessionUser,
  householdId: string,
  request: { form: ReportForm; requestId: string | null; ip: string | null },
): Promise<SubjectAccessReport | null> {
  const report = await subjectAccessReport(tx, householdId, registryScope(user));
  if (!report) return null;
  await recordAudit(tx, {
    tenantId: user.tenantId,
    userId: user.id,
    action: SUBJECT_ACCESS_ACTION,
    entity: "Household",
    entityId: report.household.id,
    after: { form: request.form, members: report.members.length },
    requestId: request.requestId,
    ip: request.ip,
  });
  return report;
}
