"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  copyProgrammeDefinition,
  createBudgetLineDefinition,
  createProgrammeDefinition,
  deleteBudgetLineDefinition,
  deleteProgrammeDefinition,
  updateBudgetLineDefinition,
  updateProgrammeDefinition,
} from "@/features/programmes/action-definitions";

export const createProgrammeAction = tenantAction(createProgrammeDefinition);
export const updateProgrammeAction = tenantAction(updateProgrammeDefinition);
export const deleteProgrammeAction = tenantAction(deleteProgrammeDefinition);
export const copyProgrammeAction = tenantAction(copyProgrammeDefinition);
export const createBudgetLineAction = tenantAction(createBudgetLineDefinition);
export const updateBudgetLineAction = tenantAction(updateBudgetLineDefinition);
export const deleteBudgetLineAction = tenantAction(deleteBudgetLineDefinition);
