// The city admin opens or closes the city's public page. The change is an update of the city's
// own record, audited by the action pipeline like every other write.
import { defineAction } from "@/lib/actions/define";
import { homeRoutes } from "@/features/home/routes";
import { publicPageSwitchSchema } from "./schemas";
import { publicPageRoutes } from "./routes";

export const switchPublicPageDefinition = defineAction({
  name: "publicPage.switch",
  permission: "public-page:manage",
  schema: publicPageSwitchSchema,
  run: async ({ tx, tenantId }, { enabled }) => {
    // The city is the session's, never one named by the form.
    // No `select`: the audit row compares the whole record before and after.
    const tenant = await tx.tenant.update({ where: { id: tenantId }, data: { publicPageEnabled: enabled === "on" } });
    return { enabled: tenant.publicPageEnabled };
  },
  revalidate: (slug) => [homeRoutes.home(slug), publicPageRoutes.page(slug)],
  successMessage: "Success.publicPage.switch",
});
