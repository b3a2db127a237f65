import "server-only";
import type { ZodType } from "zod";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { clientIp, requestId } from "@/lib/auth/request";
import { getSessionUser } from "@/lib/auth/session";
import { localeCookieName } from "@/lib/i18n/locales";
import { withPlatform, withTenant } from "@/lib/db";
import type { ActionDefinition, ActionResult, AnyActionDefinition, AnyPlatformActionDefinition, PlatformActionDefinition } from "./define";
import { runAction, runPlatformAction, type ActionDeps } from "./run";

const appDeps: ActionDeps = {
  currentUser: getSessionUser,
  withTenant,
  withPlatform,
  revalidatePath: (path) => revalidatePath(path),
  requestMeta: async () => {
    const list = await headers();
    const locale = (await cookies()).get(localeCookieName)?.value;
    return { requestId: requestId(list), ip: clientIp(list), locale };
  },
};

type Registered = { kind: "tenant"; definition: AnyActionDefinition } | { kind: "platform"; definition: AnyPlatformActionDefinition };

// Every action made here, by name, as the "use server" files create them: the
// permission-matrix test imports those files and runs each definition for every role.
const registry = new Map<string, Registered>();
const actionNames = new WeakMap<object, string>();

function register(entry: Registered, action: object): void {
  const { name } = entry.definition;
  const known = registry.get(name);
  // The same definition again is the same action (a module evaluated twice). In development
  // a changed file is evaluated again with new definitions, so the newer one wins there.
  if (known && known.definition !== entry.definition && process.env.NODE_ENV !== "development") {
    throw new Error(`Two server actions are named "${name}".`);
  }
  registry.set(name, entry);
  actionNames.set(action, name);
}

/** The definitions registered so far (every action of the files imported). */
export function registeredActions(): { tenant: AnyActionDefinition[]; platform: AnyPlatformActionDefinition[] } {
  const all = [...registry.values()];
  return {
    tenant: all.flatMap((entry) => (entry.kind === "tenant" ? [entry.definition] : [])),
    platform: all.flatMap((entry) => (entry.kind === "platform" ? [entry.definition] : [])),
  };
}

/** The definition's name behind a server action made by `tenantAction`/`platformAction`, else undefined. */
export function registeredActionName(action: unknown): string | undefined {
  return typeof action === "function" ? actionNames.get(action) : undefined;
}

/**
 * A server action from a definition, shaped for `useActionState`: bind the tenant slug of
 * the page (`action.bind(null, slug)`), and the form's data arrives as the last argument.
 * It passes the gate (lib/auth/gate.ts) before anything else.
 */
export function tenantAction<Schema extends ZodType, Result>(definition: ActionDefinition<Schema, Result>) {
  const action = async (tenantSlug: string, _previous: unknown, input: unknown): Promise<ActionResult<Result>> =>
    runAction(appDeps, definition, tenantSlug, input);
  register({ kind: "tenant", definition }, action);
  return action;
}

/** A platform-admin server action from a definition, shaped for `useActionState`. */
export function platformAction<Schema extends ZodType, Result>(definition: PlatformActionDefinition<Schema, Result>) {
  const action = async (_previous: unknown, input: unknown): Promise<ActionResult<Result>> => runPlatformAction(appDeps, definition, input);
  register({ kind: "platform", definition }, action);
  return action;
}
