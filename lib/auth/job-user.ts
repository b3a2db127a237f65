// Who a job acts for. A job runs long after the request that queued it: the user may have been
// deactivated, moved to another OPD or kelurahan, or given another role since. So the job keeps
// the user the gate admitted (from the session, never from the client) and reads them again
// when it runs: their role, OPD and kelurahan as they are now.
import type { Tx } from "@/lib/db";
import type { TenantSessionUser } from "./session-user";

/** The admitted user, as the request that queued the job kept it in the job's input. */
export type JobUser = Pick<TenantSessionUser, "id" | "name" | "email" | "role" | "tenantId" | "tenantSlug" | "opdId" | "opd" | "kelurahanId">;

export function jobUserOf(user: TenantSessionUser): JobUser {
  const { id, name, email, role, tenantId, tenantSlug, opdId, opd, kelurahanId } = user;
  return { id, name, email, role, tenantId, tenantSlug, opdId, opd, kelurahanId };
}

/**
 * The job's user as they stand now, or null when they may no longer act in this city
 * (deactivated, or moved out of it). Users are deactivated, never deleted; a user the city
 * does not hold at all (a test's session user) keeps what the gate admitted.
 */
export async function currentJobUser(tx: Tx, kept: JobUser): Promise<TenantSessionUser | null> {
  const row = await tx.user.findUnique({
    where: { id: kept.id },
    select: { tenantId: true, role: true, opdId: true, kelurahanId: true, active: true, opd: { select: { decidesRegistryChanges: true } } },
  });
  if (!row) return { ...kept };
  if (!row.active || row.tenantId !== kept.tenantId) return null;
  return {
    ...kept,
    role: row.role,
    opdId: row.opdId,
    opd: row.opd ? { decidesRegistryChanges: row.opd.decidesRegistryChanges } : null,
    kelurahanId: row.kelurahanId,
  };
}
