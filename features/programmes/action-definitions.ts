// The programme server actions. The pipeline (lib/actions) adds the
// session, the city's scope and the audit of every write.
import { defineAction } from "@/lib/actions/define";
import { createBudgetLine, deleteBudgetLine, updateBudgetLine } from "@/features/programmes/budget-lines";
import { createProgramme, deleteProgramme, updateProgramme } from "@/features/programmes/programmes";
import { copyProgrammeToNextYear } from "@/features/programmes/copy-programme";
import {
  budgetLineIdSchema,
  createBudgetLineSchema,
  createProgrammeSchema,
  programmeIdSchema,
  updateBudgetLineSchema,
  updateProgrammeSchema,
} from "@/features/programmes/schemas";
import { budgetRoutes } from "@/features/budget/routes";
import { programmesRoutes } from "@/features/programmes/routes";

export const createProgrammeDefinition = defineAction({
  name: "programmes.create",
  createsRecords: true,
  permission: "programme:write",
  schema: createProgrammeSchema,
  run: (ctx, input) => createProgramme(ctx, input),
  revalidate: (slug) => [programmesRoutes.list(slug), budgetRoutes.list(slug)],
  successMessage: "Success.programmes.create",
});

export const updateProgrammeDefinition = defineAction({
  name: "programmes.update",
  permission: "programme:write",
  schema: updateProgrammeSchema,
  run: (ctx, input) => updateProgramme(ctx, input),
  revalidate: (slug, result) => [programmesRoutes.list(slug), programmesRoutes.detail(slug, result.programmeId), budgetRoutes.list(slug)],
  successMessage: "Success.programmes.update",
});

export const deleteProgrammeDefinition = defineAction({
  name: "programmes.delete",
  permission: "programme:write",
  schema: programmeIdSchema,
  run: (ctx, input) => deleteProgramme(ctx, input),
  revalidate: (slug) => [programmesRoutes.list(slug), budgetRoutes.list(slug)],
  successMessage: "Success.programmes.delete",
});

export const copyProgrammeDefinition = defineAction({
  name: "programmes.copyToNextYear",
  createsRecords: true,
  permission: "programme:write",
  schema: programmeIdSchema,
  run: (ctx, input) => copyProgrammeToNextYear(ctx, input),
  revalidate: (slug, result) => [programmesRoutes.list(slug), programmesRoutes.detail(slug, result.programmeId), budgetRoutes.list(slug)],
  successMessage: "Success.programmes.copyToNextYear",
});

export const createBudgetLineDefinition = defineAction({
  name: "programmes.budgetLines.create",
  createsRecords: true,
  permission: "programme:write",
  schema: createBudgetLineSchema,
  run: (ctx, input) => createBudgetLine(ctx, input),
  revalidate: (slug, result) => [programmesRoutes.list(slug), programmesRoutes.detail(slug, result.programmeId), budgetRoutes.list(slug)],
  successMessage: "Success.programmes.budgetLines.create",
});

export const updateBudgetLineDefinition = defineAction({
  name: "programmes.budgetLines.update",
  permission: "programme:write",
  schema: updateBudgetLineSchema,
  run: (ctx, input) => updateBudgetLine(ctx, input),
  revalidate: (slug, result) => [
    programmesRoutes.list(slug),
    programmesRoutes.detail(slug, result.programmeId),
    budgetRoutes.list(slug),
    budgetRoutes.line(slug, result.budgetLineId),
  ],
  successMessage: "Success.programmes.budgetLines.update",
});

export const deleteBudgetLineDefinition = defineAction({
  name: "programmes.budgetLines.delete",
  permission: "programme:write",
  schema: budgetLineIdSchema,
  run: (ctx, input) => deleteBudgetLine(ctx, input),
  revalidate: (slug, result) => [programmesRoutes.list(slug), programmesRoutes.detail(slug, result.programmeId), budgetRoutes.list(slug)],
  successMessage: "Success.programmes.budgetLines.delete",
});
