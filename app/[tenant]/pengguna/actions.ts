"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createUserDefinition,
  deactivateUserDefinition,
  reactivateUserDefinition,
  resetUserPasswordDefinition,
  updateUserDefinition,
} from "@/lib/users/actions";

export const createUser = tenantAction(createUserDefinition);
export const updateUser = tenantAction(updateUserDefinition);
export const resetUserPassword = tenantAction(resetUserPasswordDefinition);
export const deactivateUser = tenantAction(deactivateUserDefinition);
export const reactivateUser = tenantAction(reactivateUserDefinition);
