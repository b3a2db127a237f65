// Repayments against the schedule. The allocation rule is in
// allocation.ts: oldest instalment first, fee before principal within it. More than what is
// left is refused; a loan paid in full is REPAID and its principal is cash to lend again.
import type { ActionContext } from "@/lib/actions/define";
import type { ErrorWords } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import { formatRupiah } from "@/lib/format";
import { dayToDate } from "@/lib/calendar/days";
import { allocatePayment, nextDueDate } from "./allocation";
import { scheduleTotal, type Instalment } from "./schedule";
import { remainingObligation } from "./standing";
import { findOwnLoan } from "./scope";
import { lockRow } from "@/lib/db/locks";
import { cityToday } from "@/lib/calendar/city-today";
import type { RecordRepaymentInput } from "./schemas";
import { receiptKey, receiptTaken } from "./receipt-numbers";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;

const invalid = (field: string, key: string, params: ErrorWords["params"] = {}) => wordedFieldError("INVALID", field, key, params);

export async function recordRepayment({ tx, tenantId, user }: Ctx, input: RecordRepaymentInput, clock: { now?: Date } = {}) {
  const found = await findOwnLoan(tx, user, input.loanId);
  await lockRow(tx, "Loan", { tenantId, id: found.id });
  const loan = await tx.loan.findFirstOrThrow({ where: { id: found.id } });
  if (loan.status !== "DISBURSED") throw wordedError("CONFLICT", "RevolvingFunds.errors.repayRunningOnly");
  const paidAt = dayToDate(input.paidAt);
  if (paidAt > (await cityToday(tx, tenantId, clock.now))) throw invalid("paidAt", "RevolvingFunds.errors.paidInFuture");
  if (loan.disbursedAt && paidAt < loan.disbursedAt) throw invalid("paidAt", "RevolvingFunds.errors.paidBeforeDisbursed");

  const schedule: Instalment[] = await tx.loanInstallment.findMany({
    where: { loanId: loan.id },
    orderBy: { seq: "asc" },
    select: { seq: true, dueDate: true, principalDue: true, feeDue: true },
  });
  const paidBefore = loan.principalRepaid + loan.feePaid;
  const left = remainingObligation(loan, schedule);
  if (input.amount > left) throw invalid("amount", "RevolvingFunds.errors.overOutstanding", { left: formatRupiah(left) });

  // The loan is locked above, so two payments of one receipt cannot both pass this; the unique
  // index on (loan, receiptKey) holds it for every other writer.
  const key = receiptKey(input.receiptNo);
  if (key && (await tx.repayment.count({ where: { loanId: loan.id, receiptKey: key } })) > 0) throw receiptTaken();

  const { principalPart, feePart } = allocatePayment(schedule, paidBefore, input.amount);
  const count = await tx.repayment.count({ where: { loanId: loan.id } });
  const repayment = await tx.repayment.create({
    data: {
      tenantId,
      loanId: loan.id,
      paidAt,
      amount: input.amount,
      principalPart,
      feePart,
      receiptNo: input.receiptNo ?? `KW/${paidAt.getUTCFullYear()}/${loan.id.slice(-6).toUpperCase()}/${count + 1}`,
      note: input.note,
      createdById: user.id,
    },
  });
  const paidTotal = paidBefore + input.amount;
  await tx.loan.update({
    where: { tenantId_id: { tenantId, id: loan.id } },
    data: {
      principalRepaid: loan.principalRepaid + principalPart,
      feePaid: loan.feePaid + feePart,
      nextDueDate: nextDueDate(schedule, paidTotal),
      status: paidTotal === scheduleTotal(schedule) ? "REPAID" : "DISBURSED",
    },
  });
  return { loanId: loan.id, fundId: loan.fundId, repaymentId: repayment.id, principalPart, feePart };
}
