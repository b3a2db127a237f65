// Where a graduate's follow-ups stand, the same on the training page and on the household
// timeline: the latest outcome answered (the 6-month answer over the 3-month one), and the
// next follow-up still waiting for an answer.
import type { TrainingOutcome } from "@/lib/generated/prisma/enums";

export type FollowUpRow = { monthsAfter: number; dueDate: Date; outcome: TrainingOutcome | null };

export type FollowUpState = {
  latest: { outcome: TrainingOutcome; monthsAfter: number } | null;
  next: { monthsAfter: number; dueDate: Date } | null;
};

export function followUpState(followUps: readonly FollowUpRow[]): FollowUpState {
  const byMonths = [...followUps].sort((a, b) => a.monthsAfter - b.monthsAfter);
  const answered = byMonths.filter((row) => row.outcome !== null).at(-1);
  const waiting = byMonths.find((row) => row.outcome === null);
  return {
    latest: answered?.outcome ? { outcome: answered.outcome, monthsAfter: answered.monthsAfter } : null,
    next: waiting ? { monthsAfter: waiting.monthsAfter, dueDate: waiting.dueDate } : null,
  };
}
