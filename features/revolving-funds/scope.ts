// Whose fund: a kelurahan officer works only on the fund of the kelurahan
// of their own account. The kelurahan comes from the session, never from the form; the city
// from the scope (withTenant). Any other fund or loan is "not found".
import type { SessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type FundUser = Pick<SessionUser, "id" | "role" | "kelurahanId">;

/** The officer's kelurahan; an account without one (or of another role) has no fund. */
export function fundKelurahanId(user: FundUser): string {
  if (user.role !== "KELURAHAN" || !user.kelurahanId) throw notFound("Dana PEM");
  return user.kelurahanId;
}

export async function findOwnFund(tx: Tx, user: FundUser, fundId: string) {
  const fund = await tx.revolvingFund.findFirst({ where: { id: fundId, kelurahanId: fundKelurahanId(user) } });
  if (!fund) throw notFound("Dana PEM");
  return fund;
}

export async function findOwnLoan(tx: Tx, user: FundUser, loanId: string) {
  const loan = await tx.loan.findFirst({ where: { id: loanId, fund: { kelurahanId: fundKelurahanId(user) } }, include: { fund: true } });
  if (!loan) throw notFound("Pinjaman");
  return loan;
}
