"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createUserDefinition,
  deactivateUserDefinition,
  reactivateUserDefinition,
  resetUserPasswordDefinition,
  unlockUserDefinition,
  updateUserDefinition,
} from "@/features/users/action-definitions";

export const createUserAction = tenantAction(createUserDefinition);
export const updateUserAction = tenantAction(updateUserDefinition);
export const resetUserPasswordAction = tenantAction(resetUserPasswordDefinition);
export const deactivateUserAction = tenantAction(deactivateUserDefinition);
export const reactivateUserAction = tenantAction(reactivateUserDefinition);
export const unlockUserAction = tenantAction(unlockUserDefinition);
