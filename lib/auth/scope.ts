// The last step of the gate: within the city, which records a user reaches. OPD roles (those
// who write programme data) work within their own OPD; a kelurahan officer sees the
// households of their own kelurahan. Both come from the session, never from a form. The
// city itself comes from the tenant scope (withTenant), never from here.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { wordedError } from "@/lib/errors/worded";
import { userCan, type Grantee } from "./permissions";
import type { SessionUser } from "./session-user";

// Programmes: own OPD for OPD roles; city-wide readers (Bapeda, auditor) see every OPD, read-only.

/** Own OPD only (`opdId` null: an OPD account without an OPD sees nothing), or the whole city. */
export type ProgrammeScope = { kind: "opd"; opdId: string | null } | { kind: "city" };

export function programmeScope(user: Grantee & Pick<SessionUser, "opdId">): ProgrammeScope {
  return userCan(user, "programme:write") || userCan(user, "entry:write") ? { kind: "opd", opdId: user.opdId } : { kind: "city" };
}

/** The Prisma filter on Programme for a scope, narrowed to one OPD when a city-wide reader picks one. */
export function programmeWhere(scope: ProgrammeScope, pickedOpdId?: string | null): { opdId?: string; id?: { in: string[] } } {
  if (scope.kind === "opd") return scope.opdId ? { opdId: scope.opdId } : { id: { in: [] } };
  return pickedOpdId ? { opdId: pickedOpdId } : {};
}

/** The writer's own OPD, or a refusal when the account has none. */
export function writerOpdId(user: Pick<SessionUser, "opdId">): string {
  if (!user.opdId) throw wordedError("FORBIDDEN", "Error.common.noOpd");
  return user.opdId;
}

// The registry: every registry read and write goes through this. A kelurahan officer sees only
// the households of their own kelurahan; the rest of the city's registry readers, the whole city.

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
export function maySeePersonal(viewer: Grantee): boolean {
  return userCan(viewer, "registry:read-personal");
}
