"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  createDistributionDefinition,
  deleteDistributionDefinition,
  reverseDistributionDefinition,
  verifyDistributionsDefinition,
} from "@/lib/aid/actions";
import { importDistributionsDefinition } from "@/lib/aid/distribution-import";

export const createDistribution = tenantAction(createDistributionDefinition);
export const deleteDistribution = tenantAction(deleteDistributionDefinition);
export const reverseDistribution = tenantAction(reverseDistributionDefinition);
export const verifyDistributions = tenantAction(verifyDistributionsDefinition);
export const importDistributions = tenantAction(importDistributionsDefinition);
