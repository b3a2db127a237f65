"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createOpdDefinition,
  deactivateOpdDefinition,
  reactivateOpdDefinition,
  renameOpdDefinition,
  setOpdRegistryRoleDefinition,
} from "@/features/opds/action-definitions";

export const createOpdAction = tenantAction(createOpdDefinition);
export const renameOpdAction = tenantAction(renameOpdDefinition);
export const deactivateOpdAction = tenantAction(deactivateOpdDefinition);
export const reactivateOpdAction = tenantAction(reactivateOpdDefinition);
export const setOpdRegistryRoleAction = tenantAction(setOpdRegistryRoleDefinition);
