import type { Db } from "@/lib/db";
import { MAIN_POD } from "@/lib/db/pods";

/**
 * Lists cities seeded on another pod in the platform directory on the main pod: their Tenant
 * row (with the pod) and their users' sign-in rows, which the pod's own trigger wrote there.
 * Running it again changes nothing.
 */
export async function placeInDirectory(main: Db, pod: { name: string; db: Db }, slugs: readonly string[]): Promise<void> {
  if (pod.name === MAIN_POD) return;
  for (const slug of slugs) {
    const { createdAt: _createdAt, ...tenant } = await pod.db.tenant.update({ where: { slug }, data: { pod: pod.name } });
    await main.tenant.upsert({ where: { id: tenant.id }, create: tenant, update: { pod: pod.name } });
    const signIns = await pod.db.signInDirectory.findMany({ where: { tenantId: tenant.id } });
    await main.signInDirectory.createMany({ data: signIns, skipDuplicates: true });
  }
}
