// Who sees which households (issue 4). Every registry read and write goes through this:
// a kelurahan officer sees only the households of their own kelurahan; the rest of the
// city's registry readers see the whole city. The city itself comes from the scope
// (withTenant), never from here.
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The parts of a session user the registry scope depends on. */
export type RegistryViewer = { id: string; role: Role; kelurahanId: string | null };

/**
 * The kelurahan a viewer is confined to: their own for KELURAHAN (a KELURAHAN account
 * without one sees nothing), null for everyone else.
 */
export type RegistryScope = { kelurahanId: string | null; nothing: boolean };

export function registryScope(viewer: RegistryViewer): RegistryScope {
  if (viewer.role !== "KELURAHAN") return { kelurahanId: null, nothing: false };
  return { kelurahanId: viewer.kelurahanId, nothing: !viewer.kelurahanId };
}

/** The Prisma filter of the households a scope may see. */
export function householdScopeWhere(scope: RegistryScope): Prisma.HouseholdWhereInput {
  if (scope.nothing) return { id: { in: [] } };
  return scope.kelurahanId ? { kelurahanId: scope.kelurahanId } : {};
}

/** Whether a viewer may see full NIK / No. KK on a household page (each view is audited). */
export function maySeePersonal(viewer: Pick<RegistryViewer, "role">): boolean {
  return can(viewer.role, "registry:read-personal");
}
