// A budget line as spending sees it: the writer's own, held while the pagu is checked, and
// the check itself, for realisation and aid alike. Lines are made and edited with their programme
// (features/programmes/budget-lines.ts), which asks the same of them.
import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";
import { AppError, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/format";
import type { Rupiah } from "@/lib/money";
import { createTranslator } from "next-intl";
import id from "@/messages/id";
import { committedBeside } from "./line-entries";

const errors = createTranslator({ locale: "id", messages: id, namespace: "Budget.errors" });

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

/** What is written against a line: realisation (its field "amount") or aid (its field "value"). */
export type LineEntryKind = "realisation" | "aid";

/**
 * Under the line's lock, after the entry is written (or before an edit, with its new amount):
 * the entry's pool (./line-entries.ts) with the entry at `amount` must stay within the pagu.
 * Refused with the pagu still free, in words (Budget.errors.overPagu / aidOverPagu).
 */
export async function assertWithinPagu(
  tx: Tx,
  tenantId: string,
  line: { id: string; pagu: Rupiah },
  entry: { id: string; amount: Rupiah; kind: LineEntryKind },
): Promise<void> {
  const { committed } = await committedBeside(tx, tenantId, line.id, entry.id);
  if (committed + entry.amount <= line.pagu) return;
  const left = line.pagu - committed;
  const params = { remaining: formatRupiah(left > 0n ? left : 0n) };
  const key = entry.kind === "aid" ? "aidOverPagu" : "overPagu";
  const message = errors(key, params);
  throw new AppError("INVALID", message, { [entry.kind === "aid" ? "value" : "amount"]: [message] }, { key: `Budget.errors.${key}`, params });
}
