// Arrears of a loan: days past due counted from the oldest instalment not
// fully paid, and the usual ageing buckets of portfolio at risk (PAR 30/60/90).
const DAY_MS = 86_400_000;

export type AgeingBucket = "current" | "d1_30" | "d31_60" | "d61_90" | "d90_plus";
export const AGEING_BUCKETS: readonly AgeingBucket[] = ["current", "d1_30", "d31_60", "d61_90", "d90_plus"];

/** Whole days `nextDueDate` lies before `today` (both UTC midnights); 0 when not overdue. */
export function daysPastDue(nextDueDate: Date | null, today: Date): number {
  if (!nextDueDate || nextDueDate >= today) return 0;
  return Math.round((today.getTime() - nextDueDate.getTime()) / DAY_MS);
}

export function ageingBucket(days: number): AgeingBucket {
  if (days <= 0) return "current";
  if (days <= 30) return "d1_30";
  if (days <= 60) return "d31_60";
  if (days <= 90) return "d61_90";
  return "d90_plus";
}
