"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  changeStatusDefinition,
  decideChangeDefinition,
  lookupNumberDefinition,
  proposeChangeDefinition,
  revealPersonalDefinition,
} from "@/features/registry/action-definitions";
import { resolveDuplicateDefinition, scanDuplicatesDefinition } from "@/features/registry/duplicates/action-definitions";

export const revealPersonalAction = tenantAction(revealPersonalDefinition);
export const lookupNumberAction = tenantAction(lookupNumberDefinition);
export const changeStatusAction = tenantAction(changeStatusDefinition);
export const proposeChangeAction = tenantAction(proposeChangeDefinition);
export const decideChangeAction = tenantAction(decideChangeDefinition);
export const scanDuplicatesAction = tenantAction(scanDuplicatesDefinition);
export const resolveDuplicateAction = tenantAction(resolveDuplicateDefinition);
