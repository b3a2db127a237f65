import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ApproveForm, DisburseForm, RepaymentForm, WriteOffForm } from "@/features/revolving-funds/ui/loan-forms";
import { ArrearsBadge, LoanStatusBadge } from "@/features/revolving-funds/ui/loan-status-badge";
import { ScheduleTable } from "@/features/revolving-funds/ui/schedule-table";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateShort, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { maskNik } from "@/lib/identity/nik";
import { dateToDay } from "@/lib/calendar/days";
import { loanDetail } from "@/features/revolving-funds/queries";
import { loanStanding } from "@/features/revolving-funds/standing";
import { cityToday } from "@/lib/calendar/city-today";
import { approveLoanAction, disburseLoanAction, recordRepaymentAction, rejectLoanAction, writeOffLoanAction } from "@/features/revolving-funds/actions";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; loanId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RevolvingFunds.loan");
  return { title: t("title") };
}

export default async function LoanPage({ params }: Props) {
  const { tenant: slug, loanId } = await params;
  const user = await requireTenantPage(slug, "revolvingFunds");
  const { detail, today } = await withTenant(user.tenantId, async (tx) => ({
    detail: await loanDetail(tx, user, loanId).catch((error) => (isAppError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error))),
    today: await cityToday(tx, user.tenantId),
  }));
  if (!detail) notFound();
  const [t, tl, locale, messages] = await Promise.all([
    getTranslations("RevolvingFunds.loan"),
    getTranslations("RevolvingFunds"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const { loan, installments, repayments, kelurahanLabel, approverName } = detail;
  // The proposer cannot approve their own loan (features/revolving-funds/loans.ts); the form is not offered to them.
  const mayApprove = userCan(user, "revolving-fund:approve") && loan.createdById !== user.id;
  const rp = (amount: bigint) => formatRupiah(amount, { locale });
  const standing = loanStanding(loan, installments, today);
  const dayText = dateToDay(today);

  return (
    <NextIntlClientProvider messages={{ RevolvingFunds: messages.RevolvingFunds }}>
      <PageHeader
        eyebrow={t("eyebrow", { kelurahan: kelurahanLabel, year: loan.fund.year, round: loan.round })}
        title={loan.borrowerName}
        description={`${loan.businessType} — ${loan.purpose}`}
        actions={
          loan.status !== "PROPOSED" && loan.status !== "REJECTED" ? (
            <LinkButton href={revolvingFundsRoutes.agreement(slug, loan.id)} variant="secondary">
              {t("printAgreement")}
            </LinkButton>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <Card>
          <div className="grid grid-cols-1 gap-4 p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-4">
            <dl className="space-y-1 text-sm">
              <dt className="text-muted">{t("status")}</dt>
              <dd className="flex flex-wrap gap-2">
                <LoanStatusBadge status={loan.status} />
                {loan.status === "DISBURSED" ? <ArrearsBadge days={standing.daysPastDue} /> : null}
              </dd>
              <dt className="text-muted">{t("nik")}</dt>
              <dd>
                {maskNik(loan.borrowerNik)} {loan.memberId ? t("inRegistry") : t("outsideRegistry")}
                {loan.isYouth ? ` · ${t("youth")}` : ""}
              </dd>
            </dl>
            <dl className="space-y-1 text-sm">
              <dt className="text-muted">{t("principal")}</dt>
              <dd className="font-semibold tabular-nums">{rp(loan.principal)}</dd>
              <dt className="text-muted">{t("feeAndTenor")}</dt>
              <dd className="tabular-nums">{t("feeAndTenorValue", { fee: rp(loan.serviceFee), tenor: loan.tenorMonths, grace: loan.graceMonths })}</dd>
            </dl>
            <dl className="space-y-1 text-sm">
              <dt className="text-muted">{t("outstanding")}</dt>
              <dd className="font-semibold tabular-nums">{rp(standing.outstandingPrincipal)}</dd>
              <dt className="text-muted">{t("left")}</dt>
              <dd className="tabular-nums">{rp(standing.left)}</dd>
            </dl>
            <dl className="space-y-1 text-sm">
              <dt className="text-muted">{t("nextDue")}</dt>
              <dd>{loan.status === "DISBURSED" && loan.nextDueDate ? formatDateShort(loan.nextDueDate, { locale }) : "—"}</dd>
              <dt className="text-muted">{t("ageing")}</dt>
              <dd>{loan.status === "DISBURSED" ? tl(`ageing.buckets.${standing.ageing}`) : "—"}</dd>
            </dl>
          </div>
          <div className="border-t border-line px-4 py-3 text-sm text-muted sm:px-5">
            {t("loanId", { id: loan.id })} ·{" "}
            {approverName ? t("approvedBy", { name: approverName, date: formatDateShort(loan.approvedAt ?? loan.createdAt, { locale }) }) : t("notApproved")}
            {loan.disbursedAt ? ` · ${t("disbursedOn", { date: formatDateShort(loan.disbursedAt, { locale }) })}` : ""}
            {loan.overdueOverride ? ` · ${t("override", { reason: loan.overrideReason ?? "" })}` : ""}
            {loan.status === "WRITTEN_OFF" ? ` · ${t("writtenOff", { reason: loan.writeOffReason ?? "", approver: loan.writeOffApprover ?? "" })}` : ""}
          </div>
        </Card>

        {loan.status === "PROPOSED" ? (
          <Card>
            <CardHeader id="loan-approve" title={t("approveTitle")} description={t("approveIntro")} />
            <div className="space-y-4 p-4 sm:p-5">
              {mayApprove ? (
                <ApproveForm action={approveLoanAction.bind(null, slug)} loanId={loan.id} approverName={user.name} />
              ) : (
                <p className="text-sm text-muted">{t("approveByAnother")}</p>
              )}
              <ActionButton action={rejectLoanAction.bind(null, slug)} fields={{ loanId: loan.id }} variant="danger" confirm={t("rejectConfirm")}>
                {t("reject")}
              </ActionButton>
            </div>
          </Card>
        ) : null}
        {loan.status === "APPROVED" ? (
          <Card>
            <CardHeader id="loan-disburse" title={t("disburseTitle")} description={t("disburseIntro")} />
            <div className="space-y-4 p-4 sm:p-5">
              <DisburseForm action={disburseLoanAction.bind(null, slug)} loanId={loan.id} today={dayText} />
              <ActionButton action={rejectLoanAction.bind(null, slug)} fields={{ loanId: loan.id }} variant="danger" confirm={t("rejectConfirm")}>
                {t("reject")}
              </ActionButton>
            </div>
          </Card>
        ) : null}
        {loan.status === "DISBURSED" ? (
          <Card>
            <CardHeader id="loan-repay" title={t("repayTitle")} description={t("repayIntro")} />
            <div className="p-4 sm:p-5">
              <RepaymentForm action={recordRepaymentAction.bind(null, slug)} loanId={loan.id} today={dayText} suggested={rp(standing.suggestedPayment)} />
            </div>
          </Card>
        ) : null}

        {installments.length > 0 ? (
          <Card>
            <CardHeader id="loan-schedule" title={t("scheduleTitle")} description={t("scheduleIntro")} />
            <ScheduleTable schedule={installments} paidTotal={standing.paidTotal} today={today} locale={locale} label={t("scheduleTitle")} />
          </Card>
        ) : null}

        {repayments.length > 0 ? (
          <Card>
            <CardHeader id="loan-repayments" title={t("repaymentsTitle")} />
            <Table label={t("repaymentsTitle")}>
              <TableHead>
                <tr>
                  <HeaderCell>{t("columns.paidAt")}</HeaderCell>
                  <HeaderCell>{t("columns.receipt")}</HeaderCell>
                  <HeaderCell numeric>{t("columns.amount")}</HeaderCell>
                  <HeaderCell numeric>{t("columns.principal")}</HeaderCell>
                  <HeaderCell numeric>{t("columns.fee")}</HeaderCell>
                  <HeaderCell>{t("columns.print")}</HeaderCell>
                </tr>
              </TableHead>
              <TableBody>
                {repayments.map((repayment) => (
                  <Row key={repayment.id}>
                    <RowHeaderCell>{formatDateShort(repayment.paidAt, { locale })}</RowHeaderCell>
                    <Cell>{repayment.receiptNo ?? "—"}</Cell>
                    <Cell numeric>{rp(repayment.amount)}</Cell>
                    <Cell numeric>{rp(repayment.principalPart)}</Cell>
                    <Cell numeric>{rp(repayment.feePart)}</Cell>
                    <Cell>
                      <Link
                        href={revolvingFundsRoutes.receipt(slug, loan.id, repayment.id)}
                        className="text-brand-800 underline"
                        aria-label={t("receiptFor", { date: formatDateShort(repayment.paidAt, { locale }) })}
                      >
                        {t("receipt")}
                      </Link>
                    </Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          </Card>
        ) : null}

        {loan.status === "DISBURSED" ? (
          <Card>
            <CardHeader id="loan-writeoff" title={t("writeOffTitle")} description={t("writeOffIntro")} />
            <div className="p-4 sm:p-5">
              <WriteOffForm action={writeOffLoanAction.bind(null, slug)} loanId={loan.id} />
            </div>
          </Card>
        ) : null}
        <p>
          <Link href={revolvingFundsRoutes.list(slug, { tahun: loan.fund.year })} className="text-sm text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
      </div>
    </NextIntlClientProvider>
  );
}
