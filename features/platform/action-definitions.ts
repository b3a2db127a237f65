import { definePlatformAction } from "@/lib/actions/define";
import { createTenant } from "@/features/platform/create-tenant";
import { createTenantSchema } from "@/features/platform/create-tenant-schema";
import { platformRoutes } from "@/features/platform/routes";

/** The platform admin creates a kota/kabupaten tenant with its areas and first city admin. */
export const createTenantDefinition = definePlatformAction({
  name: "platform.createTenant",
  permission: "tenant:manage",
  schema: createTenantSchema,
  run: (ctx, input) => createTenant(ctx, input),
  revalidate: () => [platformRoutes.home(), "/"],
});

/** Every platform action, for the platform's own tests (the permission matrix reads the action registry). */
export const platformActionDefinitions = [createTenantDefinition] as const;
