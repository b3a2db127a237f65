import { SUBJECT_ACCESS_ACTION } from "@/features/registry/subject-access/open-report";
import { demoAccountsFor } from "../demo-accounts";
import type { CitySeed } from "./types";

/**
 * One data subject's access request already answered: Bapeda opened the report of a household
 * of the demo kelurahan a week before today, so the list of served reports has a row to open.
 * Audited as the page audits it (features/registry/subject-access/open-report.ts).
 */
export async function seedServedAccessReport({ db, city, tenant, today }: CitySeed): Promise<void> {
  const served = await db.auditLog.findFirst({ where: { tenantId: tenant.id, action: SUBJECT_ACCESS_ACTION, entity: "Household" }, select: { id: true } });
  if (served) return;
  const bapeda = demoAccountsFor(city.slug, city.demoKelurahan).find((account) => account.role === "BAPEDA")!;
  const [user, household] = await Promise.all([
    db.user.findUnique({ where: { email: bapeda.email }, select: { id: true } }),
    db.household.findFirst({
      where: { tenantId: tenant.id, kelurahan: { name: city.demoKelurahan }, members: { some: { relation: "HEAD" } } },
      orderBy: { id: "asc" },
      select: { id: true, _count: { select: { members: true } } },
    }),
  ]);
  if (!user || !household) return;
  await db.auditLog.create({
    data: {
      tenantId: tenant.id,
      userId: user.id,
      action: SUBJECT_ACCESS_ACTION,
      entity: "Household",
      entityId: household.id,
      after: { form: "page", members: household._count.members },
      createdAt: new Date(today.getTime() - 7 * 86_400_000 + 3 * 3_600_000),
    },
  });
}
