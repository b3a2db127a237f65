// How a payment is split. Allocation rule: the oldest instalment first;
// within an instalment its service fee first, then its principal. Payments are counted
// cumulatively, so partial payments fill the current instalment and early payments run on
// into the next ones.
import type { Rupiah } from "@/lib/money";
import type { Instalment } from "./schedule";

export type Allocation = { principalPart: Rupiah; feePart: Rupiah };

/** The part of [from, to) that falls in [start, start + size). */
function overlap(from: Rupiah, to: Rupiah, start: Rupiah, size: Rupiah): Rupiah {
  const lo = from > start ? from : start;
  const end = start + size;
  const hi = to < end ? to : end;
  return hi > lo ? hi - lo : 0n;
}

/** Splits `amount` paid after `paidBefore` into fee and principal. More than is left is a programming error. */
export function allocatePayment(schedule: readonly Instalment[], paidBefore: Rupiah, amount: Rupiah): Allocation {
  let cursor = 0n;
  let principalPart = 0n;
  let feePart = 0n;
  const to = paidBefore + amount;
  for (const line of schedule) {
    feePart += overlap(paidBefore, to, cursor, line.feeDue);
    cursor += line.feeDue;
    principalPart += overlap(paidBefore, to, cursor, line.principalDue);
    cursor += line.principalDue;
  }
  if (principalPart + feePart !== amount) throw new RangeError(`Payment of ${amount} exceeds what is left on the schedule`);
  return { principalPart, feePart };
}

/** Due date of the oldest instalment not fully paid by `paidTotal`; null when all are paid. */
export function nextDueDate(schedule: readonly Instalment[], paidTotal: Rupiah): Date | null {
  let cumulative = 0n;
  for (const line of schedule) {
    cumulative += line.principalDue + line.feeDue;
    if (cumulative > paidTotal) return line.dueDate;
  }
  return null;
}

/** What each instalment has received of `paidTotal`, by the same rule. */
export function instalmentsPaid(schedule: readonly Instalment[], paidTotal: Rupiah): Rupiah[] {
  let left = paidTotal;
  return schedule.map((line) => {
    const due = line.principalDue + line.feeDue;
    const paid = left < due ? left : due;
    left -= paid;
    return paid;
  });
}
