// A budget line as spending sees it: the writer's own, held while the pagu is checked, and
// what it has already committed. Lines are made and edited with their programme
// (features/programmes/budget-lines.ts), which asks the same of them.
import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import type { Rupiah } from "@/lib/money";

/** A budget line of a programme of the writer's own OPD, or "not found". */
export async function findOwnBudgetLine(tx: Tx, opdId: string, budgetLineId: string) {
  const line = await tx.budgetLine.findFirst({
    where: { id: budgetLineId, programme: { opdId } },
    include: { programme: { select: { id: true, fiscalYear: true, opdId: true } } },
  });
  if (!line) throw notFound("Pos anggaran");
  return line;
}

/**
 * Holds the budget line's row until the transaction ends, so two entries (or an entry and
 * a pagu change) checked against the pagu at the same moment are checked one after the other.
 * NO KEY UPDATE, not UPDATE: an entry inserted earlier in the same transaction holds the
 * foreign key's KEY SHARE lock on the line, which FOR UPDATE would wait on (two such
 * transactions would deadlock).
 */
export async function lockBudgetLine(tx: Tx, tenantId: string, budgetLineId: string): Promise<void> {
  await lockRow(tx, "BudgetLine", { tenantId, id: budgetLineId }, "FOR NO KEY UPDATE");
}

/**
 * What a line has spent or is about to: verified entries (reversals included) plus drafts
 * that add spending. A pending reversal does not free pagu until it is verified.
 */
export async function committedAmount(tx: Tx, budgetLineId: string, exceptId?: string): Promise<Rupiah> {
  const { _sum } = await tx.budgetRealisation.aggregate({
    where: {
      budgetLineId,
      OR: [{ status: "VERIFIED" }, { amount: { gt: 0n } }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    _sum: { amount: true },
  });
  return _sum.amount ?? 0n;
}
