"use server";

import { syncAreasDefinition } from "@/lib/areas/actions";
import { tenantAction } from "@/lib/actions/server";

export const syncAreas = tenantAction(syncAreasDefinition);
