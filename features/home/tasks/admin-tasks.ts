// The city admin's: accounts locked by failed sign-ins, accounts handed out but never used,
// and OPDs nobody heads.
import { withoutHeadWhere } from "@/features/opds/queries";
import { opdsRoutes, WITHOUT_HEAD_ONLY } from "@/features/opds/routes";
import { userWhere } from "@/features/users/queries";
import { LOCKED_ONLY, NEVER_SIGNED_IN, usersRoutes } from "@/features/users/routes";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

export async function adminTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const [locked, neverSignedIn, withoutHead] = await Promise.all([
    // The user rows are the city's (tenant scope): another city's locked account is never counted.
    tx.user.count({ where: await userWhere(tx, { lockedAt: context.now }) }),
    tx.user.count({ where: await userWhere(tx, { neverSignedIn: true }) }),
    tx.opd.count({ where: withoutHeadWhere }),
  ]);
  return [
    { key: "usersLocked", count: locked, href: usersRoutes.list(context.slug, LOCKED_ONLY) },
    { key: "usersNeverSignedIn", count: neverSignedIn, href: usersRoutes.list(context.slug, { masuk: NEVER_SIGNED_IN }) },
    { key: "opdsWithoutHead", count: withoutHead, href: opdsRoutes.list(context.slug, WITHOUT_HEAD_ONLY) },
  ];
}
