// Bapeda resolves a suspected duplicate: merge (keeping either record) or dismiss.
import type { ActionContext } from "@/lib/actions/define";
import { notFound } from "@/lib/errors";
import { wordedError } from "@/lib/errors/worded";
import type { Prisma } from "@/lib/generated/prisma/client";
import { blankToUndefined } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";
import { mergeHouseholds, mergeMembers, type Merged } from "./merge";
import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";

export const resolveDuplicateSchema = z.object({
  candidateId: z.string().trim().min(1).max(40),
  resolution: z.enum(["KEEP_FIRST", "KEEP_SECOND", "DISMISS"], "Pilih cara menyelesaikan."),
  note: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
});
export type ResolveDuplicateInput = z.output<typeof resolveDuplicateSchema>;

export async function resolveDuplicate(
  ctx: Pick<ActionContext, "tx" | "tenantId" | "user">,
  input: ResolveDuplicateInput,
): Promise<{ candidateId: string; status: "MERGED" | "DISMISSED"; keptId: string | null }> {
  const { tx, tenantId } = ctx;
  await lockRow(tx, "DuplicateCandidate", { tenantId, id: input.candidateId });
  const candidate = await tx.duplicateCandidate.findFirst({ where: { id: input.candidateId } });
  if (!candidate) throw notFound("Dugaan data ganda");
  if (candidate.status !== "OPEN") throw wordedError("CONFLICT", "Duplicates.errors.alreadyResolved");

  let keptId: string | null = null;
  if (input.resolution !== "DISMISS") {
    const [keep, drop] = input.resolution === "KEEP_FIRST" ? [candidate.firstId, candidate.secondId] : [candidate.secondId, candidate.firstId];
    const merged = candidate.kind === "SIMILAR_PERSON" ? await mergeMembers(tx, tenantId, keep, drop) : await mergeHouseholds(tx, tenantId, keep, drop);
    await carryOver(tx, tenantId, candidate.id, merged, ctx.user.id);
    keptId = keep;
  }
  const status = input.resolution === "DISMISS" ? "DISMISSED" : "MERGED";
  const detail = { ...((candidate.detail as Record<string, unknown> | null) ?? {}), resolution: input.resolution, ...(input.note ? { note: input.note } : {}) };
  await tx.duplicateCandidate.update({
    where: { tenantId_id: { tenantId, id: candidate.id } },
    data: { status, resolvedById: ctx.user.id, resolvedAt: new Date(), detail: detail as Prisma.InputJsonValue },
  });
  return { candidateId: candidate.id, status, keptId };
}

/**
 * Other open suspicions about a record merged away now concern the record it was merged
 * into: they are moved over, and closed as merged when that makes them a pair with itself
 * or repeats a pair already recorded.
 */
async function carryOver(tx: Tx, tenantId: string, resolvedId: string, merged: Merged[], userId: string): Promise<void> {
  const keepOf = new Map(merged.map((m) => [m.drop, m.keep]));
  const dropped = [...keepOf.keys()];
  const affected = await tx.duplicateCandidate.findMany({
    where: { status: "OPEN", id: { not: resolvedId }, OR: [{ firstId: { in: dropped } }, { secondId: { in: dropped } }] },
  });
  for (const candidate of affected) {
    const [firstId, secondId] = [keepOf.get(candidate.firstId) ?? candidate.firstId, keepOf.get(candidate.secondId) ?? candidate.secondId].sort() as [
      string,
      string,
    ];
    const repeated =
      firstId === secondId || (await tx.duplicateCandidate.findFirst({ where: { kind: candidate.kind, firstId, secondId }, select: { id: true } })) !== null;
    await tx.duplicateCandidate.update({
      where: { tenantId_id: { tenantId, id: candidate.id } },
      data: repeated ? { status: "MERGED", resolvedById: userId, resolvedAt: new Date() } : { firstId, secondId },
    });
  }
}
