// CITY_ADMIN's area tree: re-sync from idn-area-data (Kemendagri), and correct an area's
// display name. Every area created or corrected is audited by the action pipeline.
import { wordedError } from "@/lib/errors/worded";
import { defineAction } from "@/lib/actions/define";
import { notFound } from "@/lib/errors";
import { z } from "@/lib/validation/zod";
import { findRegency } from "@/features/areas/idn-area";
import { syncTenantAreas } from "@/features/areas/sync-tenant-areas";
import { renameArea } from "@/features/areas/rename-area";
import { renameAreaSchema } from "@/features/areas/schemas";
import { areasRoutes } from "@/features/areas/routes";
import { homeRoutes } from "@/features/home/routes";

export const syncAreasDefinition = defineAction({
  name: "areas.sync",
  permission: "area:manage",
  schema: z.object({}),
  run: async ({ tx, tenantId }) => {
    // The code comes from the city's record, never from the form.
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { kemendagriCode: true } });
    if (!tenant) throw notFound("Kota");
    if (!(await findRegency(tenant.kemendagriCode))) {
      throw wordedError("INVALID", "Areas.errors.unknownRegency", { code: tenant.kemendagriCode });
    }
    return syncTenantAreas(tx, tenantId, tenant.kemendagriCode);
  },
  revalidate: (slug) => [areasRoutes.list(slug), homeRoutes.home(slug)],
  successMessage: "Success.areas.sync",
});

export const renameAreaDefinition = defineAction({
  name: "areas.rename",
  permission: "area:manage",
  schema: renameAreaSchema,
  run: async ({ tx }, input) => ({ area: await renameArea(tx, input) }),
  revalidate: (slug) => [areasRoutes.list(slug), homeRoutes.home(slug)],
  successMessage: "Success.areas.rename",
});
