// The registry's families by ID and by member NIK, for a file that names no No. KK (P3KE's):
// loaded only for such a file, once per check.
import type { Tx } from "@/lib/db";
import type { KnownFamilies } from "./validate";

export async function loadKnownFamilies(tx: Tx, tenantId: string): Promise<KnownFamilies> {
  const households = await tx.$queryRaw<{ registryId: string; noKk: string }[]>`
    SELECT "registryId", "noKk" FROM "Household" WHERE "tenantId" = ${tenantId} AND "registryId" IS NOT NULL`;
  const members = await tx.$queryRaw<{ nik: string; noKk: string }[]>`
    SELECT m.nik, h."noKk" FROM "Member" m
    JOIN "Household" h ON h."tenantId" = m."tenantId" AND h.id = m."householdId"
    WHERE m."tenantId" = ${tenantId}`;
  return {
    byRegistryId: new Map(households.map((row) => [row.registryId, row.noKk])),
    byNik: new Map(members.map((row) => [row.nik, row.noKk])),
  };
}
