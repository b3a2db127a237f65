"use server";

import { tenantAction } from "@/lib/actions/server";
import { deleteStatisticDefinition, importStatisticsDefinition, deleteTargetDefinition, saveStatisticDefinition, saveTargetDefinition } from "@/lib/statistics/actions";

export const saveStatistic = tenantAction(saveStatisticDefinition);
export const deleteStatistic = tenantAction(deleteStatisticDefinition);
export const saveTarget = tenantAction(saveTargetDefinition);
export const deleteTarget = tenantAction(deleteTargetDefinition);
export const importStatistics = tenantAction(importStatisticsDefinition);
