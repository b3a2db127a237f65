// The aid-distribution server actions.
import { defineAction } from "@/lib/actions/define";
import { createDistribution, deleteDistribution, reverseDistribution, updateDistribution, verifyDistributions } from "@/features/aid/distributions";
import { returnActions } from "@/lib/entries/return-actions";
import {
  createDistributionSchema,
  distributionId,
  distributionIdSchema,
  reverseDistributionSchema,
  updateDistributionSchema,
  verifyDistributionsSchema,
} from "@/features/aid/schemas";
import { aidRoutes } from "@/features/aid/routes";

export const createDistributionDefinition = defineAction({
  name: "aid.create",
  createsRecords: true,
  permission: "entry:write",
  schema: createDistributionSchema,
  run: (ctx, input) => createDistribution(ctx, input),
  revalidate: (slug) => [aidRoutes.list(slug)],
  successMessage: "Success.aid.create",
});

export const updateDistributionDefinition = defineAction({
  name: "aid.update",
  permission: "entry:write",
  schema: updateDistributionSchema,
  run: (ctx, input) => updateDistribution(ctx, input),
  revalidate: (slug, result) => [aidRoutes.list(slug), aidRoutes.detail(slug, result.distributionId)],
  successMessage: "Success.aid.update",
});

export const deleteDistributionDefinition = defineAction({
  name: "aid.delete",
  permission: "entry:write",
  schema: distributionIdSchema,
  run: (ctx, input) => deleteDistribution(ctx, input),
  revalidate: (slug) => [aidRoutes.list(slug)],
  successMessage: "Success.aid.delete",
});

export const reverseDistributionDefinition = defineAction({
  name: "aid.reverse",
  createsRecords: true,
  permission: "entry:write",
  schema: reverseDistributionSchema,
  run: (ctx, input) => reverseDistribution(ctx, input),
  revalidate: (slug, result) => [aidRoutes.list(slug), aidRoutes.detail(slug, result.distributionId)],
  successMessage: "Success.aid.reverse",
});

export const verifyDistributionsDefinition = defineAction({
  name: "aid.verify",
  permission: "entry:verify",
  schema: verifyDistributionsSchema,
  run: (ctx, input) => verifyDistributions(ctx, input),
  revalidate: (slug) => [aidRoutes.list(slug)],
  successMessage: "Success.aid.verify",
});

export const distributionReturnDefinitions = returnActions({
  kind: "distribution",
  name: "aid",
  idField: "distributionId",
  id: distributionId,
  revalidate: (slug, id) => [aidRoutes.list(slug), aidRoutes.detail(slug, id)],
});
