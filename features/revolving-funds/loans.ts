// A loan's life: proposed → approved by another signed-in user who may approve (or
// rejected) → disbursed with its schedule → repaid or written off. Lending more than the
// fund's cash is refused when the loan is proposed, approved and disbursed.
import type { ActionContext } from "@/lib/actions/define";
import { createTranslator } from "next-intl";
import { AppError, type ErrorWords } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatRupiah } from "@/lib/format";
import type { Rupiah } from "@/lib/money";
import { dayToDate } from "@/lib/calendar/days";
import { resolveBorrower } from "./borrower";
import { fundLedger } from "./ledger";
import { loanSchedule, serviceFeeOf } from "./schedule";
import { findOwnFund, findOwnLoan } from "./scope";
import { lockRow } from "@/lib/db/locks";
import { cityToday } from "@/lib/calendar/city-today";
import type { CreateLoanInput, WriteOffLoanInput } from "./schemas";
import id from "@/messages/id";

const errors = createTranslator({ locale: "id", messages: id, namespace: "RevolvingFunds.errors" });

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
/** For tests; defaults to now. */
type Clock = { now?: Date };

const invalid = (field: string, key: string, params: ErrorWords["params"] = {}) => wordedFieldError("INVALID", field, key, params);
const wrongStatus = (key: string) => wordedError("CONFLICT", key);

function assertWithinCash(available: Rupiah, principal: Rupiah) {
  if (principal > available) {
    const left = available > 0n ? available : 0n;
    throw invalid("principal", "RevolvingFunds.errors.overCash", { left: formatRupiah(left) });
  }
}

export async function createLoan({ tx, tenantId, user }: Ctx, input: CreateLoanInput, clock: Clock = {}) {
  const fund = await findOwnFund(tx, user, input.fundId);
  const today = await cityToday(tx, tenantId, clock.now);
  if (input.principal > fund.maxLoan) throw invalid("principal", "RevolvingFunds.errors.overCeiling", { max: formatRupiah(fund.maxLoan) });
  if (input.tenorMonths > fund.maxTenorMonths) throw invalid("tenorMonths", "RevolvingFunds.errors.tenorTooLong", { max: String(fund.maxTenorMonths) });
  const borrower = await resolveBorrower(tx, input, fund.kelurahanId, tenantId, today);

  // Anywhere in the city: a borrower in arrears elsewhere is still in arrears.
  const overdue = await tx.loan.count({ where: { borrowerNik: borrower.nik, status: "DISBURSED", nextDueDate: { lt: today } } });
  if (overdue > 0) {
    if (!input.override) throw invalid("override", "RevolvingFunds.errors.inArrears");
    if (!input.overrideReason || input.overrideReason.length < 5) throw invalid("overrideReason", "RevolvingFunds.errors.overrideReason");
  }

  // Writes that move a fund's cash run one at a time, so two cannot overspend it.
  await lockRow(tx, "RevolvingFund", { tenantId, id: fund.id });
  assertWithinCash((await fundLedger(tx, fund.id)).lendable, input.principal);
  const last = await tx.loan.aggregate({ where: { fundId: fund.id }, _max: { round: true } });
  const current = last._max.round ?? 1;
  const loan = await tx.loan.create({
    data: {
      tenantId,
      fundId: fund.id,
      round: input.newRound && last._max.round ? current + 1 : current,
      borrowerNik: borrower.nik,
      borrowerName: borrower.name,
      memberId: borrower.memberId,
      householdId: borrower.householdId,
      isYouth: borrower.isYouth,
      businessType: input.businessType,
      purpose: input.purpose,
      principal: input.principal,
      tenorMonths: input.tenorMonths,
      serviceFee: serviceFeeOf(input.principal, fund.serviceFeeBps),
      graceMonths: fund.graceMonths,
      overdueOverride: overdue > 0,
      overrideReason: overdue > 0 ? input.overrideReason : null,
      overrideById: overdue > 0 ? user.id : null,
      createdById: user.id,
    },
  });
  return { loanId: loan.id, fundId: fund.id };
}

/**
 * Approval is a second person's check on a proposal: the approver is the session's user, who
 * must not be the one who proposed it. A loan proposed before proposers were recorded
 * (createdById null) can be approved by any officer who may approve.
 */
