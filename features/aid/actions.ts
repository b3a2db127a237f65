"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createDistributionDefinition,
  deleteDistributionDefinition,
  distributionReturnDefinitions,
  reverseDistributionDefinition,
  updateDistributionDefinition,
  verifyDistributionsDefinition,
} from "@/features/aid/action-definitions";
import { importDistributionsDefinition } from "@/features/aid/distribution-import";

export const createDistributionAction = tenantAction(createDistributionDefinition);
export const updateDistributionAction = tenantAction(updateDistributionDefinition);
export const deleteDistributionAction = tenantAction(deleteDistributionDefinition);
export const reverseDistributionAction = tenantAction(reverseDistributionDefinition);
export const verifyDistributionsAction = tenantAction(verifyDistributionsDefinition);
export const importDistributionsAction = tenantAction(importDistributionsDefinition);
export const returnDistributionAction = tenantAction(distributionReturnDefinitions.return);
export const resubmitDistributionAction = tenantAction(distributionReturnDefinitions.resubmit);
