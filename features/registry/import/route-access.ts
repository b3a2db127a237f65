// The check every import route handler makes before reading anything: signed in, of this
// city, allowed to import. Anyone else gets "not found", as from the page guard.
import { can } from "@/lib/auth/permissions";
import { getSessionUser, type TenantSessionUser } from "@/lib/auth/session";

export async function registryImportUser(tenantSlug: string): Promise<TenantSessionUser | null> {
  const user = await getSessionUser();
  if (!user || !user.tenantId || user.tenantSlug !== tenantSlug) return null;
  if (!can(user.role, "registry:import")) return null;
  return user as TenantSessionUser;
}

export function notFoundResponse(): Response {
  return new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
