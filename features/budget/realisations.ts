// Monthly budget realisation. Staff and heads of the line's own
// OPD enter drafts; the head verifies them; only verified entries count. A verified entry
// is corrected by a reversal: a new, negative draft pointing at it.
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";
import { nextVersion, updateAtVersion } from "@/lib/db/versioned-update";
import { notFound } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import { writerOpdId } from "@/lib/auth/scope";
import { assertWithinPagu, findOwnBudgetLine, lockBudgetLine } from "@/features/budget/lines";
import { yearMonthOf } from "@/lib/calendar/months";
import { cityToday } from "@/lib/calendar/city-today";
import { lastRecordableMonth } from "@/lib/calendar/fiscal-year";
import { deleteProblem, editProblem, reversalProblem } from "@/lib/entries/rules";
import { assertReferenceFree } from "./reference-numbers";
import { resubmitted } from "@/lib/entries/returns";
import type { CreateRealisationInput, UpdateRealisationInput } from "./schemas";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
/** For tests; defaults to now. */
type Clock = { now?: Date };

/** An entry of a budget line of the writer's own OPD, or "not found". */
async function findOwnEntry(tx: Tx, opdId: string, realisationId: string) {
  const entry = await tx.budgetRealisation.findFirst({
    where: { id: realisationId, budgetLine: { programme: { opdId } } },
    include: { budgetLine: { select: { id: true, pagu: true, programmeId: true, programme: { select: { fiscalYear: true } } } } },
  });
  if (!entry) throw notFound("Entri realisasi");
  return entry;
}

async function assertMonthOpen(tx: Tx, tenantId: string, fiscalYear: number, month: number, clock: Clock) {
  const last = lastRecordableMonth(fiscalYear, yearMonthOf(await cityToday(tx, tenantId, clock.now)));
  if (month > last) {
    throw last === 0
      ? wordedFieldError("INVALID", "month", "Budget.errors.yearNotStarted", { fiscalYear })
      : wordedFieldError("INVALID", "month", "Budget.errors.monthNotStarted", { month, fiscalYear, last });
  }
}

export async function createRealisation({ tx, tenantId, user }: Ctx, input: CreateRealisationInput, clock: Clock = {}) {
  const line = await findOwnBudgetLine(tx, writerOpdId(user), input.budgetLineId);
  await assertMonthOpen(tx, tenantId, line.programme.fiscalYear, input.month, clock);
  await assertReferenceFree(tx, input.referenceNo);
  const entry = await tx.budgetRealisation.create({
    data: {
      tenantId,
      budgetLineId: line.id,
      month: input.month,
      amount: input.amount,
      referenceNo: input.referenceNo,
      note: input.note,
      createdById: user.id,
    },
  });
  // Checked last, so the line stays locked only for the check and the commit: every clerk of
  // an OPD may be entering against the same line. Over the pagu, the entry is rolled back.
  await lockBudgetLine(tx, tenantId, line.id);
  await assertWithinPagu(tx, tenantId, line, { id: entry.id, amount: input.amount, kind: "realisation" });
  return { realisationId: entry.id, budgetLineId: line.id };
}

const changedMeanwhile = () => wordedError("CONFLICT", "Budget.errors.justVerified");

export async function updateRealisation({ tx, tenantId, user }: Ctx, input: UpdateRealisationInput, clock: Clock = {}) {
  const entry = await findOwnEntry(tx, writerOpdId(user), input.realisationId);
  const problem = editProblem(entry);
  if (problem) throw wordedError("CONFLICT", problem);
  await assertMonthOpen(tx, tenantId, entry.budgetLine.programme.fiscalYear, input.month, clock);
  await assertReferenceFree(tx, input.referenceNo, entry.id);
  await lockBudgetLine(tx, tenantId, entry.budgetLineId);
  await assertWithinPagu(tx, tenantId, entry.budgetLine, { id: entry.id, amount: input.amount, kind: "realisation" });
  // Still a draft at the moment of writing: a head verifying meanwhile wins.
  await updateAtVersion(tx, "budgetRealisation", {
    where: { id: entry.id, status: "DRAFT" },
    version: input.version,
    data: { month: input.month, amount: input.amount, referenceNo: input.referenceNo, note: input.note, ...resubmitted },
  });
  return { realisationId: entry.id, budgetLineId: entry.budgetLineId };
}

export async function deleteRealisation({ tx, user }: Ctx, input: { realisationId: string }) {
  const entry = await findOwnEntry(tx, writerOpdId(user), input.realisationId);
  const problem = deleteProblem(entry);
  if (problem) throw wordedError("CONFLICT", problem);
  const { count } = await tx.budgetRealisation.deleteMany({ where: { id: entry.id, status: "DRAFT" } });
  if (count === 0) throw changedMeanwhile();
  return { realisationId: entry.id, budgetLineId: entry.budgetLineId };
}

export async function reverseRealisation({ tx, tenantId, user }: Ctx, input: { realisationId: string; note: string }) {
  const opdId = writerOpdId(user);
  // One reversal per entry, even when two people reverse it at the same moment.
  await lockRow(tx, "BudgetRealisation", { tenantId, id: input.realisationId });
  const entry = await findOwnEntry(tx, opdId, input.realisationId);
  const reversedAlready = (await tx.budgetRealisation.count({ where: { reversesId: entry.id } })) > 0;
  const problem = reversalProblem(entry, reversedAlready);
  if (problem) throw wordedError("CONFLICT", problem);
  const reversal = await tx.budgetRealisation.create({
    data: {
      tenantId,
      budgetLineId: entry.budgetLineId,
      month: entry.month,
      amount: -entry.amount,
      note: input.note,
      createdById: user.id,
      reversesId: entry.id,
    },
  });
  return { realisationId: reversal.id, budgetLineId: entry.budgetLineId };
}

/**
 * The OPD head verifies drafts of the OPD's own lines, one or many. An id that is not an
 * entry of the OPD makes the whole request "not found" and changes nothing; entries already
 * verified (by a second click, or another head) are left as they are.
 */
export async function verifyRealisations({ tx, user }: Ctx, input: { ids: string[] }, clock: Clock = {}) {
  const opdId = writerOpdId(user);
  const where = { id: { in: input.ids }, budgetLine: { programme: { opdId } } };
  const found = await tx.budgetRealisation.count({ where });
  if (found < input.ids.length) throw notFound("Entri realisasi");
  const now = clock.now ?? new Date();
  const { count } = await tx.budgetRealisation.updateMany({
    where: { ...where, status: "DRAFT" },
    data: { status: "VERIFIED", verifiedById: user.id, verifiedAt: now, ...nextVersion },
  });
  // A verified reversal frees the reversed entry's reference for the corrected spending.
  await tx.budgetRealisation.updateMany({
    where: { reversedAt: null, reversedBy: { some: { id: { in: input.ids }, status: "VERIFIED" } } },
    data: { reversedAt: now },
  });
  return { verified: count, alreadyVerified: input.ids.length - count };
}
