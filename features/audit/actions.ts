"use server";

import { tenantAction } from "@/lib/actions/server";
import { updateRetentionDefinition } from "@/features/audit/action-definitions";

export const updateRetentionAction = tenantAction(updateRetentionDefinition);
