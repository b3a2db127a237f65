// The access report as served: read and audited (open-report.ts), put into words in the
// reader's language, with when, by whom and for which city it was made.
import { createTranslator } from "next-intl";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { catalogues } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { openSubjectAccessReport, type ReportForm } from "./open-report";
import type { SubjectAccessReport } from "./report";
import { reportTables, type ReportTables } from "./tables";

export type SubjectAccessDocument = {
  report: SubjectAccessReport;
  tables: ReportTables;
  /** The head's name, or the first member's: whom the report is about. */
  subject: string | null;
  generated: string;
};

export async function subjectAccessDocument(
  tx: Tx,
  user: TenantSessionUser,
  householdId: string,
  request: { form: ReportForm; requestId: string | null; ip: string | null; locale: AppLocale },
): Promise<SubjectAccessDocument | null> {
  const report = await openSubjectAccessReport(tx, user, householdId, request);
  if (!report) return null;
  const [timeZone, tenant] = await Promise.all([
    tenantTimeZone(tx, user.tenantId),
    tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } }),
  ]);
  const t = createTranslator({ locale: request.locale, messages: catalogues[request.locale], namespace: "SubjectAccess" });
  const subject = (report.members.find((member) => member.relation === "HEAD") ?? report.members[0])?.name ?? null;
  return {
    report,
    tables: reportTables(report, { locale: request.locale, timeZone }),
    subject,
    generated: t("generated", { time: formatDateTime(new Date(), { locale: request.locale, timeZone }), name: user.name, city: tenant.name }),
  };
}
