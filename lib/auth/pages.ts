import { userCan, type Grantee, type Permission } from "./permissions";

/** Null: any of the city's users; a list: any one of them suffices. */
export type PagePermission = Permission | readonly Permission[] | null;

/**
 * The pages of a city, with the permission each needs.
 * The menu, the page guards and the permission-matrix test all read this table.
 * `available` turns true when the page is built.
 */
export const TENANT_PAGES = {
  home: { segment: "", permission: null, available: true },
  registry: { segment: "registri", permission: "registry:read", available: true },
  registryImport: { segment: "registri/impor", permission: "registry:import", available: true },
  changeRequests: { segment: "registri/perubahan", permission: ["registry:change-propose", "registry:change-decide"], available: true },
  duplicates: { segment: "registri/duplikat", permission: "registry:graduate", available: true },
  programmes: { segment: "program", permission: "programme:read", available: true },
  trainings: { segment: "pelatihan", permission: "programme:read", available: true },
  aid: { segment: "bantuan", permission: "programme:read", available: true },
  budget: { segment: "anggaran", permission: "programme:read", available: true },
  povertyDashboard: { segment: "dasbor/kemiskinan", permission: "dashboard:bapeda", available: true },
  statistics: { segment: "dasbor/statistik", permission: "dashboard:bapeda", available: true },
  budgetDashboard: { segment: "dasbor/anggaran", permission: "dashboard:mayor", available: true },
  resultsDashboard: { segment: "dasbor/hasil", permission: "dashboard:mayor", available: true },
  revolvingFundsDashboard: { segment: "dasbor/dana-pem", permission: "revolving-fund:rollup", available: true },
  revolvingFunds: { segment: "dana-pem", permission: "revolving-fund:read", available: true },
  users: { segment: "pengguna", permission: "user:manage", available: true },
  opds: { segment: "opd", permission: "opd:manage", available: true },
  areas: { segment: "wilayah", permission: "area:manage", available: true },
  audit: { segment: "audit", permission: "audit:read", available: true },
} as const satisfies Record<string, { segment: string; permission: PagePermission; available: boolean }>;

export type TenantPageKey = keyof typeof TENANT_PAGES;

export function tenantPagePath(tenantSlug: string, page: TenantPageKey): string {
  const { segment } = TENANT_PAGES[page];
  return segment ? `/${tenantSlug}/${segment}` : `/${tenantSlug}`;
}

/** Whether a user (their role, and the mark on their OPD) may open a page of their own city. */
export function userMayOpen(user: Grantee, page: TenantPageKey): boolean {
  const permission: PagePermission = TENANT_PAGES[page].permission;
  if (permission === null) return true;
  return typeof permission === "string" ? userCan(user, permission) : permission.some((one) => userCan(user, one));
}

export type PageAccess = "allow" | "not-found";

/**
 * Whether a signed-in user may open a page of a city: only of their own city (anyone
 * else, the platform admin too, gets "not found") and only if their role has the page's
 * permission. Pure, so the permission-matrix test checks every cell.
 */
export function pageAccess(
  user: Grantee & { tenantSlug: string | null },
  tenantSlug: string,
  page: TenantPageKey,
): PageAccess {
  if (!user.tenantSlug || user.tenantSlug !== tenantSlug) return "not-found";
  return userMayOpen(user, page) ? "allow" : "not-found";
}

