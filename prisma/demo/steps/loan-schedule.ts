import type { RevolvingFundSpec } from "../cities/types";
import { loanSchedule, type Instalment } from "@/features/revolving-funds/schedule";
import { addMonths } from "@/lib/calendar/days";
import { seedId } from "../ids";
import type { Random } from "../random";

const UNIT = 500_000n;

/** Principals in steps of Rp 500.000, at least Rp 3 juta, at most the fund's ceiling, adding up exactly. */
export function splitPrincipals(random: Random, spec: RevolvingFundSpec): bigint[] {
  const minUnits = 6;
  const maxUnits = Number(spec.maxLoan / UNIT);
  const units = Array.from({ length: spec.loans }, () => minUnits);
  let remaining = Number(spec.lentTotal / UNIT) - minUnits * spec.loans;
  if (remaining < 0 || remaining > (maxUnits - minUnits) * spec.loans) throw new Error(`Cannot split ${spec.lentTotal} into ${spec.loans} loans`);
  while (remaining > 0) {
    const i = random.int(0, spec.loans - 1);
    if (units[i]! < maxUnits) {
      units[i]! += 1;
      remaining -= 1;
    }
  }
  return units.map((count) => BigInt(count) * UNIT);
}

export type ScheduleLine = Instalment & { id: string; loanId: string };

/** The app's schedule (lib/revolving-funds/schedule.ts) with the seed's stable ids. */
export function installments(loanId: string, disbursedAt: Date, principal: bigint, fee: bigint, tenor: number, grace: number): ScheduleLine[] {
  return loanSchedule({ disbursedAt, principal, serviceFee: fee, tenorMonths: tenor, graceMonths: grace }).map((line) => ({
    ...line,
    id: seedId(loanId, "installment", line.seq),
    loanId,
  }));
}

/** Share of an earlier year's loans that were written off as bad debt. */
export const WRITE_OFF_SHARE = 0.05;
/** How long after its last instalment fell due an unpaid loan is written off. */
const WRITE_OFF_AFTER_MONTHS = 6;

/**
 * A loan of an earlier year's fund, which is closed: every instalment due by today is paid,
 * except for a few borrowers who stopped paying partway and whose loans were written off half
 * a year after the last instalment fell due (only where that day has come).
 */
export function closedFundLoan(random: Random, schedule: ScheduleLine[], today: Date): { paid: ScheduleLine[]; writtenOffAt?: Date } {
  const writtenOffAt = addMonths(schedule[schedule.length - 1]!.dueDate, WRITE_OFF_AFTER_MONTHS);
  if (random.chance(WRITE_OFF_SHARE) && writtenOffAt <= today) {
    return { paid: schedule.slice(0, random.int(1, Math.max(1, schedule.length - 2))), writtenOffAt };
  }
  return { paid: schedule.filter((line) => line.dueDate <= today) };
}

/** Most borrowers pay every instalment that is due; some stop paying partway. */
export function repaidInstallments(random: Random, schedule: ScheduleLine[], asOf: Date): ScheduleLine[] {
  const due = schedule.filter((line) => line.dueDate <= asOf);
  const stopsAfter = random.chance(0.82) ? due.length : random.int(0, Math.max(0, due.length - 1));
  return due.slice(0, stopsAfter);
}
