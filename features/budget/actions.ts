"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createRealisationDefinition,
  deleteRealisationDefinition,
  realisationReturnDefinitions,
  reverseRealisationDefinition,
  updateRealisationDefinition,
  verifyRealisationsDefinition,
} from "@/features/budget/action-definitions";
import { importRealisationsDefinition } from "@/features/budget/realisation-import";

export const createRealisationAction = tenantAction(createRealisationDefinition);
export const updateRealisationAction = tenantAction(updateRealisationDefinition);
export const deleteRealisationAction = tenantAction(deleteRealisationDefinition);
export const reverseRealisationAction = tenantAction(reverseRealisationDefinition);
export const verifyRealisationsAction = tenantAction(verifyRealisationsDefinition);
export const importRealisationsAction = tenantAction(importRealisationsDefinition);
export const returnRealisationAction = tenantAction(realisationReturnDefinitions.return);
export const resubmitRealisationAction = tenantAction(realisationReturnDefinitions.resubmit);
