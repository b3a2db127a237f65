// The registry's waiting work: change requests (a kelurahan's own, within its kelurahan; the
// deciders', city-wide) and suspected duplicates, counted as their lists count them.
import { countPendingChangeRequests } from "@/features/registry/change-requests/queries";
import { registryRoutes } from "@/features/registry/routes";
import { userCan } from "@/lib/auth/permissions";
import { registryScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

/** Pending change requests in the user's registry scope: proposed by their kelurahan, or waiting for their decision. */
export async function changeRequestTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const count = await countPendingChangeRequests(tx, registryScope(context.user));
  const key = userCan(context.user, "registry:change-decide") ? "changeRequestsToDecide" : "ownChangeRequests";
  return [{ key, count, href: registryRoutes.changeRequests(context.slug) }];
}

/** Suspected duplicate pairs not yet merged or dismissed. */
export async function duplicateTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const count = await tx.duplicateCandidate.count({ where: { status: "OPEN" } });
  return [{ key: "duplicatesOpen", count, href: registryRoutes.duplicates(context.slug) }];
}
