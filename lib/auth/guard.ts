import { notFound } from "next/navigation";
import { pageAccess, type TenantPageKey } from "./pages";
import { requireTenantUser, type TenantSessionUser } from "./session";

/** The guard of every city page: signed in (else to /masuk), then `pageAccess`. */
export async function requireTenantPage(tenantSlug: string, page: TenantPageKey): Promise<TenantSessionUser> {
  const user = await requireTenantUser(tenantSlug);
  if (pageAccess(user, tenantSlug, page) !== "allow") notFound();
  return user;
}
