"use server";

import { syncAreasDefinition } from "@/features/areas/action-definitions";
import { tenantAction } from "@/lib/actions/server";

export const syncAreasAction = tenantAction(syncAreasDefinition);
