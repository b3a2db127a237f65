"use server";

import { renameAreaDefinition, syncAreasDefinition } from "@/features/areas/action-definitions";
import { tenantAction } from "@/lib/actions/server";

export const syncAreasAction = tenantAction(syncAreasDefinition);
export const renameAreaAction = tenantAction(renameAreaDefinition);
