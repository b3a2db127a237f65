// The gate (lib/auth/gate.ts) for pages and layouts: the session from next-auth; the
// signed-out go to /masuk and come back, anyone else turned away gets "not found".
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { platformGate, signedInGate, tenantGate, type Admission, type GateDeps, type PageRequirement } from "./gate";
import type { TenantPageKey } from "./pages";
import { PATH_HEADER } from "./request";
import { authRoutes } from "./routes";
import { getSessionUser } from "./session";
import { safeCallbackUrl, type PlatformAdmin, type SessionUser, type TenantSessionUser } from "./session-user";

const pageDeps: GateDeps = { currentUser: getSessionUser };

async function passed<User>(admission: Admission<User>): Promise<User> {
  if (admission.ok) return admission.user;
  if (admission.denial === "signed-out") redirect(await signInPath());
  if (admission.denial === "password-change") redirect(authRoutes.changePassword());
  notFound();
}

/**
 * The guard of every city page: signed in, of this city, holding the page's permission
 * (TENANT_PAGES), and `more` when a page under it asks more than its parent (a print of named
 * people: `{ also: "registry:read-personal", people: true }`).
 */
export async function requireTenantPage(tenantSlug: string, page: TenantPageKey, more?: Omit<PageRequirement, "page">): Promise<TenantSessionUser> {
  return passed(await tenantGate(pageDeps, tenantSlug, { ...more, page }));
}

/** Any user of this city (the city's layout). Anyone else signed in gets "not found", as if the city did not exist. */
export async function requireTenantUser(tenantSlug: string): Promise<TenantSessionUser> {
  return passed(await tenantGate(pageDeps, tenantSlug, null));
}

/** The platform admin; any city's user gets "not found". */
export async function requirePlatformAdmin(): Promise<PlatformAdmin> {
  return passed(await platformGate(pageDeps, null));
}

/** Any signed-in user (their own account's pages). */
export async function requireUser(): Promise<SessionUser> {
  return passed(await signedInGate(pageDeps));
}

/**
 * Whether the signed-in user belongs to this city, never redirecting: for metadata, which
 * must not tell a visitor whether a city exists.
 */
export async function isOwnCity(tenantSlug: string): Promise<boolean> {
  const user = await getSessionUser();
  return Boolean(user?.tenantSlug && user.tenantSlug === tenantSlug);
}

/** /masuk with a callbackUrl back to the page being shown (set by proxy.ts). */
async function signInPath(): Promise<string> {
  const back = safeCallbackUrl((await headers()).get(PATH_HEADER));
  return authRoutes.signIn(back ? { callbackUrl: back } : undefined);
}
