// A kelurahan officer proposes a change to a household of their kelurahan. Nothing in the
// registry changes: the request is stored as PENDING. Everything that can be checked now is
// checked now, with the same functions approval applies (the household's scope, the NIK
// being new, the status step being possible, every date, one head per family), so a
// proposal that could never be approved is refused here, not left for Bapeda.
import type { ActionContext } from "@/lib/actions/define";
import { userCan } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import { householdScopeWhere, registryScope } from "@/lib/auth/scope";
import { assertBirthDate } from "@/lib/identity/birth-date";
import { lookUpByNumber } from "@/lib/privacy/number-lookup";
import { MEMBER_DEPARTED, assertNikFree, assertNikFreeOrReturning } from "@/features/registry/members/add-member";
import { assertRelationFree, planLeaving, targetFamily } from "@/features/registry/members/leave-family";
import { assertDesilChanges } from "@/features/registry/status/change-desil";
import { assertNotFuture, assertStatusDate } from "@/features/registry/status/change-status";
import { planTransition } from "@/features/registry/status/transitions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HouseholdStatus } from "@/lib/generated/prisma/enums";
import type { ProposeChangeInput, ProposedChange } from "./schemas";

type Proposer = Pick<ActionContext, "tx" | "tenantId" | "user"> & { requestId?: string | null; now?: Date };

/**
 * A proposal is stored (requestId), or answered without one when the family its No. KK names
 * is not found or the proposer's number lookups are used up: answered, not thrown, so the
 * lookup's count and audit row are kept, as the registry's own lookup keeps them.
 */
export type ProposeOutcome = {
  requestId: string | null;
  householdId: string;
  refused?: { reason: "noFamily" } | { reason: "limited"; minutes: number };
};

export async function proposeChange(ctx: Proposer, input: ProposeChangeInput): Promise<ProposeOutcome> {
  const { tx } = ctx;
  const household = await tx.household.findFirst({
    where: { id: input.householdId, ...householdScopeWhere(registryScope(ctx.user)) },
    select: { id: true, status: true, isExtremePoor: true, desil: true },
  });
  if (!household) throw notFound("Keluarga");
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");

  if (input.change.kind === "MEMBER_MOVED_TO_FAMILY") {
    const found = await lookUpTargetFamily(ctx, input.change.payload.targetNoKk);
    if (found.kind !== "found") {
      return {
        requestId: null,
        householdId: household.id,
        refused: found.kind === "none" ? { reason: "noFamily" } : { reason: "limited", minutes: found.minutes },
      };
    }
  }
  await checkProposal(ctx, household, input.change);

  const request = await tx.changeRequest.create({
    data: {
      tenantId: ctx.tenantId,
      householdId: household.id,
      kind: input.change.kind,
      payload: input.change.payload as Prisma.InputJsonValue,
      note: input.note ?? null,
      proposedById: ctx.user.id,
    },
    select: { id: true },
  });
  return { requestId: request.id, householdId: household.id };
}

type Household = { id: string; status: HouseholdStatus; isExtremePoor: boolean; desil: number | null };

async function checkProposal(ctx: Proposer, household: Household, change: ProposedChange): Promise<void> {
  const { tx } = ctx;
  const today = { tenantId: ctx.tenantId, now: ctx.now };
  switch (change.kind) {
    case "NEW_MEMBER":
      await assertBirthDate(tx, ctx.tenantId, change.payload.birthDate, ctx.now);
      await assertNikFreeOrReturning(tx, change.payload.nik);
      return;
    case "STATUS":
    case "EXTREME_POVERTY_CHANGED": {
      const transition = change.kind === "STATUS" ? change.payload.transition : change.payload.isExtremePoor ? "ENTER_EXTREME" : "EXIT_EXTREME";
      const plan = planTransition(household, transition);
      if (!plan.ok) throw wordedFieldError("INVALID", change.kind === "STATUS" ? "transition" : "isExtremePoor", `Registry.errors.transition.${plan.code}`);
      await assertStatusDate(tx, household.id, change.payload.effectiveDate, today);
      return;
    }
    case "DESIL_CHANGED":
      assertDesilChanges(household, change.payload.desil);
      await assertNotFuture(tx, change.payload.effectiveDate, today);
      return;
    case "CORRECTION": {
      const member = await tx.member.findFirst({
        where: { id: change.payload.memberId, householdId: household.id },
        select: { id: true, departedAt: true },
      });
      if (!member) throw notFound("Anggota keluarga");
      if (member.departedAt) throw wordedError("INVALID", "Registry.errors.memberGone", {}, { memberId: [MEMBER_DEPARTED] });
      if (change.payload.birthDate) await assertBirthDate(tx, ctx.tenantId, change.payload.birthDate, ctx.now);
      if (change.payload.nik) await assertNikFree(tx, change.payload.nik, member.id);
      return;
    }
    case "ADDRESS":
      if (change.payload.kelurahanId) {
        const kelurahan = await tx.area.findFirst({ where: { id: change.payload.kelurahanId, level: "KELURAHAN" }, select: { id: true } });
        if (!kelurahan) throw notFound("Kelurahan");
      }
      return;
    case "MEMBER_DIED":
    case "MEMBER_MOVED_OUT":
      await planLeaving(tx, household.id, change.payload, today);
      return;
    case "MEMBER_MOVED_TO_FAMILY": {
      await planLeaving(tx, household.id, change.payload, today);
      const target = await targetFamily(tx, change.payload.targetNoKk, household.id);
      await assertRelationFree(tx, target.id, change.payload.relation);
      return;
    }
  }
}

/**
 * The family a whole No. KK names anywhere in the city: a lookup by number, so only a reader
 * of personal data may make it, and it is counted and audited as the registry's own lookup is.
 */
async function lookUpTargetFamily(ctx: Proposer, noKk: string) {
  if (!userCan(ctx.user, "registry:read-personal")) throw forbidden();
  return lookUpByNumber(
    ctx.tx,
    {
      viewer: ctx.user,
      tenantId: ctx.tenantId,
      requestId: ctx.requestId,
      number: noKk,
      entity: "Household",
      purpose: "registry.changeRequests.propose",
      find: async () => (await ctx.tx.household.findFirst({ where: { noKk }, select: { id: true } }))?.id ?? null,
    },
    ctx.now,
  );
}
