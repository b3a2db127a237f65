// The loan agreement and the repayment receipts name the borrower: each print is audited and
// recorded as a disclosure of the borrower's household, as an export of named people is.
import type { HeaderSource } from "@/lib/auth/request";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { recordPrint } from "@/lib/privacy/disclosures";

export async function recordLoanPrint(
  tx: Tx,
  user: TenantSessionUser,
  loan: { id: string; householdId: string | null; memberId: string | null; borrowerNik: string },
  file: "perjanjian-pinjaman" | "kuitansi-angsuran",
  headers: HeaderSource,
): Promise<void> {
  // A borrower linked to a member only, or known by NIK only (as the access report finds them): the member's household.
  const member = loan.householdId
    ? null
    : await tx.member.findFirst({ where: loan.memberId ? { id: loan.memberId } : { nik: loan.borrowerNik }, select: { householdId: true } });
  await recordPrint(tx, user, { entity: "Loan", entityId: loan.id, file, householdIds: [loan.householdId ?? member?.householdId ?? null], headers });
}
