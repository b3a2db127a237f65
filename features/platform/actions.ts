"use server";

import type { ActionResult } from "@/lib/actions/define";
import { platformAction } from "@/lib/actions/server";
import type { CreatedTenant } from "@/features/platform/create-tenant";
import { createTenantDefinition } from "@/features/platform/action-definitions";

const createTenant = platformAction(createTenantDefinition);

/** "Tambah pemerintah daerah", for useActionState. */
export async function createTenantAction(previous: unknown, formData: FormData): Promise<ActionResult<CreatedTenant>> {
  return createTenant(previous, formData);
}
