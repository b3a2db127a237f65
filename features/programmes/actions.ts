"use server";

import { tenantAction } from "@/lib/actions/server";
import {
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
export const createBudgetLineAction = tenantAction(createBudgetLineDefinition);
export const updateBudgetLineAction = tenantAction(updateBudgetLineDefinition);
export const deleteBudgetLineAction = tenantAction(deleteBudgetLineDefinition);
