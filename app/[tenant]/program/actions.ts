"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createBudgetLineDefinition,
  createProgrammeDefinition,
  deleteBudgetLineDefinition,
  deleteProgrammeDefinition,
  updateBudgetLineDefinition,
  updateProgrammeDefinition,
} from "@/lib/programmes/actions";

export const createProgramme = tenantAction(createProgrammeDefinition);
export const updateProgramme = tenantAction(updateProgrammeDefinition);
export const deleteProgramme = tenantAction(deleteProgrammeDefinition);
export const createBudgetLine = tenantAction(createBudgetLineDefinition);
export const updateBudgetLine = tenantAction(updateBudgetLineDefinition);
export const deleteBudgetLine = tenantAction(deleteBudgetLineDefinition);
