import "server-only";
import type { ZodType } from "zod";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientIp, requestId } from "@/lib/auth/request";
import { getSessionUser } from "@/lib/auth/session";
import { withPlatform, withTenant } from "@/lib/db";
import type { ActionDefinition, ActionResult, PlatformActionDefinition } from "./define";
import { runAction, runPlatformAction, type ActionDeps } from "./run";

const appDeps: ActionDeps = {
  currentUser: getSessionUser,
  withTenant,
  withPlatform,
  revalidatePath: (path) => revalidatePath(path),
  requestMeta: async () => {
    const list = await headers();
    return { requestId: requestId(list), ip: clientIp(list) };
  },
};

/**
 * A server action from a definition, shaped for `useActionState`: bind the tenant slug of
 * the page (`action.bind(null, slug)`), and the form's data arrives as the last argument.
 */
export function tenantAction<Schema extends ZodType, Result>(definition: ActionDefinition<Schema, Result>) {
  return async (tenantSlug: string, _previous: unknown, input: unknown): Promise<ActionResult<Result>> =>
    runAction(appDeps, definition, tenantSlug, input);
}

/** A platform-admin server action from a definition, shaped for `useActionState`. */
export function platformAction<Schema extends ZodType, Result>(definition: PlatformActionDefinition<Schema, Result>) {
  return async (_previous: unknown, input: unknown): Promise<ActionResult<Result>> =>
    runPlatformAction(appDeps, definition, input);
}
