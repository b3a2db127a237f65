"use server";

import { platformAction } from "@/lib/actions/server";
import { createTenantDefinition } from "@/features/platform/action-definitions";

/** "Tambah pemerintah daerah", for useActionState. */
export const createTenantAction = platformAction(createTenantDefinition);
