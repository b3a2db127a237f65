// The one access gate. Every way in (pages, server actions, exports and templates, imports,
// every route handler) passes the same steps, in this order:
//   1. who is asking: the session's user, re-read from the database (none: "signed-out"),
//      who has chosen their own password (an admin's still in use: "password-change");
//   2. the city: the URL's tenant slug must be the user's own, else "not-found": another
//      city's pages, actions and files do not exist for them, whatever their role (the
//      platform admin has no city);
//   3. the permission the requirement names, by `userCan` (the role, plus the marks on the
//      user's OPD), else "forbidden"; a page's requirement includes person:read when the
//      page, or what is served, lists named people;
//   4. the scope within the city (own OPD, own kelurahan): lib/auth/scope.ts, applied with
//      the admitted user by the queries and domain functions.
// Each caller turns a refusal into its answer: pages and route handlers say "not found" (a
// page sends the signed-out to /masuk), the action pipeline says "forbidden" for step 3.
// Pure apart from `deps.currentUser`, so tests pass their own user.
import { userMayOpen, type TenantPageKey } from "./pages";
import { userCan, userHolds, type Access, type Grantee } from "./permissions";
import type { PlatformAdmin, SessionUser, TenantSessionUser } from "./session-user";

/**
 * A page's permission (with person:read when the page lists named people), plus, optionally,
 * an Access more (`{ page: "budgetDashboard", also: "data:export" }`: the page's readers who
 * may export) and person:read when what is served names people though its page does not.
 */
export type PageRequirement = { page: TenantPageKey; also?: Access; people?: boolean };

/**
 * What a route handler must hold: always the page it belongs to, so an export, template or
 * print is never open to more users than its page, and always saying whether it lists
 * named people, so a new one cannot forget person:read.
 */
export type RouteRequirement = PageRequirement & { people: boolean };

/** What a caller must hold in the city: an Access (one permission, a list where any one suffices, or null: any user of the city), or a page's. */
export type Requirement = Access | PageRequirement;

export type Denial = "signed-out" | "password-change" | "not-found" | "forbidden";
export type Admission<User> = { ok: true; user: User } | { ok: false; denial: Denial };

/** Who is asking, as far as steps 2 and 3 go. */
export type Asking = Grantee & { tenantSlug: string | null; tenantId?: string | null; mustChangePassword?: boolean };

function isPageRequirement(requirement: Requirement): requirement is PageRequirement {
  return typeof requirement === "object" && requirement !== null && "page" in requirement;
}

/** Step 3 alone: whether a user holds what a requirement asks. Pure. */
export function meets(user: Grantee, requirement: Requirement): boolean {
  if (!isPageRequirement(requirement)) return userHolds(user, requirement);
  return userMayOpen(user, requirement.page) && userHolds(user, requirement.also ?? null) && (!requirement.people || userCan(user, "person:read"));
}

/** Steps 2 and 3 for a user already read from the session (null: signed out). Pure. */
export function admit<User extends Asking>(
  user: User | null,
  tenantSlug: string,
  requirement: Requirement,
): Admission<User & { tenantId: string; tenantSlug: string }> {
  if (!user) return { ok: false, denial: "signed-out" };
  if (user.mustChangePassword) return { ok: false, denial: "password-change" };
  if (user.tenantId === null || !user.tenantSlug || user.tenantSlug !== tenantSlug) return { ok: false, denial: "not-found" };
  if (!meets(user, requirement)) return { ok: false, denial: "forbidden" };
  return { ok: true, user: user as User & { tenantId: string; tenantSlug: string } };
}

/** The platform's counterpart: only the platform admin (no city) gets in; a city's user gets "not-found". */
export function admitToPlatform(user: SessionUser | null, access: Access): Admission<PlatformAdmin> {
  if (!user) return { ok: false, denial: "signed-out" };
  if (user.mustChangePassword) return { ok: false, denial: "password-change" };
  if (user.role !== "PLATFORM_ADMIN" || user.tenantId !== null) return { ok: false, denial: "not-found" };
  if (!userHolds(user, access)) return { ok: false, denial: "forbidden" };
  return { ok: true, user: user as PlatformAdmin };
}

export type PageAccess = "allow" | "not-found";

/**
 * Whether a signed-in user may open a page of a city: only of their own city (anyone else,
 * the platform admin too, gets "not found") and only with the page's permission (anyone
 * without it gets "not found" too). Pure, so the permission-matrix test checks every cell.
 */
export function pageAccess(user: Asking, tenantSlug: string, page: TenantPageKey): PageAccess {
  return admit(user, tenantSlug, { page }).ok ? "allow" : "not-found";
}

/** Where the gate reads who is asking: the session in the app, a test's own user in tests. */
export type GateDeps = { currentUser: () => Promise<SessionUser | null> };

/** The gate for a city's page, action or route: steps 1 to 3. */
export async function tenantGate(deps: GateDeps, tenantSlug: string, requirement: Requirement): Promise<Admission<TenantSessionUser>> {
  return admit(await deps.currentUser(), tenantSlug, requirement);
}

/** The gate for the platform admin's pages and actions. */
export async function platformGate(deps: GateDeps, access: Access): Promise<Admission<PlatformAdmin>> {
  return admitToPlatform(await deps.currentUser(), access);
}

/** Step 1 alone, for what any signed-in user does to their own account (the password, which an admin's given password requires). */
export async function signedInGate(deps: GateDeps): Promise<Admission<SessionUser>> {
  const user = await deps.currentUser();
  return user ? { ok: true, user } : { ok: false, denial: "signed-out" };
}
