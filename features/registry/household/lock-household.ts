import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { householdScopeWhere, type RegistryScope } from "@/lib/auth/scope";

/**
 * The household, read under a row lock so two changes decided at once are applied one
 * after the other, each against the state the other left.
 */
export async function lockHousehold(tx: Tx, id: string, options: { tenantId: string; scope: RegistryScope }) {
  await tx.$executeRaw`SELECT 1 FROM "Household" WHERE "tenantId" = ${options.tenantId} AND "id" = ${id} FOR UPDATE`;
  const household = await tx.household.findFirst({
    where: { id, ...householdScopeWhere(options.scope) },
    select: { id: true, status: true, isExtremePoor: true, desil: true, kelurahanId: true },
  });
  if (!household) throw notFound("Keluarga");
  return household;
}

