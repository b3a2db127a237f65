"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createOpdDefinition,
  deactivateOpdDefinition,
  reactivateOpdDefinition,
  renameOpdDefinition,
  setOpdRegistryRoleDefinition,
} from "@/lib/opds/actions";

export const createOpd = tenantAction(createOpdDefinition);
export const renameOpd = tenantAction(renameOpdDefinition);
export const deactivateOpd = tenantAction(deactivateOpdDefinition);
export const reactivateOpd = tenantAction(reactivateOpdDefinition);
export const setOpdRegistryRole = tenantAction(setOpdRegistryRoleDefinition);
