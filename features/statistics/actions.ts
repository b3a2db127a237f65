"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  deleteStatisticDefinition,
  importStatisticsDefinition,
  deleteTargetDefinition,
  saveStatisticDefinition,
  saveTargetDefinition,
} from "@/features/statistics/action-definitions";

export const saveStatisticAction = tenantAction(saveStatisticDefinition);
export const deleteStatisticAction = tenantAction(deleteStatisticDefinition);
export const saveTargetAction = tenantAction(saveTargetDefinition);
export const deleteTargetAction = tenantAction(deleteTargetDefinition);
export const importStatisticsAction = tenantAction(importStatisticsDefinition);
