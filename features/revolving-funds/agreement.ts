// What the loan agreement prints: the loan, its parties and its instalment schedule. Only an
// approved loan has an agreement; a proposal, a rejected loan or another kelurahan's is none.
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { loanDetail } from "./queries";
import type { FundUser } from "./scope";

export type LoanAgreementData = NonNullable<Awaited<ReturnType<typeof loanAgreement>>>;

export async function loanAgreement(tx: Tx, user: FundUser & { tenantId: string }, loanId: string) {
  const found = await loanDetail(tx, user, loanId).catch((error) => (isAppError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!found || found.loan.status === "PROPOSED" || found.loan.status === "REJECTED") return null;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } });
  const { loan, installments, kelurahanLabel } = found;
  return {
    loan,
    installments,
    kelurahanLabel,
    cityName: tenant.name,
    /** Party one: the LPM that manages the fund. */
    lpmName: loan.fund.lpmName ?? `LPM Kelurahan ${kelurahanLabel}`,
  };
}
