"use server";

import { switchPublicPageDefinition } from "@/features/public-page/action-definitions";
import { tenantAction } from "@/lib/actions/server";

export const switchPublicPageAction = tenantAction(switchPublicPageDefinition);
