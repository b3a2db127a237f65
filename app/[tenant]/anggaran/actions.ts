"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createRealisationDefinition,
  deleteRealisationDefinition,
  reverseRealisationDefinition,
  updateRealisationDefinition,
  verifyRealisationsDefinition,
} from "@/lib/budget/actions";
import { importRealisationsDefinition } from "@/lib/budget/realisation-import";

export const createRealisation = tenantAction(createRealisationDefinition);
export const updateRealisation = tenantAction(updateRealisationDefinition);
export const deleteRealisation = tenantAction(deleteRealisationDefinition);
export const reverseRealisation = tenantAction(reverseRealisationDefinition);
export const verifyRealisations = tenantAction(verifyRealisationsDefinition);
export const importRealisations = tenantAction(importRealisationsDefinition);
