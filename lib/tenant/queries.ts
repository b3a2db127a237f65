import { cache } from "react";
import { db } from "@/lib/db";

export type TenantSummary = {
  id: string;
  slug: string;
  name: string;
  provinceName: string;
  kemendagriCode: string;
};

const tenantSummary = { id: true, slug: true, name: true, provinceName: true, kemendagriCode: true } as const;

// Slugs are lower-case words joined by hyphens; anything else cannot be a tenant.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** All cities, by name. */
export async function listTenants(): Promise<TenantSummary[]> {
  return db.tenant.findMany({ select: tenantSummary, orderBy: { name: "asc" } });
}

/** The tenant behind a URL slug, or null. Cached per request: the layout and the page share it. */
export const getTenantBySlug = cache(async (slug: string): Promise<TenantSummary | null> => {
  if (slug.length > 64 || !SLUG.test(slug)) return null;
  return db.tenant.findUnique({ where: { slug }, select: tenantSummary });
});
