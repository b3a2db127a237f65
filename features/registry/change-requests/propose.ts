// A kelurahan officer proposes a change to a household of their kelurahan. Nothing in the
// registry changes: the request is stored as PENDING. What can be checked now is checked
// now (the household's scope, the NIK being new, the status step being possible), so the
// officer hears of a problem before Bapeda does; everything is checked again when the
// request is approved.
import type { ActionContext } from "@/lib/actions/define";
import { AppError, notFound } from "@/lib/errors";
import { householdScopeWhere, registryScope } from "@/lib/auth/scope";
import { assertNikFree } from "@/features/registry/members/add-member";
import { planTransition } from "@/features/registry/status/transitions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposeChangeInput } from "./schemas";

export async function proposeChange(
  ctx: Pick<ActionContext, "tx" | "tenantId" | "user">,
  input: ProposeChangeInput,
): Promise<{ requestId: string; householdId: string }> {
  const { tx } = ctx;
  const household = await tx.household.findFirst({
    where: { id: input.householdId, ...householdScopeWhere(registryScope(ctx.user)) },
    select: { id: true, status: true, isExtremePoor: true },
  });
  if (!household) throw notFound("Keluarga");
  if (household.status === "DECEASED") throw new AppError("INVALID", "Keluarga yang tercatat meninggal tidak dapat diubah.");

  const { change } = input;
  switch (change.kind) {
    case "NEW_MEMBER":
      await assertNikFree(tx, change.payload.nik);
      break;
    case "STATUS": {
      const plan = planTransition(household, change.payload.transition);
      if (!plan.ok) throw new AppError("INVALID", plan.reason, { transition: [plan.reason] });
      break;
    }
    case "CORRECTION": {
      const member = await tx.member.findFirst({ where: { id: change.payload.memberId, householdId: household.id }, select: { id: true } });
      if (!member) throw notFound("Anggota keluarga");
      if (change.payload.nik) await assertNikFree(tx, change.payload.nik, member.id);
      break;
    }
    case "ADDRESS":
      if (change.payload.kelurahanId) {
        const kelurahan = await tx.area.findFirst({ where: { id: change.payload.kelurahanId, level: "KELURAHAN" }, select: { id: true } });
        if (!kelurahan) throw notFound("Kelurahan");
      }
      break;
  }

  const request = await tx.changeRequest.create({
    data: {
      tenantId: ctx.tenantId,
      householdId: household.id,
      kind: change.kind,
      payload: change.payload as Prisma.InputJsonValue,
      note: input.note ?? null,
      proposedById: ctx.user.id,
    },
    select: { id: true },
  });
  return { requestId: request.id, householdId: household.id };
}
