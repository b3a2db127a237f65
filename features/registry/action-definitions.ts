// The registry's server actions: each declares its permission and input; the
// pipeline (lib/actions) adds the session, the city's scope and the audit of every write.
import { defineAction, type AnyActionDefinition } from "@/lib/actions/define";
import { decideChange } from "@/features/registry/change-requests/decide";
import { proposeChange } from "@/features/registry/change-requests/propose";
import { decideChangeSchema, proposeChangeSchema } from "@/features/registry/change-requests/schemas";
import { revealPersonalNumbers } from "@/features/registry/household/reveal-personal";
import { householdId } from "@/features/registry/schemas";
import { lookupHouseholdByNumber, lookupNumberSchema } from "@/features/registry/search/lookup-number";
import { registryScope } from "@/lib/auth/scope";
import { changeHouseholdStatus, changeStatusSchema } from "@/features/registry/status/change-status";
import { z } from "@/lib/validation/zod";
import { duplicateActionDefinitions } from "@/features/registry/duplicates/action-definitions";
import { registryRoutes } from "@/features/registry/routes";

export const revealPersonalDefinition = defineAction({
  name: "registry.revealPersonal",
  permission: "registry:read-personal",
  schema: z.object({ householdId }),
  run: (ctx, input) => revealPersonalNumbers(ctx, input.householdId),
});

export const lookupNumberDefinition = defineAction({
  name: "registry.lookupNumber",
  permission: "registry:read-personal",
  schema: lookupNumberSchema,
  run: (ctx, input) => lookupHouseholdByNumber(ctx, input.number),
});

export const changeStatusDefinition = defineAction({
  name: "registry.changeStatus",
  createsRecords: true,
  permission: "registry:graduate",
  schema: changeStatusSchema,
  run: (ctx, input) =>
    changeHouseholdStatus(ctx.tx, input, {
      source: "MANUAL",
      decidedById: ctx.user.id,
      scope: registryScope(ctx.user),
      tenantId: ctx.tenantId,
    }),
  revalidate: (slug, result) => [registryRoutes.list(slug), registryRoutes.household(slug, result.householdId)],
  successMessage: "Success.registry.changeStatus",
});

export const proposeChangeDefinition = defineAction({
  name: "registry.changeRequests.propose",
  createsRecords: true,
  permission: "registry:change-propose",
  schema: proposeChangeSchema,
  run: (ctx, input) => proposeChange(ctx, input),
  revalidate: (slug, result) => [registryRoutes.changeRequests(slug), registryRoutes.household(slug, result.householdId)],
  successMessage: "Success.registry.changeRequests.propose",
});

export const decideChangeDefinition = defineAction({
  name: "registry.changeRequests.decide",
  permission: "registry:change-decide",
  schema: decideChangeSchema,
  run: (ctx, input) => decideChange(ctx, input),
  revalidate: (slug, result) => [registryRoutes.changeRequests(slug), registryRoutes.list(slug), registryRoutes.household(slug, result.householdId)],
  successMessage: "Success.registry.changeRequests.decide",
});

/** Every registry action, for the registry's own permission test. */
export const registryActionDefinitions: readonly AnyActionDefinition[] = [
  revealPersonalDefinition,
  lookupNumberDefinition,
  changeStatusDefinition,
  proposeChangeDefinition,
  decideChangeDefinition,
  ...duplicateActionDefinitions,
];
