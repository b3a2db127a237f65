// The city admin's: accounts handed out but never used.
import { userWhere } from "@/features/users/queries";
import { NEVER_SIGNED_IN, usersRoutes } from "@/features/users/routes";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

export async function adminTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const count = await tx.user.count({ where: userWhere({ neverSignedIn: true }) });
  return [{ key: "usersNeverSignedIn", count, href: usersRoutes.list(context.slug, { masuk: NEVER_SIGNED_IN }) }];
}
