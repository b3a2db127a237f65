// The budget-realisation server actions.
import { defineAction } from "@/lib/actions/define";
import { createRealisation, deleteRealisation, reverseRealisation, updateRealisation, verifyRealisations } from "@/features/budget/realisations";
import {
  createRealisationSchema,
  realisationId,
  realisationIdSchema,
  reverseRealisationSchema,
  updateRealisationSchema,
  verifyRealisationsSchema,
} from "@/features/budget/schemas";
import { budgetRoutes } from "@/features/budget/routes";
import { returnActions } from "@/lib/entries/return-actions";
import { programmesRoutes } from "@/features/programmes/routes";

// Programme pages show the same totals.

const afterEntry = (slug: string, result: { budgetLineId: string }) => [
  budgetRoutes.list(slug),
  budgetRoutes.line(slug, result.budgetLineId),
  programmesRoutes.list(slug),
];

export const createRealisationDefinition = defineAction({
  name: "budget.realisations.create",
  createsRecords: true,
  permission: "entry:write",
  schema: createRealisationSchema,
  run: (ctx, input) => createRealisation(ctx, input),
  revalidate: afterEntry,
  successMessage: "Success.budget.realisations.create",
});

export const updateRealisationDefinition = defineAction({
  name: "budget.realisations.update",
  permission: "entry:write",
  schema: updateRealisationSchema,
  run: (ctx, input) => updateRealisation(ctx, input),
  revalidate: afterEntry,
  successMessage: "Success.budget.realisations.update",
});

export const deleteRealisationDefinition = defineAction({
  name: "budget.realisations.delete",
  permission: "entry:write",
  schema: realisationIdSchema,
  run: (ctx, input) => deleteRealisation(ctx, input),
  revalidate: afterEntry,
  successMessage: "Success.budget.realisations.delete",
});

export const reverseRealisationDefinition = defineAction({
  name: "budget.realisations.reverse",
  createsRecords: true,
  permission: "entry:write",
  schema: reverseRealisationSchema,
  run: (ctx, input) => reverseRealisation(ctx, input),
  revalidate: afterEntry,
  successMessage: "Success.budget.realisations.reverse",
});

export const verifyRealisationsDefinition = defineAction({
  name: "budget.realisations.verify",
  permission: "entry:verify",
  schema: verifyRealisationsSchema,
  run: (ctx, input) => verifyRealisations(ctx, input),
  revalidate: (slug) => [budgetRoutes.list(slug), programmesRoutes.list(slug)],
  successMessage: "Success.budget.realisations.verify",
});

export const realisationReturnDefinitions = returnActions({
  kind: "realisation",
  name: "budget.realisations",
  idField: "realisationId",
  id: realisationId,
  revalidate: (slug) => [budgetRoutes.list(slug)],
});
