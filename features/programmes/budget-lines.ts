// Budget lines of a programme: funding source and pagu.
import type { ActionContext } from "@/lib/actions/define";
import { committedAmount, findOwnBudgetLine, lockBudgetLine } from "@/features/budget/lines";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { AppError } from "@/lib/errors";
import { formatRupiah } from "@/lib/format";
import { findOwnProgramme } from "./programmes";
import type { BudgetLineInput } from "./schemas";
import { writerOpdId } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import { createTranslator } from "next-intl";
import id from "@/messages/id";

const errors = createTranslator({ locale: "id", messages: id, namespace: "Programmes.errors" });

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
type LineFields = Omit<BudgetLineInput, "programmeId">;

const fields = (input: LineFields) => ({
  fundingSource: input.fundingSource,
  partnerName: input.partnerName,
  description: input.description,
  pagu: input.pagu,
});

/** The description as the unique index "BudgetLine"."descriptionKey" compares it. */
export const descriptionKey = (description: string) => description.trim().replace(/\s+/g, " ").toUpperCase();

/**
 * One line per source and description within a programme. The unique index holds it for
 * writers at the same moment; this check gives the refusal its words.
 */
async function assertLineFree(tx: Tx, programmeId: string, input: LineFields, exceptId?: string) {
  const taken = await tx.budgetLine.count({
    where: {
      programmeId,
      fundingSource: input.fundingSource,
      descriptionKey: descriptionKey(input.description),
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
  });
  if (taken === 0) return;
  const message = errors("lineTaken");
  throw new AppError("CONFLICT", message, { description: [message] });
}

export async function createBudgetLine({ tx, tenantId, user }: Ctx, input: BudgetLineInput) {
  const programme = await findOwnProgramme(tx, writerOpdId(user), input.programmeId);
  await assertLineFree(tx, programme.id, input);
  const line = await tx.budgetLine.create({ data: { tenantId, programmeId: programme.id, ...fields(input) } });
  return { budgetLineId: line.id, programmeId: programme.id };
}

export async function updateBudgetLine({ tx, tenantId, user }: Ctx, input: LineFields & { budgetLineId: string; version: number }) {
  const line = await findOwnBudgetLine(tx, writerOpdId(user), input.budgetLineId);
  await assertLineFree(tx, line.programmeId, input, line.id);
  await lockBudgetLine(tx, tenantId, line.id);
  // A revised budget (APBD-P) may lower the pagu, but not below what is already spent or entered.
  const committed = await committedAmount(tx, line.id);
  if (input.pagu < committed) {
    const message = `Pagu tidak boleh di bawah realisasi yang sudah dicatat (${formatRupiah(committed)}).`;
    throw new AppError("INVALID", message, { pagu: [message] });
  }
  await updateAtVersion(tx, "budgetLine", { where: { id: line.id }, version: input.version, data: fields(input) });
  return { budgetLineId: line.id, programmeId: line.programmeId };
}

/** A line with realisation or aid recorded against it stays. */
export async function deleteBudgetLine({ tx, user }: Ctx, input: { budgetLineId: string }) {
  const line = await findOwnBudgetLine(tx, writerOpdId(user), input.budgetLineId);
  const [realisations, aid] = await Promise.all([
    tx.budgetRealisation.count({ where: { budgetLineId: line.id } }),
    tx.aidDistribution.count({ where: { budgetLineId: line.id } }),
  ]);
  if (realisations + aid > 0) {
    throw new AppError("CONFLICT", "Pos anggaran yang sudah punya realisasi atau bantuan tercatat tidak dapat dihapus.");
  }
  await tx.budgetLine.delete({ where: { tenantId_id: { tenantId: line.tenantId, id: line.id } } });
  return { budgetLineId: line.id, programmeId: line.programmeId };
}