export async function approveLoan({ tx, tenantId, user }: Ctx, input: { loanId: string }) {
  const loan = await findOwnLoan(tx, user, input.loanId);
  if (loan.createdById === user.id) {
    throw new AppError("FORBIDDEN", errors("approverIsProposer"), undefined, { key: "RevolvingFunds.errors.approverIsProposer", params: {} });
  }
  await lockRow(tx, "RevolvingFund", { tenantId, id: loan.fundId });
  if (loan.status !== "PROPOSED") throw wrongStatus("RevolvingFunds.errors.approveProposedOnly");
  assertWithinCash((await fundLedger(tx, loan.fundId)).lendable, loan.principal);
  await setStatus(ctx(tx, tenantId), loan.id, "PROPOSED", {
    status: "APPROVED",
    approvedById: user.id,
    approvedAt: new Date(),
  });
  return { loanId: loan.id, fundId: loan.fundId };
}

export async function rejectLoan({ tx, tenantId, user }: Ctx, input: { loanId: string }) {
  const loan = await findOwnLoan(tx, user, input.loanId);
  if (loan.status !== "PROPOSED" && loan.status !== "APPROVED") throw wrongStatus("RevolvingFunds.errors.disbursedNotRejected");
  await setStatus(ctx(tx, tenantId), loan.id, loan.status, { status: "REJECTED" });
  return { loanId: loan.id, fundId: loan.fundId };
}

export async function disburseLoan({ tx, tenantId, user }: Ctx, input: { loanId: string; disbursedAt: string }, clock: Clock = {}) {
  const loan = await findOwnLoan(tx, user, input.loanId);
  await lockRow(tx, "RevolvingFund", { tenantId, id: loan.fundId });
  if (loan.status !== "APPROVED") throw wrongStatus("RevolvingFunds.errors.disburseApprovedOnly");
  const disbursedAt = dayToDate(input.disbursedAt);
  if (disbursedAt > (await cityToday(tx, tenantId, clock.now))) throw invalid("disbursedAt", "RevolvingFunds.errors.disbursedInFuture");
  const ledger = await fundLedger(tx, loan.fundId);
  // This loan is among the committed ones: the cash must cover it and the other approvals.
  assertWithinCash(ledger.cash - (ledger.committed - loan.principal), loan.principal);
  const schedule = loanSchedule({
    disbursedAt,
    principal: loan.principal,
    serviceFee: loan.serviceFee,
    tenorMonths: loan.tenorMonths,
    graceMonths: loan.graceMonths,
  });
  await tx.loanInstallment.createMany({ data: schedule.map((line) => ({ tenantId, loanId: loan.id, ...line })) });
  await setStatus(ctx(tx, tenantId), loan.id, "APPROVED", { status: "DISBURSED", disbursedAt, nextDueDate: schedule[0]!.dueDate });
  return { loanId: loan.id, fundId: loan.fundId };
}

export async function writeOffLoan({ tx, tenantId, user }: Ctx, input: WriteOffLoanInput, clock: Clock = {}) {
  const loan = await findOwnLoan(tx, user, input.loanId);
  await lockRow(tx, "Loan", { tenantId, id: loan.id });
  if (loan.status !== "DISBURSED") throw wrongStatus("RevolvingFunds.errors.writeOffRunningOnly");
  await setStatus(ctx(tx, tenantId), loan.id, "DISBURSED", {
    status: "WRITTEN_OFF",
    writtenOffAt: await cityToday(tx, tenantId, clock.now),
    writeOffReason: input.reason,
    writeOffApprover: input.approver,
  });
  return { loanId: loan.id, fundId: loan.fundId };
}

const ctx = (tx: Ctx["tx"], tenantId: string) => ({ tx, tenantId });

/** Moves a loan on only if nobody moved it meanwhile. */
async function setStatus(
  { tx, tenantId }: { tx: Ctx["tx"]; tenantId: string },
  loanId: string,
  from: "PROPOSED" | "APPROVED" | "DISBURSED",
  data: Prisma.LoanUncheckedUpdateManyInput,
) {
  const { count } = await tx.loan.updateMany({ where: { tenantId, id: loanId, status: from }, data });
  if (count === 0) throw wrongStatus("RevolvingFunds.errors.loanJustChanged");
}
