// Bapeda (or the head of the OPD the city admin marked as Dinas Sosial) approves or rejects a proposed change.
// Approval applies the change in the same transaction with the same functions
// Bapeda's own forms use, so a change that is no longer possible (the NIK was registered
// meanwhile, the household graduated) fails as a whole and the request stays pending.
// The decider may correct the proposal's date when approving; the request then keeps the
// date that was applied.
import type { ActionContext } from "@/lib/actions/define";
import { userCan } from "@/lib/auth/permissions";
import { lockRow } from "@/lib/db/locks";
import { forbidden, notFound } from "@/lib/errors";
import { wordedError } from "@/lib/errors/worded";
import type { Prisma } from "@/lib/generated/prisma/client";
import { updateAddress } from "@/features/registry/household/update-address";
import { addMember } from "@/features/registry/members/add-member";
import { correctMember } from "@/features/registry/members/correct-member";
import { moveMemberToFamily, recordDeparture } from "@/features/registry/members/leave-family";
import { registryScope } from "@/lib/auth/scope";
import { changeDesil } from "@/features/registry/status/change-desil";
import { changeHouseholdStatus } from "@/features/registry/status/change-status";
import { changeRefused } from "./refusals";
import { CHANGE_KINDS, parseChangePayload, type ChangeKind, type ChangePayload, type DecideChangeInput } from "./schemas";

type Decider = Pick<ActionContext, "tx" | "tenantId" | "user"> & { now?: Date };

export async function decideChange(ctx: Decider, input: DecideChangeInput): Promise<{ requestId: string; householdId: string; status: string }> {
  const { tx, tenantId } = ctx;
  // The pipeline checked this already; a caller outside it (a job, a script) must not skip it.
  if (!userCan(ctx.user, "registry:change-decide")) throw forbidden();
  await lockRow(tx, "ChangeRequest", { tenantId, id: input.requestId });
  const request = await tx.changeRequest.findFirst({ where: { id: input.requestId } });
  if (!request) throw notFound("Usulan perubahan");
  if (request.status !== "PENDING") throw wordedError("CONFLICT", "ChangeRequests.errors.alreadyDecided");

  const payload = input.effectiveDate ? withCorrectedDate(request.payload, input.effectiveDate) : request.payload;
  if (input.decision === "APPROVE") await applyChange(ctx, request.householdId, request.kind, payload);

  const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
  await tx.changeRequest.update({
    where: { tenantId_id: { tenantId, id: request.id } },
    data: {
      status,
      decidedById: ctx.user.id,
      decidedAt: new Date(),
      decisionReason: input.reason ?? null,
      ...(input.effectiveDate ? { payload: payload as Prisma.InputJsonValue } : {}),
    },
  });
  return { requestId: request.id, householdId: request.householdId, status };
}

function withCorrectedDate(raw: Prisma.JsonValue, effectiveDate: string): Prisma.JsonValue {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || !("effectiveDate" in raw)) {
    throw changeRefused("dateNotCorrectable", "effectiveDate");
  }
  return { ...raw, effectiveDate };
}

async function applyChange(ctx: Decider, householdId: string, kind: ChangeKind, raw: Prisma.JsonValue): Promise<void> {
  if (!CHANGE_KINDS.includes(kind)) throw wordedError("INVALID", "ChangeRequests.errors.unknownKind");
  const parsed = parseChangePayload(kind, raw);
  if (!parsed.success) throw wordedError("INVALID", "ChangeRequests.errors.payloadInvalid");
  // The decider sees the whole city; the proposer's kelurahan was checked when proposing.
  const options = { tenantId: ctx.tenantId, scope: registryScope(ctx.user), now: ctx.now };
  const decided = { ...options, source: "CHANGE_REQUEST" as const, decidedById: ctx.user.id };
  const { tx } = ctx;
  switch (kind) {
    case "NEW_MEMBER":
      await addMember(tx, householdId, parsed.data as ChangePayload["NEW_MEMBER"], options);
      return;
    case "ADDRESS":
      await updateAddress(tx, householdId, parsed.data as ChangePayload["ADDRESS"], options);
      return;
    case "CORRECTION":
      await correctMember(tx, householdId, parsed.data as ChangePayload["CORRECTION"], options);
      return;
    case "STATUS":
      await changeHouseholdStatus(tx, { householdId, ...(parsed.data as ChangePayload["STATUS"]) }, decided);
      return;
    case "EXTREME_POVERTY_CHANGED": {
      const { isExtremePoor, basis, effectiveDate, reason } = parsed.data as ChangePayload["EXTREME_POVERTY_CHANGED"];
      const transition = isExtremePoor ? "ENTER_EXTREME" : "EXIT_EXTREME";
      await changeHouseholdStatus(tx, { householdId, transition, effectiveDate, reason }, { ...decided, basis });
      return;
    }
    case "DESIL_CHANGED":
      await changeDesil(tx, householdId, parsed.data as ChangePayload["DESIL_CHANGED"], decided);
      return;
    case "MEMBER_DIED":
      await recordDeparture(tx, householdId, { ...(parsed.data as ChangePayload["MEMBER_DIED"]), departure: "DIED" }, options);
      return;
    case "MEMBER_MOVED_OUT":
      await recordDeparture(tx, householdId, { ...(parsed.data as ChangePayload["MEMBER_MOVED_OUT"]), departure: "MOVED_OUT" }, options);
      return;
    case "MEMBER_MOVED_TO_FAMILY":
      await moveMemberToFamily(tx, householdId, parsed.data as ChangePayload["MEMBER_MOVED_TO_FAMILY"], options);
      return;
  }
}
