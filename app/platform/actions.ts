"use server";

import type { ActionResult } from "@/lib/actions/define";
import { platformAction } from "@/lib/actions/server";
import type { CreatedTenant } from "@/lib/tenant/create-tenant";
import { createTenantDefinition } from "@/lib/tenant/platform-actions";

const createTenant = platformAction(createTenantDefinition);

/** "Tambah pemerintah daerah", for useActionState. */
export async function createTenantAction(previous: unknown, formData: FormData): Promise<ActionResult<CreatedTenant>> {
  return createTenant(previous, formData);
}
