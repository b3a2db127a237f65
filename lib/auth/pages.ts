import { userHolds, type Access, type Grantee } from "./permissions";

/** Null: any of the city's users; a list: any one of them suffices. */
export type PagePermission = Access;

/**
 * The pages of a city, with the permission each needs.
 * The menu, the gate (lib/auth/gate.ts) and the permission-matrix test all read this table.
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
  return userHolds(user, TENANT_PAGES[page].permission);
}
