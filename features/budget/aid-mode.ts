// Whether a budget line's aid IS its realisation or comes ON TOP of it. Pure, for forms too;
// what each mode counts is written once, in SQL: ./line-entries.ts.
import type { AidBudgetMode, FundingSource } from "@/lib/generated/prisma/enums";

export const AID_BUDGET_MODES = ["AID_IS_REALISATION", "ON_TOP"] as const satisfies readonly AidBudgetMode[];

/**
 * What a new line of a source most likely means: the city's own money (APBD, DAK, the fiscal
 * incentive) is spent by SP2D, so aid bought with it itemises realisation already recorded;
 * a CSR partner's or other funder's in-kind aid is paid by no SP2D, so it is spending of its own.
 */
export function defaultAidMode(source: FundingSource): AidBudgetMode {
  return source === "CSR" || source === "OTHER" ? "ON_TOP" : "AID_IS_REALISATION";
}
