// Where a loan stands: what is paid, what is left of the obligation, how late it is. The
// loan page shows it and a repayment is checked against it, so both read it from here.
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import type { Rupiah } from "@/lib/money";
import { ageingBucket, daysPastDue, type AgeingBucket } from "./arrears";
import { scheduleTotal, type Instalment } from "./schedule";

type LoanAmounts = { principal: Rupiah; serviceFee: Rupiah; principalRepaid: Rupiah; feePaid: Rupiah };

/**
 * What the borrower still owes: the schedule's total less what is paid. Before disbursement
 * there is no schedule yet, and the obligation is the principal and the fee.
 */
export function remainingObligation(loan: LoanAmounts, schedule: readonly Instalment[]): Rupiah {
  const owed = schedule.length > 0 ? scheduleTotal(schedule) : loan.principal + loan.serviceFee;
  return owed - (loan.principalRepaid + loan.feePaid);
}

export type LoanStanding = {
  paidTotal: Rupiah;
  /** Principal lent and not yet repaid; 0 unless the loan is running. */
  outstandingPrincipal: Rupiah;
  /** What is left to pay; 0 once the loan is repaid, written off or rejected. */
  left: Rupiah;
  /** Days the oldest unpaid instalment is late, and its ageing bucket; 0 unless running. */
  daysPastDue: number;
  ageing: AgeingBucket;
  /** What the repayment form suggests: the instalment due next, or all that is left. */
  suggestedPayment: Rupiah;
};

export function loanStanding(loan: LoanAmounts & { status: LoanStatus; nextDueDate: Date | null }, schedule: readonly Instalment[], today: Date): LoanStanding {
  const running = loan.status === "DISBURSED";
  const owed = remainingObligation(loan, schedule);
  const days = running ? daysPastDue(loan.nextDueDate, today) : 0;
  const next = schedule.find((line) => line.dueDate.getTime() === loan.nextDueDate?.getTime());
  return {
    paidTotal: loan.principalRepaid + loan.feePaid,
    outstandingPrincipal: running ? loan.principal - loan.principalRepaid : 0n,
    left: running || loan.status === "APPROVED" || loan.status === "PROPOSED" ? owed : 0n,
    daysPastDue: days,
    ageing: ageingBucket(days),
    suggestedPayment: next ? next.principalDue + next.feeDue : owed,
  };
}

type Receipt = { paidAt: Date; createdAt: Date; principalPart: Rupiah };

/**
 * The principal left once `repayment` was paid, as its receipt states it: every repayment up
 * to it counts, by payment date and, on the same day, in the order they were recorded.
 */
export function principalLeftAfter(loan: Pick<LoanAmounts, "principal">, repayments: readonly Receipt[], repayment: Receipt): Rupiah {
  const upTo = repayments.filter(
    (one) => one.paidAt < repayment.paidAt || (one.paidAt.getTime() === repayment.paidAt.getTime() && one.createdAt <= repayment.createdAt),
  );
  return loan.principal - upTo.reduce((sum, one) => sum + one.principalPart, 0n);
}
