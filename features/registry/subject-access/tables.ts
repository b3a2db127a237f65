// A data subject's access report in words: the household's facts and one table per kind of
// record, every cell a string in the reader's language. The printable page and the .xlsx both
// lay out these same tables.
import { createTranslator } from "next-intl";
import { formatDateShort, formatDateTime, formatMonth, formatNumber, formatRupiah } from "@/lib/format";
import { catalogues } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Actor, SubjectAccessReport } from "./report";

export type ReportTable = { key: string; title: string; headers: string[]; rows: string[][] };

export type ReportTables = { facts: { label: string; value: string }[]; tables: ReportTable[]; truncatedNote: string | null };

export function reportTables(report: SubjectAccessReport, { locale, timeZone }: { locale: AppLocale; timeZone: string }): ReportTables {
  const t = createTranslator({ locale, messages: catalogues[locale] });
  const label = (namespace: "Audit.actions" | "Audit.entities", key: string) => {
    const full = `${namespace}.${key}` as Parameters<typeof t>[0];
    return t.has(full) ? t(full) : key;
  };
  const day = (date: Date | null) => (date ? formatDateShort(date, { locale }) : "–");
  const time = (date: Date) => formatDateTime(date, { locale, timeZone });
  const rp = (amount: bigint) => formatRupiah(amount, { locale });
  const text = (value: string | null | undefined) => value || "–";
  const yesNo = (value: boolean) => t(value ? "SubjectAccess.yes" : "SubjectAccess.no");
  const by = (actor: Actor) => (actor ? `${actor.name} (${t(`Users.roles.${actor.role}`)})` : t("SubjectAccess.unknownUser"));
  const entry = (status: "DRAFT" | "VERIFIED") => t(`SubjectAccess.entryStatus.${status}`);
  const { household } = report;
  const loanOf = new Map(report.loans.map((loan) => [loan.id, loan]));

  const table = <Section extends keyof typeof catalogues.id.SubjectAccess, Row>(
    key: Section,
    columns: readonly [string, (row: Row) => string][],
    rows: readonly Row[],
  ): ReportTable => ({
    key,
    title: t(`SubjectAccess.${key}.title` as Parameters<typeof t>[0]),
    headers: columns.map(([header]) => t(`SubjectAccess.${key}.${header}` as Parameters<typeof t>[0])),
    rows: rows.map((row) => columns.map(([, cell]) => cell(row))),
  });

  const history = [
    ...report.statusEvents.map((event) => ({
      date: event.effectiveDate,
      change: t("SubjectAccess.history.status", {
        from: event.fromStatus ? t(`Registry.status.${event.fromStatus}`) : "–",
        to: t(`Registry.status.${event.toStatus}`),
      }),
      reason: event.reason,
      source: event.source,
    })),
    ...report.desilChanges.map((change) => ({
      date: change.effectiveDate,
      change: t("SubjectAccess.history.desil", { from: String(change.fromDesil ?? "–"), to: String(change.toDesil ?? "–") }),
      reason: null,
      source: change.source,
    })),
  ].sort((a, b) => a.date.getTime() - b.date.getTime());

  return {
    facts: [
      { label: t("SubjectAccess.household.noKk"), value: household.noKk },
      { label: t("SubjectAccess.household.registrySource"), value: t(`Registry.registrySource.${household.registrySource}`) },
      { label: t("SubjectAccess.household.registryId"), value: text(household.registryId) },
      { label: t("SubjectAccess.household.address"), value: household.address },
      { label: t("SubjectAccess.household.rtRw"), value: `${household.rt ?? "–"}/${household.rw ?? "–"}` },
      { label: t("SubjectAccess.household.kelurahan"), value: household.kelurahan },
      { label: t("SubjectAccess.household.kecamatan"), value: household.kecamatan },
      { label: t("SubjectAccess.household.desil"), value: household.desil === null ? "–" : String(household.desil) },
      { label: t("SubjectAccess.household.extremePoor"), value: yesNo(household.isExtremePoor) },
      { label: t("SubjectAccess.household.status"), value: t(`Registry.status.${household.status}`) },
      { label: t("SubjectAccess.household.createdAt"), value: day(household.createdAt) },
      { label: t("SubjectAccess.household.updatedAt"), value: day(household.updatedAt) },
    ],
    tables: [
      table(
        "members",
        [
          ["name", (m) => m.name],
          ["nik", (m) => m.nik],
          ["relation", (m) => t(`Registry.relation.${m.relation}`)],
          ["sex", (m) => t(`Registry.sex.${m.sex}`)],
          ["birth", (m) => `${m.birthPlace ? `${m.birthPlace}, ` : ""}${day(m.birthDate)}`],
          ["education", (m) => (m.education ? t(`Registry.education.${m.education}`) : "–")],
          ["occupation", (m) => text(m.occupation)],
          ["disability", (m) => (m.disability ? t(`Registry.disability.${m.disability}`) : "–")],
        ],
        report.members,
      ),
      table(
        "history",
        [
          ["date", (h) => day(h.date)],
          ["change", (h) => h.change],
          ["reason", (h) => text(h.reason)],
          ["source", (h) => t(`Registry.source.${h.source}`)],
        ],
        history,
      ),
      table(
        "changeRequests",
        [
          ["date", (r) => day(r.createdAt)],
          ["kind", (r) => t(`Registry.changeKind.${r.kind}`)],
          ["status", (r) => t(`Registry.decision.${r.status}`)],
          ["proposedBy", (r) => by(r.proposedBy)],
          ["decidedBy", (r) => (r.decidedAt ? by(r.decidedBy) : "–")],
          ["decidedAt", (r) => day(r.decidedAt)],
          ["note", (r) => [r.note, r.decisionReason].filter(Boolean).join(" · ") || "–"],
        ],
        report.changeRequests,
      ),
      table(
        "trainings",
        [
          ["date", (p) => `${day(p.startDate)} – ${day(p.endDate)}`],
          ["member", (p) => p.memberName],
          ["opd", (p) => p.opd],
          ["programme", (p) => p.programme],
          ["skill", (p) => p.skill],
          ["completion", (p) => t(`Registry.completion.${p.completion}`)],
          ["certificate", (p) => text(p.certificateNo)],
          ["attendance", (p) => (p.daysRecorded ? t("SubjectAccess.trainings.days", { present: p.daysPresent, recorded: p.daysRecorded }) : "–")],
          [
            "followUps",
            (p) =>
              p.followUps
                .map(
                  (followUp) =>
                    t("SubjectAccess.trainings.followUp", {
                      months: followUp.monthsAfter,
                      outcome: followUp.outcome ? t(`Trainings.outcomes.${followUp.outcome}`) : "–",
                    }) + (followUp.note ? ` (${followUp.note})` : ""),
                )
                .join("; ") || "–",
          ],
          ["status", (p) => entry(p.status)],
        ],
        report.trainings,
      ),
      table(
        "aid",
        [
          ["date", (a) => day(a.distributedAt)],
          ["member", (a) => text(a.memberName)],
          ["opd", (a) => a.opd],
          ["programme", (a) => a.programme],
          ["kind", (a) => t(`Registry.aidKind.${a.kind}`)],
          ["items", (a) => a.items],
          ["quantity", (a) => formatNumber(a.quantity, { locale })],
          ["value", (a) => rp(a.value)],
          ["bpjsNumber", (a) => text(a.bpjsNumber)],
          [
            "coverage",
            (a) => (a.coverageStart && a.coverageEnd ? `${formatMonth(a.coverageStart, { locale })} – ${formatMonth(a.coverageEnd, { locale })}` : "–"),
          ],
          ["status", (a) => entry(a.status)],
        ],
        report.aid,
      ),
      table(
        "loans",
        [
          ["date", (l) => day(l.disbursedAt)],
          ["borrower", (l) => l.borrowerName],
          ["nik", (l) => l.borrowerNik],
          ["fund", (l) => t("SubjectAccess.loans.fundOf", { kelurahan: l.kelurahan, year: l.fundYear, round: l.round })],
          ["business", (l) => l.businessType],
          ["purpose", (l) => l.purpose],
          ["principal", (l) => rp(l.principal)],
          ["tenor", (l) => formatNumber(l.tenorMonths, { locale })],
          ["status", (l) => t(`Registry.loanStatus.${l.status}`)],
          ["repaid", (l) => rp(l.principalRepaid)],
        ],
        report.loans,
      ),
      table(
        "repayments",
        [
          ["date", (r) => day(r.paidAt)],
          ["borrower", (r) => loanOf.get(r.loanId)?.borrowerName ?? "–"],
          ["amount", (r) => rp(r.amount)],
          ["principal", (r) => rp(r.principalPart)],
          ["fee", (r) => rp(r.feePart)],
          ["receipt", (r) => text(r.receiptNo)],
        ],
        report.repayments,
      ),
      table(
        "reveals",
        [
          ["time", (r) => time(r.at)],
          ["by", (r) => by(r.by)],
        ],
        report.reveals,
      ),
      table(
        "exports",
        [
          ["time", (e) => time(e.at)],
          ["by", (e) => by(e.by)],
          ["data", (e) => label("Audit.entities", e.entity)],
          ["file", (e) => text(e.file)],
        ],
        report.exports,
      ),
      table(
        "processing",
        [
          ["time", (p) => time(p.at)],
          ["by", (p) => by(p.by)],
          ["action", (p) => label("Audit.actions", p.action)],
          ["data", (p) => label("Audit.entities", p.entity)],
          ["id", (p) => text(p.entityId)],
        ],
        report.processing,
      ),
    ],
    truncatedNote: report.truncated ? t("SubjectAccess.truncated", { count: report.processing.length + report.reveals.length }) : null,
  };
}
