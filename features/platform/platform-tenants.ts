import type { ScopedClient, Tx } from "@/lib/db";

export type PlatformTenantRow = {
  id: string;
  slug: string;
  name: string;
  kemendagriCode: string;
  provinceName: string;
  /** The pod the city lives on (lib/db/pods.ts). */
  pod: string;
  kecamatan: number;
  kelurahan: number;
  users: number;
};

type Scopes = {
  db: Pick<ScopedClient, "tenant">;
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;
};

/** Tenants counted at once; each opens its own scope (a pooled connection on PostgreSQL). */
const CONCURRENCY = 4;

/**
 * Every tenant with its kecamatan, kelurahan and user counts, by name. The counts are
 * aggregated by the database, in each tenant's own scope: row-level security lets no
 * single query count across tenants, which is the point of it.
 */
export async function listPlatformTenants({ db, withTenant }: Scopes): Promise<PlatformTenantRow[]> {
  const tenants = await db.tenant.findMany({
    select: { id: true, slug: true, name: true, kemendagriCode: true, provinceName: true, pod: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  const rows: PlatformTenantRow[] = [];
  for (let start = 0; start < tenants.length; start += CONCURRENCY) {
    const batch = tenants.slice(start, start + CONCURRENCY);
    rows.push(...(await Promise.all(batch.map(async (tenant) => ({ ...tenant, ...(await withTenant(tenant.id, countTenant)) })))));
  }
  return rows;
}

async function countTenant(tx: Tx): Promise<Pick<PlatformTenantRow, "kecamatan" | "kelurahan" | "users">> {
  const [areas, users] = await Promise.all([tx.area.groupBy({ by: ["level"], _count: { _all: true } }), tx.user.count()]);
  const count = (level: "KECAMATAN" | "KELURAHAN") => areas.find((row) => row.level === level)?._count._all ?? 0;
  return { kecamatan: count("KECAMATAN"), kelurahan: count("KELURAHAN"), users };
}

/** Kemendagri codes and slugs already taken, for the creation form. */
export async function listTakenTenantKeys(db: Pick<ScopedClient, "tenant">): Promise<{ codes: string[]; slugs: string[] }> {
  const tenants = await db.tenant.findMany({ select: { kemendagriCode: true, slug: true } });
  return { codes: tenants.map((tenant) => tenant.kemendagriCode), slugs: tenants.map((tenant) => tenant.slug) };
}
