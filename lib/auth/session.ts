import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { appAuthDeps } from "./deps";
import { authOptions } from "./options";
import { PATH_HEADER } from "./request";
import { loadSessionUser, safeCallbackUrl, type SessionUser } from "./session-user";

export type { SessionUser } from "./session-user";
export type TenantSessionUser = SessionUser & { tenantId: string; tenantSlug: string };

/**
 * The signed-in user, re-read from the database on every request (once per request: the
 * layout and the page share it), or null: no session, expired, deactivated, or ended by a
 * password change.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const claims = (session as { claims?: unknown } | null)?.claims;
  return claims ? loadSessionUser(appAuthDeps, claims) : null;
});

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  return user;
}

/**
 * The signed-in user of this tenant. Anyone else signed in (another city's user, the
 * platform admin) gets "not found", as if the city did not exist.
 */
export async function requireTenantUser(tenantSlug: string): Promise<TenantSessionUser> {
  const user = await requireUser();
  if (!user.tenantId || user.tenantSlug !== tenantSlug) notFound();
  return user as TenantSessionUser;
}

/** The platform admin; any tenant's user gets "not found". */
export async function requirePlatformAdmin(): Promise<SessionUser & { role: "PLATFORM_ADMIN"; tenantId: null }> {
  const user = await requireUser();
  if (user.role !== "PLATFORM_ADMIN" || user.tenantId !== null) notFound();
  return user as SessionUser & { role: "PLATFORM_ADMIN"; tenantId: null };
}

/** /masuk with a callbackUrl back to the page being shown (set by proxy.ts). */
async function signInPath(): Promise<string> {
  const back = safeCallbackUrl((await headers()).get(PATH_HEADER));
  return back ? `/masuk?${new URLSearchParams({ callbackUrl: back })}` : "/masuk";
}
