// A fund's ledger, computed in the database. The fund reconciles:
//   capital = cash available + outstanding principal + principal written off
// Service fees are income kept apart: they are not lent again.
import type { Tx } from "@/lib/db";
import { scopeTenantId } from "@/lib/db/scope-tenant";
import type { Rupiah } from "@/lib/money";

export type FundLedger = {
  capital: Rupiah;
  disbursed: Rupiah;
  principalRepaid: Rupiah;
  outstanding: Rupiah;
  writtenOff: Rupiah;
  /** capital − disbursed + principal repaid (from the repayments themselves). */
  cash: Rupiah;
  /** Approved, not yet disbursed. */
  committed: Rupiah;
  /** What can still be approved: cash − committed. */
  lendable: Rupiah;
  feesCollected: Rupiah;
};

type Row = {
  capital: bigint | null;
  disbursed: bigint | null;
  outstanding: bigint | null;
  written_off: bigint | null;
  committed: bigint | null;
  repaid: bigint | null;
  fees: bigint | null;
};

export async function fundLedger(tx: Tx, fundId: string): Promise<FundLedger> {
  const tenantId = scopeTenantId();
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT
      (SELECT SUM(c."amount") FROM "RevolvingFundCapital" c WHERE c."tenantId" = ${tenantId} AND c."fundId" = ${fundId})::bigint AS capital,
      SUM(l."principal") FILTER (WHERE l."status" IN ('DISBURSED', 'REPAID', 'WRITTEN_OFF'))::bigint AS disbursed,
      SUM(l."principal" - l."principalRepaid") FILTER (WHERE l."status" = 'DISBURSED')::bigint AS outstanding,
      SUM(l."principal" - l."principalRepaid") FILTER (WHERE l."status" = 'WRITTEN_OFF')::bigint AS written_off,
      SUM(l."principal") FILTER (WHERE l."status" = 'APPROVED')::bigint AS committed,
      (SELECT SUM(r."principalPart") FROM "Repayment" r JOIN "Loan" rl ON rl."tenantId" = r."tenantId" AND rl."id" = r."loanId" WHERE rl."tenantId" = ${tenantId} AND rl."fundId" = ${fundId})::bigint AS repaid,
      (SELECT SUM(r."feePart") FROM "Repayment" r JOIN "Loan" rl ON rl."tenantId" = r."tenantId" AND rl."id" = r."loanId" WHERE rl."tenantId" = ${tenantId} AND rl."fundId" = ${fundId})::bigint AS fees
    FROM "Loan" l WHERE l."tenantId" = ${tenantId} AND l."fundId" = ${fundId}`;
  const n = (value: bigint | null | undefined) => value ?? 0n;
  const capital = n(row?.capital);
  const disbursed = n(row?.disbursed);
  const principalRepaid = n(row?.repaid);
  const cash = capital - disbursed + principalRepaid;
  const committed = n(row?.committed);
  return {
    capital,
    disbursed,
    principalRepaid,
    outstanding: n(row?.outstanding),
    writtenOff: n(row?.written_off),
    cash,
    committed,
    lendable: cash - committed,
    feesCollected: n(row?.fees),
  };
}

/** Whether the ledger balances; shown on the page and asserted by the property test. */
export function reconciles(ledger: FundLedger): boolean {
  return ledger.capital === ledger.cash + ledger.outstanding + ledger.writtenOff;
}
