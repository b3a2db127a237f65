// The city admin's: accounts handed out but never used, and OPDs nobody heads.
import { withoutHeadWhere } from "@/features/opds/queries";
import { opdsRoutes, WITHOUT_HEAD_ONLY } from "@/features/opds/routes";
import { userWhere } from "@/features/users/queries";
import { NEVER_SIGNED_IN, usersRoutes } from "@/features/users/routes";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

export async function adminTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const [neverSignedIn, withoutHead] = await Promise.all([
    tx.user.count({ where: userWhere({ neverSignedIn: true }) }),
    tx.opd.count({ where: withoutHeadWhere }),
  ]);
  return [
    { key: "usersNeverSignedIn", count: neverSignedIn, href: usersRoutes.list(context.slug, { masuk: NEVER_SIGNED_IN }) },
    { key: "opdsWithoutHead", count: withoutHead, href: opdsRoutes.list(context.slug, WITHOUT_HEAD_ONLY) },
  ];
}
