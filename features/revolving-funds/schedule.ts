// The one repayment schedule of a Dana PEM loan, used by the app and the seed.
import { addMonths } from "@/lib/calendar/days";
import { applyBasisPoints, type Rupiah } from "@/lib/money";

export type LoanTerms = {
  disbursedAt: Date;
  principal: Rupiah;
  serviceFee: Rupiah;
  tenorMonths: number;
  graceMonths: number;
};

export type Instalment = { seq: number; dueDate: Date; principalDue: Rupiah; feeDue: Rupiah };

/**
 * The flat service fee of a loan: principal × basis points / 10 000, rounded half up to
 * whole Rupiah (Rp 5.000.000 at 3 % → Rp 150.000; Rp 1.234.567 at 1,5 % → Rp 18.519).
 */
export function serviceFeeOf(principal: Rupiah, serviceFeeBps: number): Rupiah {
  return applyBasisPoints(principal, serviceFeeBps);
}

/**
 * Monthly instalments after the grace period. Rounding rule: every instalment is the
 * amount divided by the tenor rounded down to whole Rupiah, and the last one takes what is
 * left, so principal and fee add up exactly (Rp 10.000.000 over 3 → 3.333.333, 3.333.333,
 * 3.333.334). The first falls due grace + 1 months after disbursement, on the same day of
 * the month (or the month's last day: 31 January + 1 month → 28/29 February).
 */
export function loanSchedule(terms: LoanTerms): Instalment[] {
  const { disbursedAt, principal, serviceFee, tenorMonths, graceMonths } = terms;
  if (!Number.isInteger(tenorMonths) || tenorMonths < 1) throw new RangeError(`Tenor must be at least one month: ${tenorMonths}`);
  if (principal < 0n || serviceFee < 0n) throw new RangeError("Negative loan amounts");
  const count = BigInt(tenorMonths);
  const share = (amount: Rupiah, last: boolean) => (last ? amount - (amount / count) * (count - 1n) : amount / count);
  return Array.from({ length: tenorMonths }, (_, i) => {
    const last = i === tenorMonths - 1;
    return {
      seq: i + 1,
      dueDate: addMonths(disbursedAt, graceMonths + i + 1),
      principalDue: share(principal, last),
      feeDue: share(serviceFee, last),
    };
  });
}

export function scheduleTotal(schedule: readonly Instalment[]): Rupiah {
  return schedule.reduce((sum, line) => sum + line.principalDue + line.feeDue, 0n);
}
