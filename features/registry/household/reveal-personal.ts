// The one way a full NIK or No. KK leaves the server: on a household
// page, at the user's request, for roles that may read personal data, and audited as a
// "view_personal" entry in the same transaction. The audit row names the fields shown,
// never their values.
import type { ActionContext } from "@/lib/actions/define";
import { recordAudit } from "@/lib/db/audit";
import { notFound } from "@/lib/errors";
import { householdScopeWhere, registryScope } from "@/lib/auth/scope";

export const VIEW_PERSONAL_ACTION = "view_personal";

export type PersonalNumbers = { householdId: string; noKk: string; members: { id: string; nik: string }[] };

export async function revealPersonalNumbers(ctx: Pick<ActionContext, "tx" | "tenantId" | "user" | "requestId">, householdId: string): Promise<PersonalNumbers> {
  const { tx } = ctx;
  const household = await tx.household.findFirst({
    where: { id: householdId, ...householdScopeWhere(registryScope(ctx.user)) },
    select: { id: true, noKk: true, members: { select: { id: true, nik: true } } },
  });
  if (!household) throw notFound("Keluarga");
  await recordAudit(tx, {
    tenantId: ctx.tenantId,
    userId: ctx.user.id,
    action: VIEW_PERSONAL_ACTION,
    entity: "Household",
    entityId: household.id,
    after: { shown: ["noKk", "nik"], members: household.members.length },
    requestId: ctx.requestId,
  });
  return { householdId: household.id, noKk: household.noKk, members: household.members };
}
