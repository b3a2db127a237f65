// Budget lines of a programme: funding source, pagu, and how its aid counts.
import type { ActionContext } from "@/lib/actions/define";
import { findOwnBudgetLine, lockBudgetLine } from "@/features/budget/lines";
import { largestPool } from "@/features/budget/line-entries";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import { formatRupiah } from "@/lib/format";
import { findOwnProgramme } from "./programmes";
import type { BudgetLineInput } from "./schemas";
import { writerOpdId } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
type LineFields = Omit<BudgetLineInput, "programmeId">;

const fields = (input: LineFields) => ({
  fundingSource: input.fundingSource,
  partnerName: input.partnerName,
  description: input.description,
  pagu: input.pagu,
  accountCode: input.accountCode,
  aidMode: input.aidMode,
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
  throw wordedFieldError("CONFLICT", "description", "Programmes.errors.lineTaken");
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
  await updateAtVersion(tx, "budgetLine", { where: { id: line.id }, version: input.version, data: fields(input) });
  // A revised budget (APBD-P) may lower the pagu, and the aid may change how it counts, but
  // neither may leave what is already spent or entered over the pagu. Refused, the update rolls back.
  const committed = await largestPool(tx, tenantId, line.id);
  if (input.pagu < committed) {
    throw wordedFieldError("INVALID", "pagu", "Programmes.errors.paguBelowCommitted", { committed: formatRupiah(committed) });
  }
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
    throw wordedError("CONFLICT", "Programmes.errors.budgetLineInUse");
  }
  await tx.budgetLine.delete({ where: { tenantId_id: { tenantId: line.tenantId, id: line.id } } });
  return { budgetLineId: line.id, programmeId: line.programmeId };
}
