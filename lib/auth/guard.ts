import { notFound } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleMayOpen, type TenantPageKey } from "./pages";
import { requireTenantUser, type TenantSessionUser } from "./session";

export type PageAccess = "allow" | "not-found";

/**
 * Whether a signed-in user may open a page of a city: only of their own city (anyone
 * else, the platform admin too, gets "not found") and only if their role has the page's
 * permission. Pure, so the permission-matrix test checks every cell.
 */
export function pageAccess(
  user: { role: Role; tenantSlug: string | null },
  tenantSlug: string,
  page: TenantPageKey,
): PageAccess {
  if (!user.tenantSlug || user.tenantSlug !== tenantSlug) return "not-found";
  return roleMayOpen(user.role, page) ? "allow" : "not-found";
}

/** The guard of every city page: signed in (else to /masuk), then `pageAccess`. */
export async function requireTenantPage(tenantSlug: string, page: TenantPageKey): Promise<TenantSessionUser> {
  const user = await requireTenantUser(tenantSlug);
  if (pageAccess(user, tenantSlug, page) !== "allow") notFound();
  return user;
}
