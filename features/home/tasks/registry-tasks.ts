// The registry's waiting work: change requests (a kelurahan's own, within its kelurahan; the
// deciders', city-wide) and suspected duplicates, counted as their lists count them.
import { countPendingChangeRequests } from "@/features/registry/change-requests/queries";
import { waitingImportsWhere } from "@/features/registry/import/queries";
import { registryRoutes, WAITING_IMPORTS } from "@/features/registry/routes";
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

/** Registry imports checked but never saved (a dry run not committed), with how long the oldest has waited. */
export async function importTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const [count, oldest] = await Promise.all([
    tx.importJob.count({ where: waitingImportsWhere }),
    tx.importJob.findFirst({ where: waitingImportsWhere, select: { createdAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return [
    {
      key: "importsNotSaved",
      count,
      href: registryRoutes.import(context.slug, WAITING_IMPORTS),
      ...(oldest ? { oldestDays: Math.max(0, Math.floor((context.now.getTime() - oldest.createdAt.getTime()) / 86_400_000)) } : {}),
    },
  ];
}
