"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  changeStatusDefinition,
  decideChangeDefinition,
  proposeChangeDefinition,
  revealPersonalDefinition,
} from "@/lib/registry/actions";
import { resolveDuplicateDefinition, scanDuplicatesDefinition } from "@/lib/registry/duplicates/actions";

export const revealPersonal = tenantAction(revealPersonalDefinition);
export const changeStatus = tenantAction(changeStatusDefinition);
export const proposeChange = tenantAction(proposeChangeDefinition);
export const decideChange = tenantAction(decideChangeDefinition);
export const scanDuplicates = tenantAction(scanDuplicatesDefinition);
export const resolveDuplicate = tenantAction(resolveDuplicateDefinition);
