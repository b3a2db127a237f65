import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { householdScopeWhere, type RegistryScope } from "@/lib/auth/scope";

/**
 * The household, read under a row lock so two changes decided at once are applied one
 * after the other, each against the state the other left.
 */
export async function lockHousehold(tx: Tx, id: string, options: { tenantId: string; scope: RegistryScope }) {
  await lockRow(tx, "Household", { tenantId: options.tenantId, id });
  const household = await tx.household.findFirst({
    where: { id, ...householdScopeWhere(options.scope) },
    select: { id: true, status: true, isExtremePoor: true, desil: true, kelurahanId: true },
  });
  if (!household) throw notFound("Keluarga");
  return household;
}
