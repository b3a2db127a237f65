import { notFound } from "next/navigation";
import { TENANT_PAGES, type TenantPageKey } from "./pages";
import { can } from "./permissions";
import { requireTenantUser, type TenantSessionUser } from "./session";

/**
 * The guard of every city page: signed in (else to /masuk), of this city (else "not
 * found"), and allowed this page by the permission table (else "not found" too).
 */
export async function requireTenantPage(tenantSlug: string, page: TenantPageKey): Promise<TenantSessionUser> {
  const user = await requireTenantUser(tenantSlug);
  const { permission } = TENANT_PAGES[page];
  if (permission && !can(user.role, permission)) notFound();
  return user;
}
